import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '@/lib/background/messages';
import { resumeFor } from '@/lib/popup/resume';
import { loadSettings, saveSettings, defaultSettings } from '@/lib/settings';
import { summary } from './popup-fixture';

beforeEach(() => fakeBrowser.reset());

describe('background messages', () => {
  it('sets the badge of the sending tab from its summary', async () => {
    const setBadgeText = vi.fn(async () => {});
    const setBadgeBackgroundColor = vi.fn(async () => {});
    (browser as unknown as { action: object }).action = { setBadgeText, setBadgeBackgroundColor };
    const answer = handleMessage({ type: 'summary:update', data: summary({ a: 2, b: 1 }) }, { tab: { id: 5 } });
    expect(answer).toBeUndefined(); // other listeners (the popup) still hear it
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: '2' }));
  });

  it('opens the article view and the entity detail next to the sender', async () => {
    const opener = await browser.tabs.create({ url: 'https://news.example/' });
    await handleMessage({ type: 'article:open', data: { articleId: 'a1', start: 3, end: 9 } }, { tab: { id: opener.id } });
    await handleMessage({ type: 'entity:open', data: { entityId: 'qais-al-khazali' } }, { tab: { id: opener.id } });
    const urls = (await browser.tabs.query({})).map((t) => t.url);
    expect(urls).toContain(browser.runtime.getURL('/article.html?id=a1#3-9' as '/popup.html'));
    expect(urls).toContain(browser.runtime.getURL('/popup.html?entity=qais-al-khazali'));
  });

  it('ignores malformed and unknown messages', () => {
    expect(handleMessage(null, {})).toBeUndefined();
    expect(handleMessage({ type: 'article:open', data: { articleId: 4 } }, {})).toBeUndefined();
    expect(handleMessage({ type: 'summary:get', data: {} }, {})).toBeUndefined();
  });
});

describe('resume', () => {
  it('removes the paused entries covering the page, keeping the others', async () => {
    await saveSettings({ ...defaultSettings(), pausedSites: ['example.com', 'other.org'] });
    await resumeFor(summary({}, { url: 'https://news.example.com/a', paused: 'site' }));
    expect((await loadSettings()).pausedSites).toEqual(['other.org']);
  });

  it('lifts the global pause', async () => {
    await saveSettings({ ...defaultSettings(), pausedAll: true, pausedSites: ['x.org'] });
    await resumeFor(summary({}, { paused: 'all' }));
    const s = await loadSettings();
    expect(s.pausedAll).toBe(false);
    expect(s.pausedSites).toEqual(['x.org']);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '@/lib/background/messages';
import { createOpenGate, OPEN_INTERVAL_MS } from '@/lib/background/open';
import { resumeFor } from '@/lib/popup/resume';
import { loadSettings, saveSettings, defaultSettings } from '@/lib/settings';
import { summary } from './popup-fixture';

beforeEach(() => fakeBrowser.reset());

describe('background messages', () => {
  const self = browser.runtime.id;

  it('sets the badge of the sending tab from its summary', async () => {
    const setBadgeText = vi.fn(async () => {});
    const setBadgeBackgroundColor = vi.fn(async () => {});
    (browser as unknown as { action: object }).action = { setBadgeText, setBadgeBackgroundColor };
    const answer = handleMessage({ type: 'summary:update', data: summary({ a: 2, b: 1 }) }, { id: self, tab: { id: 5 } });
    expect(answer).toBeUndefined(); // other listeners (the popup) still hear it
    await vi.waitFor(() => expect(setBadgeText).toHaveBeenCalledWith({ tabId: 5, text: '2' }));
  });

  it('ignores a summary from another extension, and a malformed one, without throwing', async () => {
    const setBadgeText = vi.fn(async () => {});
    (browser as unknown as { action: object }).action = { setBadgeText, setBadgeBackgroundColor: vi.fn(async () => {}) };
    handleMessage({ type: 'summary:update', data: summary({ a: 2 }) }, { id: 'other-extension', tab: { id: 6 } });
    for (const data of [null, { counts: null }, { ...summary({}), counts: { a: 'x' } }, { ...summary({}), paused: 'yes' }]) {
      expect(() => handleMessage({ type: 'summary:update', data }, { id: self, tab: { id: 6 } })).not.toThrow();
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('opens the article view and the entity detail next to the sender, when it is the active tab', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const opener = await browser.tabs.create({ url: 'https://news.example/', active: true });
      const tab = { id: opener.id, active: true };
      await handleMessage({ type: 'article:open', data: { articleId: 'a1', start: 3, end: 9 } }, { id: self, tab });
      vi.advanceTimersByTime(OPEN_INTERVAL_MS);
      await handleMessage({ type: 'entity:open', data: { entityId: 'qais-al-khazali' } }, { id: self, tab });
      const urls = (await browser.tabs.query({})).map((t) => t.url);
      expect(urls).toContain(browser.runtime.getURL('/article.html?id=a1#3-9' as '/popup.html'));
      expect(urls).toContain(browser.runtime.getURL('/popup.html?entity=qais-al-khazali'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores malformed and unknown messages, and messages from other extensions', () => {
    expect(handleMessage(null, { id: self })).toBeUndefined();
    expect(handleMessage({ type: 'article:open', data: { articleId: 4 } }, { id: self })).toBeUndefined();
    expect(handleMessage({ type: 'summary:get', data: {} }, { id: self })).toBeUndefined();
    expect(handleMessage({ type: 'entity:open', data: { entityId: 'x' } }, { id: 'other', tab: { id: 1, active: true } })).toBeUndefined();
  });
});

describe('the gate on opening extension tabs', () => {
  it('lets the active tab open one page per interval, never a background tab; extension pages freely', () => {
    let now = 0;
    const mayOpen = createOpenGate(() => now);
    expect(mayOpen({ id: 1, active: true })).toBe(true);
    expect(mayOpen({ id: 1, active: true })).toBe(false);
    now += OPEN_INTERVAL_MS - 1;
    expect(mayOpen({ id: 1, active: true })).toBe(false);
    now += 1;
    expect(mayOpen({ id: 1, active: true })).toBe(true);
    expect(mayOpen({ id: 2, active: true })).toBe(true); // per tab
    expect(mayOpen({ id: 3, active: false })).toBe(false);
    expect(mayOpen({ id: 3 })).toBe(false);
    expect(mayOpen(undefined)).toBe(true);
    expect(mayOpen(undefined)).toBe(true);
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

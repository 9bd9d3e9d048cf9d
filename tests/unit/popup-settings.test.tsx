import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/popup/App';
import type { TabState } from '@/lib/popup/host';
import { pausableHostOf } from '@/lib/popup/page-kind';
import { defaultSettings, parseSettings, type Settings, withSiteActive, withTypeShown } from '@/lib/settings';
import { fakeHost, fixtureDataset, summary } from './popup-fixture';

afterEach(cleanup);

const data = fixtureDataset();
const ready = (counts: Record<string, number>, extra = {}): TabState => ({ status: 'ready', tabId: 7, summary: summary(counts, extra) });

async function renderApp(state: TabState, settings: Settings = defaultSettings()) {
  const host = fakeHost(state, settings);
  const onFirstRender = vi.fn();
  render(<App dataset={data} host={host} onFirstRender={onFirstRender} />);
  await waitFor(() => expect(onFirstRender).toHaveBeenCalledTimes(1));
  // The switches are enabled once the stored settings are read.
  await waitFor(() => expect((screen.getByRole('switch', { name: 'Highlight names on all sites' }) as HTMLInputElement).disabled).toBe(false));
  return host;
}

const input = (role: 'switch' | 'checkbox', name: string | RegExp) => screen.getByRole(role, { name }) as HTMLInputElement;
/** The settings' "this site" switch (a paused page's status panel has one of its own). */
function siteSwitch(): HTMLInputElement {
  const sw = document.getElementById('p-set-site') as HTMLInputElement;
  expect(screen.getAllByRole('switch', { name: /^Highlight names on (?!all sites)/ })).toContain(sw);
  return sw;
}
const hint = () => document.querySelector('.p-settings-hint')?.textContent ?? '';

describe('settings helpers', () => {
  it('switches a site on by lifting every pause that covers it, and off without duplicates', () => {
    const s = parseSettings({ pausedSites: ['example.com', 'news.example.com', 'other.org'] });
    expect(withSiteActive(s, 'www.news.example.com', true).pausedSites).toEqual(['other.org']);
    expect(withSiteActive(s, 'news.example.com', false)).toBe(s);
    expect(withSiteActive(defaultSettings(), 'WWW.News.Example.com', false).pausedSites).toEqual(['news.example.com']);
    expect(withSiteActive(s, '', false)).toBe(s);
  });

  it('shows or hides one type', () => {
    const s = withTypeShown(defaultSettings(), 'organization', false);
    expect(s.types).toEqual({ person: true, organization: false, place: true });
    expect(withTypeShown(s, 'organization', true).types.organization).toBe(true);
  });

  it('offers a site switch on http(s) pages only', () => {
    expect(pausableHostOf('https://www.news.example.com/a')).toBe('news.example.com');
    expect(pausableHostOf('http://127.0.0.1:8080/x.pdf')).toBe('127.0.0.1');
    expect(pausableHostOf('chrome://settings')).toBeNull();
    expect(pausableHostOf('file:///home/me/page.html')).toBeNull();
    expect(pausableHostOf('https://addons.mozilla.org/en-US/firefox/')).toBeNull();
    expect(pausableHostOf(null)).toBeNull();
  });
});

describe('popup settings', () => {
  it('reflects the stored settings', async () => {
    await renderApp(
      ready({ baghdad: 1 }, { url: 'https://news.example.com/story' }),
      parseSettings({ pausedSites: ['other.org'], types: { person: true, organization: false, place: true } }),
    );
    expect(screen.getByText('Settings')).toBeTruthy();
    expect(siteSwitch().checked).toBe(true);
    expect(siteSwitch().closest('label')?.textContent).toBe('Highlight names on news.example.com');
    expect(input('switch', 'Highlight names on all sites').checked).toBe(true);
    expect(input('checkbox', 'People').checked).toBe(true);
    expect(input('checkbox', 'Organizations').checked).toBe(false);
    expect(input('checkbox', 'Places').checked).toBe(true);
    expect(hint()).toBe('People and Places only');
  });

  it('shows a site paused through its parent domain as off, and follows changes made elsewhere', async () => {
    const host = await renderApp(ready({}, { url: 'https://news.example.com/story', paused: 'site' }), parseSettings({ pausedSites: ['example.com'] }));
    expect(siteSwitch().checked).toBe(false);
    expect(hint()).toBe('Paused on this site');
    host.storeSettings(parseSettings({ pausedAll: true }));
    await waitFor(() => expect(input('switch', 'Highlight names on all sites').checked).toBe(false));
    expect(siteSwitch().checked).toBe(true);
    expect(hint()).toBe('Paused on all sites');
    expect(screen.getByText('Gloss is paused everywhere until this is switched back on.')).toBeTruthy();
  });

  it('pauses and resumes this site, and the list follows the page', async () => {
    const host = await renderApp(ready({ baghdad: 2 }, { url: 'https://www.news.example.com/story' }), parseSettings({ pausedSites: ['other.org'] }));
    fireEvent.click(siteSwitch());
    expect(host.updateSettings).toHaveBeenCalledTimes(1);
    expect(host.stored().pausedSites).toEqual(['other.org', 'news.example.com']);
    expect(siteSwitch().checked).toBe(false);

    // The content script applies the change and re-sends its summary.
    host.emit(ready({}, { url: 'https://www.news.example.com/story', paused: 'site' }));
    await waitFor(() => expect(document.querySelector('.p-empty-title')?.textContent).toBe('Gloss is paused on news.example.com'));

    fireEvent.click(siteSwitch());
    expect(host.stored().pausedSites).toEqual(['other.org']);
    expect(siteSwitch().checked).toBe(true);
    host.emit(ready({ baghdad: 2 }, { url: 'https://www.news.example.com/story' }));
    await waitFor(() => expect(document.querySelector('.p-row-name')?.textContent).toBe('Baghdad'));
  });

  it('switching a site on lifts the parent domain that pauses it', async () => {
    const host = await renderApp(ready({}, { url: 'https://news.example.com/story', paused: 'site' }), parseSettings({ pausedSites: ['example.com', 'other.org'] }));
    fireEvent.click(siteSwitch());
    expect(host.stored().pausedSites).toEqual(['other.org']);
  });

  it('pauses and resumes everywhere', async () => {
    const host = await renderApp(ready({ baghdad: 1 }));
    const all = input('switch', 'Highlight names on all sites');
    fireEvent.click(all);
    expect(host.stored()).toEqual({ ...defaultSettings(), pausedAll: true });
    expect(input('switch', 'Highlight names on all sites').checked).toBe(false);
    fireEvent.click(input('switch', 'Highlight names on all sites'));
    expect(host.stored()).toEqual(defaultSettings());
  });

  it('chooses the types shown, one at a time', async () => {
    const host = await renderApp(ready({ baghdad: 1 }), parseSettings({ pausedSites: ['other.org'] }));
    fireEvent.click(input('checkbox', 'Organizations'));
    expect(host.stored()).toEqual({
      pausedSites: ['other.org'],
      pausedAll: false,
      types: { person: true, organization: false, place: true },
      style: 'both',
    });
    fireEvent.click(input('checkbox', 'People'));
    expect(host.stored().types).toEqual({ person: false, organization: false, place: true });
    expect(hint()).toBe('Places only');
    fireEvent.click(input('checkbox', 'Organizations'));
    expect(host.stored().types).toEqual({ person: false, organization: true, place: true });
    expect(document.querySelectorAll('.p-swatch')).toHaveLength(3);
  });

  it('disables the site switch with an explanation where the tab has no http(s) host', async () => {
    await renderApp({ status: 'unavailable', tabId: 3, url: 'chrome://settings/', kind: 'browser' });
    const sw = siteSwitch();
    expect(sw.disabled).toBe(true);
    expect(sw.checked).toBe(false);
    expect(sw.closest('label')?.textContent).toBe('Highlight names on this site');
    const note = document.getElementById(sw.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toContain('Only web pages (http and https)');
    expect(input('switch', 'Highlight names on all sites').disabled).toBe(false);
  });

  it('is not shown on an entity detail', async () => {
    const host = fakeHost(ready({ baghdad: 1 }));
    render(<App dataset={data} host={host} initialEntityId="baghdad" />);
    await screen.findByRole('heading', { level: 2, name: 'Baghdad' });
    expect(screen.queryByRole('switch', { name: 'Highlight names on all sites' })).toBeNull();
  });
});

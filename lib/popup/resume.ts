import type { TabSummary } from '../messaging';
import { loadSettings, normalizeHost, saveSettings } from '../settings';

/** The paused entries that cover `host`: the host itself and any parent domain (a paused site pauses its subdomains). */
export function sitesCovering(pausedSites: readonly string[], host: string): string[] {
  const h = normalizeHost(host);
  return pausedSites.filter((s) => h === s || h.endsWith(`.${s}`));
}

/**
 * Un-pauses the page: lifts the global pause, or removes every paused entry that covers the page's host.
 * The content script watches the settings, rescans and sends a fresh 'summary:update'.
 */
export async function resumeFor(summary: TabSummary): Promise<void> {
  const settings = await loadSettings();
  if (summary.paused === 'all') {
    await saveSettings({ ...settings, pausedAll: false });
    return;
  }
  let host = '';
  try {
    host = new URL(summary.url).hostname;
  } catch {
    return;
  }
  const covering = new Set(sitesCovering(settings.pausedSites, host));
  await saveSettings({ ...settings, pausedSites: settings.pausedSites.filter((s) => !covering.has(s)) });
}

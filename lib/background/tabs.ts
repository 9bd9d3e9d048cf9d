import { validateSummary } from '../messages-validate';
import { setBadge } from './badge';
import { forgetTab, recordSummary } from './summaries';

/**
 * The badge follows the page: cleared when the tab starts loading a new document (the old counts are
 * wrong from that moment), set again by the content script's next 'summary:update'. When loading
 * completes the content script is asked once, for pages whose script answered before the clear
 * (same-document navigations, bfcache restores).
 */
export function trackTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      forgetTab(tabId);
      void setBadge(tabId, null);
    }
    else if (change.status === 'complete') void refreshBadge(tabId);
  });
}

export async function refreshBadge(tabId: number): Promise<void> {
  try {
    // The top frame answers; same-origin frames send their own 'summary:update' instead.
    const summary = validateSummary(await browser.tabs.sendMessage(tabId, { type: 'summary:get', data: {} }));
    if (summary) recordSummary(tabId, 0, summary);
  } catch {
    // No content script in this tab (browser page, store, PDF viewer): no badge.
  }
}

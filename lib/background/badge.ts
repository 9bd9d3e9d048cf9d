import type { TabSummary } from '../messaging';

/** MV3 has `action`, Firefox MV2 has `browserAction`; both have the same badge calls. */
function actionApi(): typeof browser.action {
  return (browser.action ?? browser.browserAction) as typeof browser.action;
}

/** Number of distinct entities on the page; a paused page shows none. */
export function badgeCount(summary: TabSummary): number {
  if (summary.paused) return 0;
  return Object.values(summary.counts).filter((n) => n > 0).length;
}

export function badgeText(summary: TabSummary | null): string {
  const n = summary ? badgeCount(summary) : 0;
  if (n === 0) return '';
  return n > 999 ? '999+' : String(n);
}

/** Errors here mean the tab closed meanwhile: nothing to update. */
export async function setBadge(tabId: number, summary: TabSummary | null): Promise<void> {
  const action = actionApi();
  try {
    await action.setBadgeText({ tabId, text: badgeText(summary) });
    if (summary) await action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
  } catch {
    // The tab is gone.
  }
}

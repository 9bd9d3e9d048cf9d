import { type ArticleRef, articlePath } from '../popup/route';

/** The tab that asked to open a page, as the message's sender names it. */
export interface OpenRequester {
  id?: number;
  active?: boolean;
}

/** A person cannot ask for two extension tabs within this time; a page that fakes clicks would. */
export const OPEN_INTERVAL_MS = 1000;

/**
 * Whether a tab may open an extension page now: only while it is the active tab of its window, and not faster than
 * once per OPEN_INTERVAL_MS per tab. Requests from extension pages (no tab: the toolbar popup) are not limited:
 * no web page can reach them.
 */
export function createOpenGate(now: () => number = () => Date.now()) {
  const last = new Map<number, number>();
  return (tab: OpenRequester | undefined): boolean => {
    if (tab?.id === undefined) return tab === undefined;
    if (tab.active !== true) return false;
    const t = now();
    const before = last.get(tab.id);
    if (before !== undefined && t - before < OPEN_INTERVAL_MS) return false;
    last.set(tab.id, t);
    return true;
  };
}

const mayOpen = createOpenGate();

/** Opens an extension page next to the tab that asked for it. Web pages cannot link to extension pages themselves. */
async function openPage(path: string, requester: OpenRequester | undefined): Promise<void> {
  if (!mayOpen(requester)) return;
  const url = browser.runtime.getURL(path as '/popup.html');
  const openerTabId = requester?.id;
  const opener = openerTabId === undefined ? undefined : await browser.tabs.get(openerTabId).catch(() => undefined);
  await browser.tabs.create({
    url,
    ...(opener ? { index: opener.index + 1, openerTabId, windowId: opener.windowId } : {}),
  });
}

export function openArticle(ref: ArticleRef, requester?: OpenRequester): Promise<void> {
  return openPage(articlePath(ref), requester);
}

export function openEntity(entityId: string, requester?: OpenRequester): Promise<void> {
  return openPage(`/popup.html?entity=${encodeURIComponent(entityId)}`, requester);
}

import { type ArticleRef, articlePath } from '../popup/route';

/** Opens an extension page next to the tab that asked for it. Web pages cannot link to extension pages themselves. */
async function openPage(path: string, openerTabId?: number): Promise<void> {
  const url = browser.runtime.getURL(path as '/popup.html');
  const opener = openerTabId === undefined ? undefined : await browser.tabs.get(openerTabId).catch(() => undefined);
  await browser.tabs.create({
    url,
    ...(opener ? { index: opener.index + 1, openerTabId, windowId: opener.windowId } : {}),
  });
}

export function openArticle(ref: ArticleRef, openerTabId?: number): Promise<void> {
  return openPage(articlePath(ref), openerTabId);
}

export function openEntity(entityId: string, openerTabId?: number): Promise<void> {
  return openPage(`/popup.html?entity=${encodeURIComponent(entityId)}`, openerTabId);
}

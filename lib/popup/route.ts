/** What the popup opens on, from its own URL: `popup.html?tab=ID` (test hook) and `popup.html?entity=ID` (the card's "More"). */
export interface PopupParams {
  /** The tab to describe; null means the active tab of the current window. */
  tabId: number | null;
  /** Open directly on this entity's detail. */
  entityId: string | null;
}

export function parsePopupParams(search: string): PopupParams {
  const p = new URLSearchParams(search);
  const tab = p.get('tab');
  const tabId = tab !== null && /^\d+$/.test(tab) ? Number(tab) : null;
  return { tabId, entityId: p.get('entity') || null };
}

/** The article view addresses a passage as `#START-END` (UTF-16 offsets into the article text). */
export interface ArticleRef {
  articleId: string;
  start?: number;
  end?: number;
}

export function articlePath(ref: ArticleRef): string {
  const range = ref.start !== undefined && ref.end !== undefined ? `#${ref.start}-${ref.end}` : '';
  return `/article.html?id=${encodeURIComponent(ref.articleId)}${range}`;
}

export function parseArticleLocation(search: string, hash: string): ArticleRef | null {
  const id = new URLSearchParams(search).get('id');
  if (!id) return null;
  const m = /^#(\d+)-(\d+)$/.exec(hash);
  if (!m) return { articleId: id };
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { articleId: id, start, end } : { articleId: id };
}

import type { ArticleMeta } from '../dataset/schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-01-03" → "3 January 2020", "2020-01" → "January 2020", null → "undated". Never shifts by time zone. */
export function formatArticleDate(date: string | null): string {
  if (!date) return 'undated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y as string;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The parts of a source line, in reading order: publisher (or the source's own name), then the date. */
export function sourceParts(meta: ArticleMeta): { publisher: string | null; date: string } {
  return { publisher: meta.publisher ?? meta.source, date: formatArticleDate(meta.date) };
}

import { ARTICLE, ARTICLE_BEFORE_HYPHEN } from './normalize';
import { CASE_TITLE, infoAt, reach, SEP_HYPHEN, type Tokens } from './tokenize';

/**
 * Can word j be one of the short words the rules look for (an article, "of", "Jr")? They have at most three
 * letters: a longer word in plain ASCII, without characters to drop, is none of them, and needs no keys to tell.
 * True when the word's keys are made already: the caller reads them.
 */
export function mayBeShortWord(t: Tokens, j: number): boolean {
  // keys already made are cheaper to read than the word
  if (t.info[j] !== undefined) return true;
  const s = t.start[j] as number;
  const e = t.end[j] as number;
  if (e - s <= 3 || t.joined[j] === 1) return true;
  if (t.plain[j] === 1) return false;
  for (let k = s; k < e; k++) if (t.text.charCodeAt(k) >= 0x80) return true;
  return false;
}

/** The separator after word j, if another word follows. */
export function sepAfter(t: Tokens, j: number): number | undefined {
  return reach(t, j + 1) ? t.sep[j + 1] : undefined;
}

/** Is word j the Arabic article here: a form of it, and hyphen-joined to the next word where that is required? */
export function isArticleAt(t: Tokens, j: number): boolean {
  if (!mayBeShortWord(t, j)) return false;
  const article = infoAt(t, j).article;
  return article === ARTICLE || (article === ARTICLE_BEFORE_HYPHEN && sepAfter(t, j) === SEP_HYPHEN);
}

export function isCapital(c: number | undefined): boolean {
  return c === CASE_TITLE;
}

/**
 * Turkish writes a case suffix after a proper name with an apostrophe (Kerkük'te, Bağdat'ta, Tahran'ın): tried only
 * when the whole word is no key, so transliterations with an inner apostrophe (Kata'ib) are read as they are.
 */
export const TURKISH_SUFFIX =
  /^(.+?)['\u2019](?:[dt][ae]|[dt][ae]n|[dt][ae]ki|n?[dt][ae]n|y?[aeıiuü]|y?[ıiuü]n|n[ıiuü]n|y?l[ae]|l[ıiuü]|n[ae]|n[dt][ae])$/u;

export function suffixLength(raw: string): number {
  const m = TURKISH_SUFFIX.exec(raw);
  return m ? raw.length - (m[1] as string).length : 0;
}

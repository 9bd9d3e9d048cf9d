/**
 * Keys for comparing words as the press spells them.
 * - light key: case, diacritics, apostrophes and invisible characters folded ("Khaz'ali" = "khazali").
 * - heavy key: the light key with transliteration variants folded as well ("Qays" = "Qais" = "Kais",
 *   "Ameri" = "Amiri" = "Amari", "Mohandess" = "Muhandis"). Used only where a name has several words or
 *   is gated by context, because on a single word it would also fold distinct names together.
 */

const COMBINING_MARKS = /\p{M}/gu;
/** Apostrophes and their lookalikes, including the ʿayn and hamza half rings of scholarly transliteration. */
const APOSTROPHES = /['\u2018\u2019\u02BC\u02BE\u02BF\u02BB\u0060\u00B4\u2032]/g;
/** Soft hyphen, zero-width space/joiners, word joiner, BOM, Arabic tatweel. */
const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF\u0640]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
const NON_ASCII = /[^\x00-\x7F]/;

/** Arabic and Persian letter variants that the press and keyboards use interchangeably. */
const ARABIC_FOLDS: Record<string, string> = {
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ
  '\u0649': '\u064A', // ى
  '\u06CC': '\u064A', // Persian ی
  '\u06A9': '\u0643', // Persian ک
  '\u0629': '\u0647', // ة
};
const ARABIC_FOLD_RE = /[\u0623\u0625\u0622\u0671\u0649\u06CC\u06A9\u0629]/g;

export function lightKey(word: string): string {
  if (!NON_ASCII.test(word)) {
    return word.indexOf("'") === -1 && word.indexOf('`') === -1 ? word.toLowerCase() : word.replace(APOSTROPHES, '').toLowerCase();
  }
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(INVISIBLES, '')
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLDS[c] ?? c)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/[ıİ]/g, 'i')
    .replace(/[đĐ]/g, 'd');
}

const heavyCache = new Map<string, string>();
const VOWELS = /[aeiouy]+/g;

/** Folds a light key into its transliteration skeleton. Deterministic and idempotent. */
export function heavyKey(light: string): string {
  const cached = heavyCache.get(light);
  if (cached !== undefined) return cached;
  let k = light;
  if (/^[a-z0-9]+$/.test(k)) {
    k = k
      .replace(/ph/g, 'f')
      // French and German press: Nadjaf, Nadschaf, Dschafar for Najaf, Jafar.
      .replace(/d(?:sch|j)/g, 'j')
      // sh, kh and the ch and sch of the French and German press (Hachd al-Chaabi, Ali Chamenei) are one class.
      // The Spanish j (Jamenei) is not folded in: Spanish writes the English j as y (Nayaf), which already folds to j.
      .replace(/sch|ch|sh|kh/g, 'x')
      .replace(/z/g, 's')
      .replace(/dh/g, 'd')
      .replace(/gh/g, 'q')
      .replace(/ck/g, 'k')
      .replace(/c/g, 'k')
      .replace(/q/g, 'k')
      // A y before a vowel is a consonant (Yacoub, Kadhimiya); elsewhere it is part of a vowel (Keyhan).
      .replace(/^y/, 'j')
      .replace(/y(?=[aeiou])/g, 'j')
      // An h that only lengthens a vowel (Jafarzahdeh, Mahdi, Hezbollah) is dropped.
      .replace(/([aeiouy])h(?![aeiouy])/g, '$1')
      .replace(/(.)\1+/g, '$1')
      .replace(VOWELS, 'a');
  }
  if (heavyCache.size > 50_000) heavyCache.clear();
  heavyCache.set(light, k);
  return k;
}

/** Forms of the Arabic definite article as transliterated (al-Amiri, el-Amiri, ad-Dawa, ash-Shaabi, ul-Haq). */
export const ARTICLE_FORMS = new Set([
  'al',
  'el',
  'ad',
  'ed',
  'ash',
  'as',
  'at',
  'az',
  'ar',
  'an',
  'ul',
  'il',
  'ud',
  'us',
  'ut',
  'ur',
  'un',
  'az',
]);
/** Article forms that are also English words: they count as the article only when hyphen-joined to the next word. */
export const ARTICLE_FORMS_NEEDING_HYPHEN = new Set(['as', 'at', 'an', 'ad', 'us', 'un', 'il', 'ur']);
/** The Persian ezafe, written as a separate word in transliteration (Mojahedin-e Khalq). */
export const EZAFE_FORMS = new Set(['e', 'ye', 'i']);

/** WordInfo.article: not a form of the article; a form of it; a form of it only when a hyphen follows (as-Sadr). */
export const NOT_ARTICLE = 0;
export const ARTICLE = 1;
export const ARTICLE_BEFORE_HYPHEN = 2;

export function articleForm(light: string): number {
  if (!ARTICLE_FORMS.has(light)) return NOT_ARTICLE;
  return ARTICLE_FORMS_NEEDING_HYPHEN.has(light) ? ARTICLE_BEFORE_HYPHEN : ARTICLE;
}

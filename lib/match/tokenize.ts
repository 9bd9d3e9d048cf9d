import { articleForm, heavyKey, lightKey } from './normalize';
import { finishHash, HASH1_SEED, HASH2_SEED, hash1Step, hash2Step, hashAt, lastHash2, SpellingTable } from './spelling-table';

/** What separates a token from the one before it; a multi-word name may only span SEP_SPACE, SEP_HYPHEN and SEP_SOFT. */
export const SEP_SPACE = 0;
export const SEP_HYPHEN = 1;
/** Quotes and brackets: Dale "Chip" McElhattan, Masoumeh (Mary) Ebtekar. */
export const SEP_SOFT = 2;
export const SEP_HARD = 3;
/** A blank line: the end of a block. Nothing matches across it. */
export const SEP_BREAK = 4;

export const CASE_LOWER = 0;
/** Capitalized or all capitals. */
export const CASE_TITLE = 1;
/** Scripts without case (Arabic, Persian, digits). */
export const CASE_NONE = 3;

/**
 * Words of a text, as parallel arrays: a page has hundreds of thousands of them. The word strings and their
 * keys are made lazily (rawAt, infoAt): most words are lowercase prose that no name can start with.
 */
export interface Tokens {
  text: string;
  count: number;
  /** Surface span in the text; `end` excludes a possessive 's. */
  start: Int32Array;
  end: Int32Array;
  sep: Uint8Array;
  caseOf: Uint8Array;
  possessive: Uint8Array;
  /** The word contains characters to drop (soft hyphens, zero-width characters, abbreviation dots). */
  joined: Uint8Array;
  block: Int32Array;
  /** The word is ASCII letters and nothing else (cut in one pass by cutHashed). */
  plain: Uint8Array;
  /** The two hashes of each word's spelling (possessive excluded), as hashAt gives them. */
  h1: Int32Array;
  h2: Int32Array;
  raw: Array<string | undefined>;
  info: Array<WordInfo | undefined>;
  /** Where cutting stopped before the end of the range (see reach), or -1 when all words are cut. */
  resume: number;
  /** End of the range being cut. */
  to: number;
}

export interface WordInfo {
  light: string;
  heavy: string;
  /** Whether the word is a form of the Arabic article: NOT_ARTICLE, ARTICLE or ARTICLE_BEFORE_HYPHEN (normalize). */
  article: number;
}

/** Characters dropped from a word to compare it: abbreviation dots and invisible characters. */
export const JOINERS = /[.\u00AD\u200B-\u200D\u2060\uFEFF\u0640]/g;

/** The word with invisible characters and abbreviation dots removed, case kept. */
export function rawAt(t: Tokens, i: number): string {
  const w = t.raw[i];
  return w === undefined ? spell(t, i).raw : w;
}

export function infoAt(t: Tokens, i: number): WordInfo {
  const info = t.info[i];
  return info === undefined ? spell(t, i).info : info;
}

interface Spelling {
  raw: string;
  info: WordInfo;
}

/** Words met around names, by spelling: the same few come back all over a page, and each is sliced and keyed once. */
const spellings = new SpellingTable<Spelling>();

/** Word i's string and keys, stored into t. */
function spell(t: Tokens, i: number): Spelling {
  const h = t.h1[i] as number;
  const g = t.h2[i] as number;
  let w = spellings.get(h, g);
  if (w === undefined) {
    let raw = t.text.slice(t.start[i] as number, t.end[i] as number);
    if (t.joined[i]) raw = raw.replace(JOINERS, '');
    w = { raw, info: wordInfo(raw) };
    spellings.set(h, g, w);
  }
  t.raw[i] = w.raw;
  t.info[i] = w.info;
  return w;
}

const WORD = 1;
const NOT_WORD = 2;
const charClass = new Uint8Array(65536);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

export function isWordCode(c: number): boolean {
  let k = charClass[c];
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? NOT_WORD : WORD_RE.test(String.fromCharCode(c)) ? WORD : NOT_WORD;
    charClass[c] = k;
  }
  return k === WORD;
}

function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x640;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x60 || c === 0xb4 || c === 0x2032;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x0c
  );
}

export function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isSoftPunct(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x28 ||
    c === 0x29 ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0xab ||
    c === 0xbb
  );
}

/** Abbreviations written with a full stop that may stand inside or before a name. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'brig',
  'adm',
  'sen',
  'rep',
  'gov',
  'prof',
  'st',
  'ft',
  'mt',
  'sr',
  'jr',
]);

function isAbbreviation(text: string, s: number, e: number): boolean {
  if (e - s > 4) return false;
  const w = text.slice(s, e);
  // U.S, U.N: capital letters joined by dots (the token already holds the inner dots); J. in Donald J. Trump.
  if (/^[A-Z](?:\.[A-Z])*$/.test(w)) return true;
  return ABBREVIATIONS.has(w.toLowerCase());
}

function isUpperAscii(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

const caseCache = new Uint8Array(65536);

/** The case of a word's first letter (all that the rules need: is it written as a name?). */
export function caseOfChar(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return CASE_LOWER;
  if (c >= 0x41 && c <= 0x5a) return CASE_TITLE;
  if (c < 0x80) return CASE_NONE;
  let k = caseCache[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    k = 1 + (lower === ch.toUpperCase() ? CASE_NONE : ch === lower ? CASE_LOWER : CASE_TITLE);
    caseCache[c] = k;
  }
  return k - 1;
}

/** Words repeat a lot on a page and across pages: fold each distinct spelling once. */
const wordCache = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 200_000;

export function wordInfo(word: string): WordInfo {
  let info = wordCache.get(word);
  if (!info) {
    const light = lightKey(word);
    info = { light, heavy: heavyKey(light), article: articleForm(light) };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, info);
  }
  return info;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function growU8(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

export function tokenize(text: string): Tokens {
  return tokenizeRange(text, 0, text.length, Number.POSITIVE_INFINITY);
}

/**
 * Does a word of the whole text's tokenization start at p (a word character)? Decided from the few characters
 * around p, so the matcher can tokenize locally around the rare places where a name may start.
 */
export function isTokenStart(text: string, p: number): boolean {
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  if (isWordCode(c)) return false;
  // Only a word running up to p - 2 can join across the character before p.
  if (p < 2 || !isWordCode(text.charCodeAt(p - 2))) return true;
  if (isInvisible(c) || isApostrophe(c)) return false;
  return !(
    c === 0x2e &&
    isUpperAscii(text.charCodeAt(p - 2)) &&
    isUpperAscii(text.charCodeAt(p)) &&
    (p + 1 >= text.length || !isWordCode(text.charCodeAt(p + 1))) &&
    (text.charCodeAt(p - 3) === 0x2e || isTokenStart(text, p - 2))
  );
}

/** Start of the word before the one starting at p, or -1. */
export function prevTokenStart(text: string, p: number): number {
  let k = p - 1;
  for (;;) {
    // runs of spaces and line breaks (indentation in page text) first, without the character table
    for (let c = text.charCodeAt(k); k >= 0 && (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d); c = text.charCodeAt(--k));
    while (k >= 0 && !isWordCode(text.charCodeAt(k))) k--;
    if (k < 0) return -1;
    // Only the first character of a run of word characters can start a word.
    while (k > 0 && isWordCode(text.charCodeAt(k - 1))) k--;
    if (isTokenStart(text, k)) return k;
    // joined to the word before (Kata'ib, U.S): go on back
    k--;
  }
}

/** Set by wordEnd: whether the word it scanned holds characters to drop. */
let lastWordJoined = false;

/** Raw end (possessive included) of the word starting at s, as tokenize cuts it. */
export function wordEnd(text: string, s: number): number {
  const n = text.length;
  let hasJoiner = false;
  let i = s + 1;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (((d | 0x20) - 0x61) >>> 0 < 26 || isWordCode(d)) {
      i++;
    } else if ((isInvisible(d) || isApostrophe(d)) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
      hasJoiner = true;
      i += 2;
    } else if (
      d === 0x2e &&
      i - s >= 1 &&
      isUpperAscii(text.charCodeAt(i - 1)) &&
      (i - 1 === s || text.charCodeAt(i - 2) === 0x2e) &&
      i + 1 < n &&
      isUpperAscii(text.charCodeAt(i + 1)) &&
      (i + 2 >= n || !isWordCode(text.charCodeAt(i + 2)))
    ) {
      hasJoiner = true;
      i += 2;
    } else {
      break;
    }
  }
  lastWordJoined = hasJoiner;
  return i;
}

/** After a run of ASCII letters, can the word go on (a letter or digit outside a-z, an apostrophe, a joiner, a dot)? */
function mayContinueWord(d: number): boolean {
  return d === 0x2e || d === 0x27 || d >= 0x80 || (d >= 0x30 && d <= 0x39) || d === 0x60;
}

/**
 * Set by cutHashed: the word's raw end, its end without a possessive 's, whether it holds characters to drop,
 * whether it is ASCII letters only, and the two hashes of its spelling without the possessive (as hashAt gives them).
 */
export const hashedWord = { rawEnd: 0, end: 0, joined: false, plain: false, h1: 0, h2: 0 };

/**
 * Cuts the word starting at s (a word character) as wordEnd does and hashes it, into hashedWord. Most words are
 * plain ASCII letters: those are cut and hashed in one pass; anything else takes the full rules and a second pass.
 */
export function cutHashed(text: string, s: number): void {
  const n = text.length;
  let e = s + 1;
  let h = hash1Step(HASH1_SEED, text.charCodeAt(s));
  let g = hash2Step(HASH2_SEED, text.charCodeAt(s));
  for (; e < n; e++) {
    const d = text.charCodeAt(e);
    if (((d | 0x20) - 0x61) >>> 0 >= 26) break;
    h = hash1Step(h, d);
    g = hash2Step(g, d);
  }
  const w = hashedWord;
  if (e < n && mayContinueWord(text.charCodeAt(e))) {
    w.rawEnd = wordEnd(text, s);
    w.joined = lastWordJoined;
    w.plain = false;
    w.end = w.rawEnd - possessiveLength(text, s, w.rawEnd);
    w.h1 = hashAt(text, s, w.end);
    w.h2 = lastHash2;
  } else {
    w.rawEnd = e;
    w.end = e;
    w.joined = false;
    w.plain = true;
    w.h1 = finishHash(h, e - s);
    w.h2 = finishHash(g, e - s);
  }
}

/** Length of a possessive 's at the end of the raw word [s, e): 2 or 0. */
export function possessiveLength(text: string, s: number, e: number): number {
  return e - s > 2 && (text.charCodeAt(e - 1) | 0x20) === 0x73 && isApostrophe(text.charCodeAt(e - 2)) ? 2 : 0;
}

/**
 * The words of text whose start lies in [from, to), exactly as tokenize(text) cuts them (from must not be inside
 * a word); the first word's separator is SEP_BREAK. At most max words are cut now, the rest on demand (reach),
 * so a look at a few words does not pay for a long stretch of text. `into` is reused instead of allocating.
 */
export function tokenizeRange(text: string, from: number, to: number, max: number, into?: Tokens): Tokens {
  let t: Tokens;
  if (into) {
    t = into;
    t.text = text;
    for (let k = 0; k < t.count; k++) {
      t.raw[k] = undefined;
      t.info[k] = undefined;
    }
    t.count = 0;
  } else {
    t = newTokens(Math.min(max, (to - from) >> 3));
    t.text = text;
  }
  t.resume = from;
  t.to = to;
  cut(t, max);
  if (!into) {
    t.raw = new Array(t.count);
    t.info = new Array(t.count);
  }
  return t;
}

/** Is word k there, cutting further if needed? */
export function reach(t: Tokens, k: number): boolean {
  while (k >= t.count && t.resume >= 0) cut(t, k + 1);
  return k < t.count;
}

/** Spaces, tabs and line breaks from lastIndex on (sticky, may be empty). */
const BLANK_RUN = /[ \t\r\n]*/y;

/** Cuts words from t.resume on until there are max of them or the range ends. */
function cut(t: Tokens, max: number): void {
  const text = t.text;
  const to = t.to;
  let cap = t.start.length;
  let { start, end, sep, caseOf, possessive, block, joined, plain, h1, h2, count } = t;
  let blockId = count > 0 ? (block[count - 1] as number) : 0;
  // State of the gap since the last token.
  let newlines = 0;
  let gapSep = SEP_SPACE;
  let resume = -1;

  let i = t.resume;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      i++;
      continue;
    }
    if (!isWordCode(c)) {
      if (c === 0x0a) {
        if (++newlines === 2) {
          // A blank line: the gap is a block break whatever else it holds, and page text often has long runs of
          // indentation here, skipped at the regex engine's speed.
          BLANK_RUN.lastIndex = i + 1;
          BLANK_RUN.test(text);
          i = Math.min(BLANK_RUN.lastIndex, to);
          continue;
        }
      } else if (isSpace(c) || isInvisible(c)) {
        // whitespace keeps the current separator class
      } else if (isHyphen(c)) {
        if (gapSep < SEP_HYPHEN) gapSep = SEP_HYPHEN;
      } else if (isSoftPunct(c)) {
        if (gapSep < SEP_SOFT) gapSep = SEP_SOFT;
      } else if (!(c === 0x2e && count > 0 && i === end[count - 1] && isAbbreviation(text, start[count - 1] as number, i))) {
        // The full stop of an abbreviation (U.S., Dr., Gen.) does not end a name: "U.S. State Department".
        gapSep = SEP_HARD;
      }
      i++;
      continue;
    }
    // A word: letters, digits and marks, continued across invisible characters and inner apostrophes,
    // and across the dots of a capital-letter abbreviation (U.S., U.N.).
    const s = i;
    cutHashed(text, s);
    i = hashedWord.rawEnd;
    if (count === cap) {
      cap *= 2;
      start = grow(start);
      end = grow(end);
      block = grow(block);
      h1 = grow(h1);
      h2 = grow(h2);
      sep = growU8(sep);
      caseOf = growU8(caseOf);
      possessive = growU8(possessive);
      joined = growU8(joined);
      plain = growU8(plain);
    }
    if (newlines >= 2) {
      gapSep = SEP_BREAK;
      blockId++;
    }
    start[count] = s;
    end[count] = hashedWord.end;
    h1[count] = hashedWord.h1;
    h2[count] = hashedWord.h2;
    sep[count] = count === 0 ? SEP_BREAK : gapSep;
    caseOf[count] = caseOfChar(text.charCodeAt(s));
    possessive[count] = i > hashedWord.end ? 1 : 0;
    joined[count] = hashedWord.joined ? 1 : 0;
    plain[count] = hashedWord.plain ? 1 : 0;
    block[count] = blockId;
    count++;
    newlines = 0;
    gapSep = SEP_SPACE;
    if (count >= max && i < to) {
      resume = i;
      break;
    }
  }
  t.start = start;
  t.end = end;
  t.sep = sep;
  t.caseOf = caseOf;
  t.possessive = possessive;
  t.joined = joined;
  t.plain = plain;
  t.block = block;
  t.h1 = h1;
  t.h2 = h2;
  t.count = count;
  t.resume = resume;
}

/** Empty tokens to fill with tokenizeRange. */
export function newTokens(capacity: number): Tokens {
  const cap = Math.max(16, capacity);
  return {
    text: '',
    count: 0,
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    sep: new Uint8Array(cap),
    caseOf: new Uint8Array(cap),
    possessive: new Uint8Array(cap),
    joined: new Uint8Array(cap),
    plain: new Uint8Array(cap),
    block: new Int32Array(cap),
    h1: new Int32Array(cap),
    h2: new Int32Array(cap),
    raw: [],
    info: [],
    resume: -1,
    to: 0,
  };
}

import { heavyKey, lightKey } from './normalize';

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
  raw: Array<string | undefined>;
  info: Array<WordInfo | undefined>;
}

export interface WordInfo {
  light: string;
  heavy: string;
}

/** The word with invisible characters and abbreviation dots removed, case kept. */
export function rawAt(t: Tokens, i: number): string {
  let w = t.raw[i];
  if (w === undefined) {
    w = t.text.slice(t.start[i], t.end[i]);
    if (t.joined[i]) w = w.replace(/[.\u00AD\u200B-\u200D\u2060\uFEFF\u0640]/g, '');
    t.raw[i] = w;
  }
  return w;
}

export function infoAt(t: Tokens, i: number): WordInfo {
  let info = t.info[i];
  if (info === undefined) {
    info = wordInfo(rawAt(t, i));
    t.info[i] = info;
  }
  return info;
}

const WORD = 1;
const NOT_WORD = 2;
const charClass = new Uint8Array(65536);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number): boolean {
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
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x0c;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isSoftPunct(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0xab || c === 0xbb;
}

/** Abbreviations written with a full stop that may stand inside or before a name. */
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'brig', 'adm', 'sen', 'rep', 'gov', 'prof', 'st', 'ft', 'mt', 'sr', 'jr']);

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
function caseOfChar(c: number): number {
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
    info = { light, heavy: heavyKey(light) };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, info);
  }
  return info;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function growU8(a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap = Math.max(16, n >> 3);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let sep = new Uint8Array(cap);
  let caseOf = new Uint8Array(cap);
  let possessive = new Uint8Array(cap);
  let block = new Int32Array(cap);
  let joined = new Uint8Array(cap);
  let count = 0;
  let blockId = 0;
  // State of the gap since the last token.
  let newlines = 0;
  let gapSep = SEP_SPACE;

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      if (c === 0x0a) {
        newlines++;
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
    let hasJoiner = false;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordCode(d)) {
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
    let e = i;
    let poss = 0;
    if (e - s > 2 && (text.charCodeAt(e - 1) | 0x20) === 0x73 && isApostrophe(text.charCodeAt(e - 2))) {
      e -= 2;
      poss = 1;
    }
    if (count === cap) {
      cap *= 2;
      start = grow(start);
      end = grow(end);
      block = grow(block);
      sep = growU8(sep);
      caseOf = growU8(caseOf);
      possessive = growU8(possessive);
      joined = growU8(joined);
    }
    if (newlines >= 2) {
      gapSep = SEP_BREAK;
      blockId++;
    }
    start[count] = s;
    end[count] = e;
    sep[count] = count === 0 ? SEP_BREAK : gapSep;
    caseOf[count] = caseOfChar(text.charCodeAt(s));
    possessive[count] = poss;
    joined[count] = hasJoiner ? 1 : 0;
    block[count] = blockId;
    count++;
    newlines = 0;
    gapSep = SEP_SPACE;
  }
  return { text, count, start, end, sep, caseOf, possessive, joined, block, raw: new Array(count), info: new Array(count) };
}

import { lightKey } from './normalize';

/** What separates a token from the one before it; a multi-word name may only span SEP_SPACE, SEP_HYPHEN and SEP_SOFT. */
export const SEP_SPACE = 0;
export const SEP_HYPHEN = 1;
/** Quotes and brackets: Dale "Chip" McElhattan, Masoumeh (Mary) Ebtekar. */
export const SEP_SOFT = 2;
export const SEP_HARD = 3;
/** A blank line: the end of a block. Nothing matches across it. */
export const SEP_BREAK = 4;

export const CASE_LOWER = 0;
export const CASE_TITLE = 1;
export const CASE_UPPER = 2;
/** Scripts without case (Arabic, Persian, digits). */
export const CASE_NONE = 3;

/** Words of a text, as parallel arrays: a page has hundreds of thousands of them. */
export interface Tokens {
  text: string;
  count: number;
  /** Surface span in the text; `end` excludes a possessive 's. */
  start: Int32Array;
  end: Int32Array;
  /** The word with invisible characters and abbreviation dots removed, case kept. */
  raw: string[];
  light: string[];
  sep: Uint8Array;
  caseOf: Uint8Array;
  possessive: Uint8Array;
  block: Int32Array;
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

function isUpperAscii(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function caseOfWord(w: string): number {
  const first = w.charAt(0);
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  if (lower === upper) return CASE_NONE;
  if (first === lower) return CASE_LOWER;
  if (w.length > 1 && w === w.toUpperCase()) return CASE_UPPER;
  return CASE_TITLE;
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
  const n = text.length;
  let cap = Math.max(16, n >> 3);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let sep = new Uint8Array(cap);
  let caseOf = new Uint8Array(cap);
  let possessive = new Uint8Array(cap);
  let block = new Int32Array(cap);
  const raw: string[] = [];
  const light: string[] = [];
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
      } else {
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
    let word = text.slice(s, e);
    if (hasJoiner) word = word.replace(/[.\u00AD\u200B-\u200D\u2060\uFEFF\u0640]/g, '');
    let poss = 0;
    const len = word.length;
    if (len > 2 && (word.charCodeAt(len - 1) === 0x73 || word.charCodeAt(len - 1) === 0x53) && isApostrophe(word.charCodeAt(len - 2))) {
      word = word.slice(0, len - 2);
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
    }
    if (newlines >= 2) {
      gapSep = SEP_BREAK;
      blockId++;
    }
    start[count] = s;
    end[count] = e;
    sep[count] = count === 0 ? SEP_BREAK : gapSep;
    caseOf[count] = caseOfWord(word);
    possessive[count] = poss;
    block[count] = blockId;
    raw.push(word);
    light.push(lightKey(word));
    count++;
    newlines = 0;
    gapSep = SEP_SPACE;
  }
  return { text, count, start, end, raw, light, sep, caseOf, possessive, block };
}

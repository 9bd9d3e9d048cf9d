import { infoAt, isWordCode, type Tokens, tokenizeRange } from './tokenize';

/**
 * Blocks and lines of the searched text, as the rules see them: a block (paragraph, cell, list item) ends at a blank
 * line, a line at a line break. Their words are read once per find call and cached by their start offset.
 */

export interface BlockInfo {
  /** Light keys of the block's words, as a set and in order. */
  words: Set<string>;
  lights: string[];
}

export interface Caches {
  /** By the block's start offset. */
  blocks: Map<number, BlockInfo>;
  lastBlock: { start: number; end: number; info: BlockInfo } | null;
  /** Whether a line is a headline, by the line's start offset. */
  headlines: Map<number, boolean>;
  /** Whether the text uses a word in lowercase, as a common word, by the word (see usedAsCommonWord). */
  commonWords: Map<string, boolean>;
  /** End of the last name found in the text so far (reported or not), or -1. */
  lastNameEnd: number;
}

export function newCaches(): Caches {
  return { blocks: new Map(), lastBlock: null, headlines: new Map(), commonWords: new Map(), lastNameEnd: -1 };
}

/** Two line breaks with no word between end a block. */
function isBlockBreak(text: string, newline: number, step: number): boolean {
  for (let k = newline + step; k >= 0 && k < text.length; k += step) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) return true;
    if (isWordCode(c)) return false;
  }
  return false;
}

/** Where the block holding offset at starts: just after its opening break, or 0. */
export function blockStart(text: string, at: number): number {
  let q = text.lastIndexOf('\n', at);
  while (q >= 0) {
    if (isBlockBreak(text, q, -1)) return q + 1;
    // lastIndexOf clamps a negative start to 0
    q = q > 0 ? text.lastIndexOf('\n', q - 1) : -1;
  }
  return 0;
}

export function blockEnd(text: string, at: number): number {
  let q = text.indexOf('\n', at);
  while (q >= 0) {
    if (isBlockBreak(text, q, 1)) return q;
    q = text.indexOf('\n', q + 1);
  }
  return text.length;
}

export function blockInfoOf(t: Tokens, i: number, caches: Caches): BlockInfo {
  const at = t.start[i] as number;
  const last = caches.lastBlock;
  if (last && last.start <= at && at < last.end) return last.info;
  const text = t.text;
  const start = blockStart(text, at);
  const end = blockEnd(text, at);
  let info = caches.blocks.get(start);
  if (!info) {
    const words = new Set<string>();
    const lights: string[] = [];
    const block = tokenizeRange(text, start, end, Number.POSITIVE_INFINITY);
    for (let k = 0; k < block.count; k++) {
      const light = infoAt(block, k).light;
      words.add(light);
      lights.push(light);
    }
    info = { words, lights };
    caches.blocks.set(start, info);
  }
  caches.lastBlock = { start, end, info };
  return info;
}

/** Does the block hold these words (light keys) in a row? */
export function containsSequence(info: BlockInfo, seq: readonly string[]): boolean {
  if (seq.length === 1) return info.words.has(seq[0] as string);
  if (!seq.every((w) => info.words.has(w))) return false;
  outer: for (let k = 0; k + seq.length <= info.lights.length; k++) {
    for (let m = 0; m < seq.length; m++) if (info.lights[k + m] !== seq[m]) continue outer;
    return true;
  }
  return false;
}

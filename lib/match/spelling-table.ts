/**
 * Two independent 32-bit hashes of a word's characters name its spelling: the odds that two spellings share both
 * are 1 in 2^64, so the tables below compare hashes, never strings. A string compare would load each word's
 * string from memory, and on a page with tens of thousands of distinct words that costs more than the scan.
 */
export const HASH1_SEED = 0x811c9dc5 | 0;
export const HASH2_SEED = 0x2c1b3c6d;

/** FNV-1a. */
export function hash1Step(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** A multiply-add hash with other constants, so that it fails independently of hash1Step. */
export function hash2Step(h: number, code: number): number {
  return (Math.imul(h ^ code, 0x297a2d39) + 0x165667b1) | 0;
}

/** The length is mixed in last: otherwise a word and its extension by a character that hashes to 0 would meet. */
export function finishHash(h: number, length: number): number {
  return Math.imul(h ^ length, 0x9e3779b1);
}

/** One hash of a pair of spellings from one hash of each: two pairs meet only where both their spellings do. */
export function pairHash(first: number, second: number): number {
  return Math.imul(first ^ 0x5bd1e995, 0x9e3779b1) ^ second;
}

/** Set by hashAt: the second hash of the word it hashed. */
export let lastHash2 = 0;

/** The first hash of text[s, e); its second is left in lastHash2. */
export function hashAt(text: string, s: number, e: number): number {
  let h = HASH1_SEED;
  let g = HASH2_SEED;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    h = hash1Step(h, c);
    g = hash2Step(g, c);
  }
  lastHash2 = finishHash(g, e - s);
  return finishHash(h, e - s);
}

const FIRST_BITS = 10;
/** Past this many slots the table starts over: a page of random tokens must not grow it without end. */
const MAX_BITS = 19;

/**
 * Values kept per spelling of a word, by its two hashes: a page repeats its words, and pages repeat each other's,
 * so each distinct spelling is judged once. Open addressing with linear probing; the table doubles at half full,
 * so a spelling once judged stays (until MAX_BITS).
 */
export class SpellingTable<V> {
  private bits = FIRST_BITS;
  private mask = (1 << FIRST_BITS) - 1;
  private size = 0;
  private used = new Uint8Array(1 << FIRST_BITS);
  private hashes1 = new Int32Array(1 << FIRST_BITS);
  private hashes2 = new Int32Array(1 << FIRST_BITS);
  // Filled up front: assigning at random indices of an empty array would turn it into a slow dictionary.
  private values: Array<V | undefined> = new Array(1 << FIRST_BITS).fill(undefined);

  /** The value stored for the spelling with these hashes, or undefined. */
  get(h1: number, h2: number): V | undefined {
    const { used, hashes1, hashes2, mask } = this;
    for (let i = h1 >>> (32 - this.bits); used[i] === 1; i = (i + 1) & mask) {
      if (hashes1[i] === h1 && hashes2[i] === h2) return this.values[i];
    }
    return undefined;
  }

  /** Stores value for the spelling with these hashes, in place of the value stored for it before. */
  set(h1: number, h2: number, value: V): void {
    if (2 * (this.size + 1) > this.used.length) this.grow();
    let i = h1 >>> (32 - this.bits);
    for (; this.used[i] === 1; i = (i + 1) & this.mask) {
      if (this.hashes1[i] === h1 && this.hashes2[i] === h2) {
        this.values[i] = value;
        return;
      }
    }
    this.used[i] = 1;
    this.hashes1[i] = h1;
    this.hashes2[i] = h2;
    this.values[i] = value;
    this.size++;
  }

  private grow(): void {
    const { used, hashes1, hashes2, values } = this;
    this.bits = this.bits >= MAX_BITS ? FIRST_BITS : this.bits + 1;
    const slots = 1 << this.bits;
    this.mask = slots - 1;
    this.size = 0;
    this.used = new Uint8Array(slots);
    this.hashes1 = new Int32Array(slots);
    this.hashes2 = new Int32Array(slots);
    this.values = new Array(slots).fill(undefined);
    if (this.bits === FIRST_BITS) return;
    for (let k = 0; k < used.length; k++) {
      if (used[k] === 1) this.set(hashes1[k] as number, hashes2[k] as number, values[k] as V);
    }
  }
}

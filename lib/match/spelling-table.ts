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
/**
 * Past this many slots (2^17: 65,536 spellings, 2 MB) the table starts over: a page of random tokens must not grow it
 * without end. The 100 saved news pages together have about 40,000 distinct capitalized spellings.
 */
const MAX_BITS = 17;

/**
 * Open addressing with linear probing on the two hashes of a spelling. A slot is [hash1, hash2, tag] in one typed
 * array, so that a probe reads one cache line: on a page of tens of thousands of distinct words most probes miss
 * the cache, and separate arrays cost a miss each. Tag 0 marks an empty slot. The table doubles at half full.
 */
class HashSlots {
  private bits = FIRST_BITS;
  private size = 0;
  private slots = new Int32Array(4 << FIRST_BITS);

  /** The tag stored for the spelling, or 0. */
  tag(h1: number, h2: number): number {
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    for (let i = h1 >>> (32 - this.bits); ; i = (i + 1) & mask) {
      const at = i << 2;
      const tag = slots[at + 2] as number;
      if (tag === 0 || (slots[at] === h1 && slots[at + 1] === h2)) return tag;
    }
  }

  /** Stores a tag (not 0) for the spelling, in place of its tag before. Returns false when full: clear first. */
  put(h1: number, h2: number, tag: number): boolean {
    const mask = (1 << this.bits) - 1;
    let i = h1 >>> (32 - this.bits);
    for (; this.slots[(i << 2) + 2] !== 0; i = (i + 1) & mask) {
      const at = i << 2;
      if (this.slots[at] === h1 && this.slots[at + 1] === h2) {
        this.slots[at + 2] = tag;
        return true;
      }
    }
    if (2 * (this.size + 1) > 1 << this.bits) {
      if (this.bits >= MAX_BITS) return false;
      this.grow();
      return this.put(h1, h2, tag);
    }
    const at = i << 2;
    this.slots[at] = h1;
    this.slots[at + 1] = h2;
    this.slots[at + 2] = tag;
    this.size++;
    return true;
  }

  clear(): void {
    this.bits = FIRST_BITS;
    this.size = 0;
    this.slots = new Int32Array(4 << FIRST_BITS);
  }

  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.size = 0;
    this.slots = new Int32Array(4 << this.bits);
    for (let at = 0; at < old.length; at += 4) {
      const tag = old[at + 2] as number;
      if (tag !== 0) this.put(old[at] as number, old[at + 1] as number, tag);
    }
  }
}

/**
 * Values kept per spelling of a word, by its two hashes: a page repeats its words, and pages repeat each other's,
 * so each distinct spelling is judged once.
 */
export class SpellingTable<V> {
  private readonly slots = new HashSlots();
  private values: V[] = [];

  get(h1: number, h2: number): V | undefined {
    const tag = this.slots.tag(h1, h2);
    return tag === 0 ? undefined : this.values[tag - 1];
  }

  set(h1: number, h2: number, value: V): void {
    const tag = this.slots.tag(h1, h2);
    if (tag !== 0) {
      this.values[tag - 1] = value;
      return;
    }
    if (!this.slots.put(h1, h2, this.values.length + 1)) {
      this.slots.clear();
      this.values = [];
      this.slots.put(h1, h2, 1);
    }
    this.values.push(value);
  }
}

/** The same for small whole numbers above 0 (verdict bits), kept in the slots themselves. */
export class SpellingVerdicts {
  private readonly slots = new HashSlots();

  /** The number stored for the spelling, or 0. */
  get(h1: number, h2: number): number {
    return this.slots.tag(h1, h2);
  }

  set(h1: number, h2: number, verdict: number): void {
    if (this.slots.put(h1, h2, verdict)) return;
    this.slots.clear();
    this.slots.put(h1, h2, verdict);
  }
}

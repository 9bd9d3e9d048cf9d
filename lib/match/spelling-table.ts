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
 * Past this many slots (2^17 at 8 bytes: 1 MB, 98,304 spellings) a table starts over: a page of random tokens must not
 * grow it without end. The 100 saved news pages together have about 40,000 distinct capitalized spellings.
 */
const MAX_BITS = 17;
const MAX_NUMBER = 0xffff;

/**
 * Small whole numbers (1 to 0xFFFF: verdict bits, or a SpellingTable's tags) per spelling, kept in the slots
 * themselves. Open addressing with linear probing in one typed array; a slot is 8 bytes, hash1 and the high half of
 * hash2 with the number in its low half, so that a probe reads one cache line and the scan, which reads a table once
 * per capitalized word, finds more of it in the cache. 0 marks an empty slot. The table doubles at 3/4 full. 48 bits
 * of hash make a false hit about as likely as one in 10^14 lookups per spelling stored.
 */
export class SpellingVerdicts {
  private bits = FIRST_BITS;
  private size = 0;
  private slots = new Int32Array(2 << FIRST_BITS);

  /** The number stored for the spelling, or 0. */
  get(h1: number, h2: number): number {
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    const high = h2 & ~0xffff;
    for (let i = h1 >>> (32 - this.bits); ; i = (i + 1) & mask) {
      const at = i << 1;
      const second = slots[at + 1] as number;
      if (second === 0) return 0;
      if (slots[at] === h1 && (second & ~0xffff) === high) return second & 0xffff;
    }
  }

  /** Stores a number for the spelling, in place of its number before; a full table starts over first. */
  set(h1: number, h2: number, verdict: number): void {
    if (verdict < 1 || verdict > MAX_NUMBER) throw new RangeError(`verdict ${verdict} is not in 1..0xFFFF`);
    if (this.put(h1, h2, verdict)) return;
    this.clear();
    this.put(h1, h2, verdict);
  }

  clear(): void {
    this.bits = FIRST_BITS;
    this.size = 0;
    this.slots = new Int32Array(2 << FIRST_BITS);
  }

  private put(h1: number, h2: number, verdict: number): boolean {
    const mask = (1 << this.bits) - 1;
    const high = h2 & ~0xffff;
    let i = h1 >>> (32 - this.bits);
    for (; this.slots[(i << 1) + 1] !== 0; i = (i + 1) & mask) {
      const at = i << 1;
      if (this.slots[at] === h1 && ((this.slots[at + 1] as number) & ~0xffff) === high) {
        this.slots[at + 1] = high | verdict;
        return true;
      }
    }
    if (4 * (this.size + 1) > 3 << this.bits) {
      if (this.bits >= MAX_BITS) return false;
      this.grow();
      return this.put(h1, h2, verdict);
    }
    const at = i << 1;
    this.slots[at] = h1;
    this.slots[at + 1] = high | verdict;
    this.size++;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.size = 0;
    this.slots = new Int32Array(2 << this.bits);
    for (let at = 0; at < old.length; at += 2) {
      const second = old[at + 1] as number;
      if (second !== 0) this.put(old[at] as number, second & ~0xffff, second & 0xffff);
    }
  }
}

/**
 * Values kept per spelling of a word, by its two hashes: a page repeats its words, and pages repeat each other's,
 * so each distinct spelling is judged once. A value's tag, its index plus one, is kept in SpellingVerdicts; past
 * 0xFFFF values the table starts over.
 */
export class SpellingTable<V> {
  private readonly tags = new SpellingVerdicts();
  private values: V[] = [];

  get(h1: number, h2: number): V | undefined {
    const tag = this.tags.get(h1, h2);
    return tag === 0 ? undefined : this.values[tag - 1];
  }

  set(h1: number, h2: number, value: V): void {
    const tag = this.tags.get(h1, h2);
    if (tag !== 0) {
      this.values[tag - 1] = value;
      return;
    }
    // the tags' table holds more than this many, so it never starts over by itself and loses values
    if (this.values.length === MAX_NUMBER) {
      this.tags.clear();
      this.values = [];
    }
    this.values.push(value);
    this.tags.set(h1, h2, this.values.length);
  }
}

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

/** Past this many slots (2^17 at 8 bytes: 1 MB, 98,304 spellings) the verdicts start over. */
const VERDICT_MAX_BITS = 17;

/**
 * The same for verdicts: whole numbers from 1 to 0xFFFF, kept in the slots themselves. A slot is 8 bytes, hash1 and
 * the high half of hash2 with the verdict in its low half, and the table fills to 3/4 before it doubles: the scan
 * reads it once per capitalized word, and at half the size of a SpellingTable's slots more of it stays in the
 * cache (7% faster on the saved news pages). 48 bits of hash still make a false hit about as likely as one in
 * 10^14 lookups per spelling stored.
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

  set(h1: number, h2: number, verdict: number): void {
    if (verdict < 1 || verdict > 0xffff) throw new RangeError(`verdict ${verdict} is not in 1..0xFFFF`);
    if (this.put(h1, h2, verdict)) return;
    this.bits = FIRST_BITS;
    this.size = 0;
    this.slots = new Int32Array(2 << FIRST_BITS);
    this.put(h1, h2, verdict);
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
      if (this.bits >= VERDICT_MAX_BITS) return false;
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

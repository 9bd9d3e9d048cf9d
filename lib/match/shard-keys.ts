/**
 * Where a root key of a sharded automaton lives (./shards.ts), and the Bloom filter that tells a tab whether it
 * may exist at all: two 32-bit hashes of (mode, key), the first choosing the shard, both placing the filter's bits.
 * The same code runs in the background (publish) and in a tab: a change here is a change of AUTOMATON_VERSION.
 */

/** Set by keyHashes: the two hashes of the last (mode, key). Module state, so a lookup makes no array. */
export let hashA = 0;
export let hashB = 0;

/** FNV-1a over the mode's digit and the key's UTF-16 units, and a second FNV-style hash with another basis and prime. */
export function keyHashes(mode: number, key: string): void {
  let a = (0x811c9dc5 ^ (48 + mode)) >>> 0;
  let b = (0x9747b28c ^ (48 + mode)) >>> 0;
  a = Math.imul(a, 0x01000193);
  b = Math.imul(b, 0x5bd1e995);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Final mixing, so that the low bits (the shard number) depend on every character.
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 16;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  hashA = a >>> 0;
  // Odd, so that the double-hashing steps below visit distinct bits.
  hashB = (b | 1) >>> 0;
}

/** Bits per key and probes: ~1% false positives (a shard read for nothing), never a false negative. */
export const BLOOM_BITS_PER_KEY = 10;
export const BLOOM_PROBES = 7;

export class Bloom {
  constructor(
    readonly bits: Uint8Array,
    readonly probes: number = BLOOM_PROBES,
  ) {}

  static sized(keys: number): Bloom {
    return new Bloom(new Uint8Array(Math.max(8, Math.ceil((keys * BLOOM_BITS_PER_KEY) / 8))));
  }

  /** Adds the (mode, key) whose hashes keyHashes just set. */
  addHashed(): void {
    const m = this.bits.length * 8;
    for (let i = 0; i < this.probes; i++) {
      const bit = (hashA + Math.imul(i, hashB)) >>> 0;
      const at = bit % m;
      this.bits[at >>> 3]! |= 1 << (at & 7);
    }
  }

  /** Whether the (mode, key) whose hashes keyHashes just set may have been added. */
  hasHashed(): boolean {
    const m = this.bits.length * 8;
    for (let i = 0; i < this.probes; i++) {
      const at = ((hashA + Math.imul(i, hashB)) >>> 0) % m;
      if ((this.bits[at >>> 3]! & (1 << (at & 7))) === 0) return false;
    }
    return true;
  }

  add(mode: number, key: string): void {
    keyHashes(mode, key);
    this.addHashed();
  }

  has(mode: number, key: string): boolean {
    keyHashes(mode, key);
    return this.hasHashed();
  }
}

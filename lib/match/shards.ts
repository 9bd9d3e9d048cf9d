/**
 * A big automaton split by root key into shards (docs/dataset-delivery.md): a tab reads only the shards its page's
 * words reach. Each root child of the exact, light and heavy tries goes, with its whole subtree, to shard
 * hash(mode, key) % shards; a shard is a packed automaton of its own (three roots holding only its root children,
 * its own keys table) whose entries are the aliases' global indexes, with the columns of the aliases it names.
 * A small header holds what the whole matcher needs beyond the tries, and a Bloom filter of every (mode, root key),
 * so that a tab asks only for shards that hold a key it looked up.
 */
import { type AliasColumns, type AliasList, aliasColumns, aliasList, isAliasColumns } from './alias-columns';
import {
  Automaton,
  AUTOMATON_VERSION,
  type AutomatonExtras,
  type BuildNode,
  type BuildRoots,
  deserializeAutomaton,
  fromBase64,
  newBuildRoots,
  type PackedAutomaton,
  packTries,
  ROOTS,
  serializeAutomaton,
  toBase64,
  type Trie,
  type Uints,
} from './automaton';
import { buildTries, type Matcher, type MatcherTables, matcherOf, rootKeysStartWithDigit } from './matcher';
import { Bloom, BLOOM_PROBES, hashA, keyHashes } from './shard-keys';
import type { MatcherAlias } from './types';

/** Automata larger than this (packed arrays and keys) are split: below it, one read costs a tab ≤ ~20 ms. */
export const SHARD_ABOVE_BYTES = 1_000_000;
/** About what one shard holds (automaton and alias columns): a read of a few of them costs a tab ~1 ms. */
export const SHARD_TARGET_BYTES = 24_000;

export interface ShardedHeader extends AutomatonExtras {
  version: number;
  shards: number;
  /** How many aliases the whole automaton was built for: the shards' entries are indexes into them. */
  aliases: number;
  /** Entries in the whole automaton (Matcher.size). */
  size: number;
  /** Root children per mode in the whole automaton. */
  rootChildren: number[];
  /** Whether some root key starts with a digit (where a name may start; see candidateRegex in ./matcher). */
  digitStarts: boolean;
  /** The Bloom filter of every (mode, root key), base64 (./shard-keys.ts). */
  bloom: string;
  bloomProbes: number;
}

export interface Shard {
  index: number;
  /** Its own packed automaton; `aliases` is the header's count, the entries are global indexes. */
  automaton: PackedAutomaton;
  /** The global index of each alias in `aliases`. */
  aliasIndexes: number[];
  aliases: AliasColumns;
}

export type BuiltAutomaton = { whole: PackedAutomaton } | { header: ShardedHeader; shards: Shard[] };

const NO_EXTRAS: AutomatonExtras = { lowercaseFirsts: [], searchedFirsts: [], anchors: [], anchorBack: 0 };

/** Node ids of a sharded trie: (shard + 1) * STRIDE + the node's id in its shard; 0, 1, 2 are the roots. */
const STRIDE = 2 ** 26;

/**
 * The automaton for these aliases: whole when it is small (the bundled dataset, small imports: nothing changes for
 * them), else split into shards of about `targetBytes`.
 */
export function buildAutomatonOrShards(
  aliases: readonly MatcherAlias[],
  tables: MatcherTables | undefined,
  options: { aboveBytes?: number; targetBytes?: number } = {},
): BuiltAutomaton {
  const { roots, extras } = buildTries(aliases, tables);
  const arrays = packTries(roots);
  const whole = serializeAutomaton(arrays, extras, aliases.length);
  const automatonBytes = whole.arrays.length + JSON.stringify(whole.keys).length;
  if (automatonBytes <= (options.aboveBytes ?? SHARD_ABOVE_BYTES)) return { whole };
  let aliasBytes = 0;
  for (const a of aliases) aliasBytes += a.text.length + a.entityId.length + 10;
  const count = Math.max(1, Math.ceil((automatonBytes + aliasBytes) / (options.targetBytes ?? SHARD_TARGET_BYTES)));
  const shardRoots = Array.from({ length: count }, newBuildRoots);
  const rootKeys = roots.reduce((sum, r) => sum + (r.next?.size ?? 0), 0);
  const bloom = Bloom.sized(rootKeys);
  roots.forEach((root, mode) => {
    for (const [key, child] of root.next ?? []) {
      keyHashes(mode, key);
      bloom.addHashed();
      const to = (shardRoots[hashA % count] as BuildRoots)[mode] as BuildNode;
      if (!to.next) to.next = new Map();
      to.next.set(key, child);
    }
  });
  const shards = shardRoots.map((r, index): Shard => {
    const packed = packTries(r);
    if (packed.firstChild.length > STRIDE) throw new Error(`shard ${index} has ${packed.firstChild.length} nodes`);
    const aliasIndexes = [...new Set(packed.entryAlias)].sort((a, b) => a - b);
    return {
      index,
      automaton: serializeAutomaton(packed, NO_EXTRAS, aliases.length),
      aliasIndexes,
      aliases: aliasColumns(aliasIndexes.map((k) => aliases[k] as MatcherAlias)),
    };
  });
  const header: ShardedHeader = {
    version: AUTOMATON_VERSION,
    shards: count,
    aliases: aliases.length,
    size: whole.entries,
    rootChildren: whole.rootChildren,
    digitStarts: rootKeysStartWithDigit(new Automaton(arrays)),
    bloom: toBase64(bloom.bits),
    bloomProbes: BLOOM_PROBES,
    ...extras,
  };
  return { header, shards };
}

/** Whether a stored header has the shape ShardSet reads. */
export function isShardedHeader(v: unknown): v is ShardedHeader {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Partial<ShardedHeader>;
  return (
    h.version === AUTOMATON_VERSION &&
    Number.isInteger(h.shards) &&
    (h.shards as number) > 0 &&
    Number.isInteger(h.aliases) &&
    Number.isInteger(h.size) &&
    Array.isArray(h.rootChildren) &&
    h.rootChildren.length === ROOTS &&
    typeof h.bloom === 'string' &&
    Number.isInteger(h.bloomProbes) &&
    Array.isArray(h.lowercaseFirsts) &&
    Array.isArray(h.searchedFirsts) &&
    Array.isArray(h.anchors) &&
    typeof h.anchorBack === 'number'
  );
}

const NO_ENTRIES = new Uint8Array(0);

/** The shards read so far, as one trie: a root key in a shard not read yet is reported, and not found. */
class ShardedTrie implements Trie {
  constructor(
    private readonly header: ShardedHeader,
    private readonly bloom: Bloom,
    private readonly shards: ReadonlyArray<Automaton | undefined>,
    private readonly notRead: (shard: number) => void,
  ) {}

  get size(): number {
    return this.header.size;
  }

  child(node: number, key: string): number {
    if (node < ROOTS) {
      keyHashes(node, key);
      if (!this.bloom.hasHashed()) return -1;
      const s = hashA % this.header.shards;
      const shard = this.shards[s];
      if (!shard) {
        this.notRead(s);
        return -1;
      }
      const c = shard.child(node, key);
      return c < 0 ? -1 : (s + 1) * STRIDE + c;
    }
    const base = Math.floor(node / STRIDE) * STRIDE;
    const c = this.shardOf(base).child(node - base, key);
    return c < 0 ? -1 : base + c;
  }

  hasChildren(node: number): boolean {
    if (node < ROOTS) return (this.header.rootChildren[node] as number) > 0;
    const base = Math.floor(node / STRIDE) * STRIDE;
    return this.shardOf(base).hasChildren(node - base);
  }

  hasEntries(node: number): boolean {
    if (node < ROOTS) return false;
    const base = Math.floor(node / STRIDE) * STRIDE;
    return this.shardOf(base).hasEntries(node - base);
  }

  entries(node: number): Uints {
    if (node < ROOTS) return NO_ENTRIES;
    const base = Math.floor(node / STRIDE) * STRIDE;
    return this.shardOf(base).entries(node - base);
  }

  /** A root's keys are not known in a tab (only digitStarts needed them, and the header says it). */
  childKeys(node: number): string[] {
    if (node < ROOTS) return [];
    const base = Math.floor(node / STRIDE) * STRIDE;
    return this.shardOf(base).childKeys(node - base);
  }

  /** The shard of the non-root nodes numbered from `base` (only a child lookup in a read shard gives such ids). */
  private shardOf(base: number): Automaton {
    return this.shards[base / STRIDE - 1] as Automaton;
  }
}

/**
 * A tab's view of a sharded automaton: the shards read so far, the ones its matchers looked for and did not have
 * (`missing`, to be read), and those found missing or damaged in storage (`broken`, not asked for again until
 * they are written anew).
 */
export class ShardSet {
  readonly missing = new Set<number>();
  readonly broken = new Set<number>();
  private readonly automata: Array<Automaton | undefined>;
  private readonly owners = new Map<number, AliasList>();
  private readonly locals = new Map<number, number>();
  private readonly list: AliasList;

  private constructor(
    readonly header: ShardedHeader,
    private readonly bloom: Bloom,
  ) {
    this.automata = new Array(header.shards);
    const { owners, locals } = this;
    this.list = {
      length: header.aliases,
      at: (index) => owners.get(index)?.at(locals.get(index) as number),
    };
  }

  /** The set for a stored header, or an Error when its filter is not base64. */
  static of(header: ShardedHeader): ShardSet | Error {
    const bits = fromBase64(header.bloom);
    if (!bits || bits.length === 0) return new Error('shard filter is not base64');
    return new ShardSet(header, new Bloom(bits, header.bloomProbes));
  }

  has(index: number): boolean {
    return this.automata[index] !== undefined;
  }

  /** Adds a shard as read from storage; false (and the shard noted as broken) when it does not fit the header. */
  add(index: number, shard: unknown): boolean {
    this.missing.delete(index);
    const arrays = this.check(index, shard);
    if (arrays === null) {
      this.broken.add(index);
      return false;
    }
    this.broken.delete(index);
    const { aliasIndexes, aliases } = shard as Shard;
    const list = aliasList(aliases);
    for (let k = 0; k < aliasIndexes.length; k++) {
      this.owners.set(aliasIndexes[k] as number, list);
      this.locals.set(aliasIndexes[k] as number, k);
    }
    this.automata[index] = arrays;
    return true;
  }

  private check(index: number, shard: unknown): Automaton | null {
    if (typeof shard !== 'object' || shard === null) return null;
    const s = shard as Partial<Shard>;
    if (s.index !== index || !isAliasColumns(s.aliases) || !Array.isArray(s.aliasIndexes)) return null;
    if (s.aliasIndexes.length !== s.aliases.texts.length || typeof s.automaton !== 'object' || s.automaton === null) return null;
    if (s.automaton.aliases !== this.header.aliases) return null;
    const arrays = deserializeAutomaton(s.automaton);
    if (arrays instanceof Error) return null;
    // Every alias the shard's entries name must come with it: the matcher makes an alias of each entry it reaches.
    const named = new Set(s.aliasIndexes);
    for (const k of arrays.entryAlias) if (!named.has(k)) return null;
    return new Automaton(arrays);
  }

  /**
   * A matcher over the shards read so far, with fresh caches (a matcher's spelling caches would keep the misses
   * of the shards it did not have).
   */
  matcher(): Matcher {
    const trie = new ShardedTrie(this.header, this.bloom, this.automata.slice(), (s) => {
      if (!this.broken.has(s)) this.missing.add(s);
    });
    return matcherOf(this.list, trie, this.header, this.header.digitStarts);
  }
}

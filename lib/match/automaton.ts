/**
 * The matcher's tries, packed into flat arrays: built once outside the tab (at build time for the bundled dataset,
 * when the background publishes imports), stored as one string, and used in a tab as they are, without building
 * anything. A Map-based trie of 100,000 aliases took a tab 1.7 s and 177 MB to build; this one is decoded.
 *
 * Node 0, 1 and 2 are the roots of the exact, light and heavy tries. Nodes are numbered breadth first, so the
 * children of node n are the nodes firstChild[n] .. firstChild[n + 1] - 1, sorted by the id of the key on the
 * edge into them (edgeKey), and found by binary search. The aliases that end at node n are
 * entryAlias[firstEntry[n] .. firstEntry[n + 1] - 1], in the order they were added.
 */

/**
 * Version of the packed layout and of the key scheme in it: a pack of another version is published again. 4: big
 * packs in shards (./shards.ts), so that an update shards the big packs stored before it.
 */
export const AUTOMATON_VERSION = 4;

export const ROOTS = 3;

export type Uints = Uint8Array | Uint16Array | Uint32Array;

/**
 * The automaton as stored: plain JSON, the arrays as one base64 string of four little-endian sections, each of
 * unsigned integers of the smallest width (1, 2 or 4 bytes) that holds its values, padded to 4 bytes: the number of
 * children of each node but the roots (whose counts are rootChildren), the key id of each node's edge, the number
 * of aliases ending at each node, and those aliases' indexes. A tab adds the counts up into firstChild and
 * firstEntry when it loads them.
 */
export interface PackedAutomaton {
  version: number;
  /** How many aliases it was built for (entryAlias holds indexes into them). */
  aliases: number;
  /** Key id → key. */
  keys: string[];
  nodes: number;
  entries: number;
  rootChildren: number[];
  /** Byte width of each section. */
  widths: number[];
  arrays: string;
  /** First words of the aliases written lowercase (see PreparedAlias in ./matcher). */
  lowercaseFirsts: string[];
  /** The same, for those without a capitalized anchor word: searched for directly. */
  searchedFirsts: string[];
  anchors: string[];
  anchorBack: number;
}

export interface AutomatonArrays {
  keys: string[];
  /** nodes + 1 */
  firstChild: Uint32Array;
  /** The key id of the edge into each node but the roots: node n's is edgeKey[n - ROOTS]. */
  edgeKey: Uints;
  /** nodes + 1 */
  firstEntry: Uint32Array;
  entryAlias: Uints;
}

/** A node of a trie as the builder makes it: key → child, and the indexes of the aliases ending here. */
export interface BuildNode {
  next: Map<string, BuildNode> | null;
  entries: number[] | null;
}

/** The roots of the exact, light and heavy tries, as the builder makes them. */
export type BuildRoots = [BuildNode, BuildNode, BuildNode];

export function newBuildNode(): BuildNode {
  return { next: null, entries: null };
}

export function newBuildRoots(): BuildRoots {
  return [newBuildNode(), newBuildNode(), newBuildNode()];
}

/** Packs the three builder tries (exact, light, heavy) breadth first. */
export function packTries(roots: Readonly<BuildRoots>): AutomatonArrays {
  const keySet = new Set<string>();
  const order: BuildNode[] = [...roots];
  for (let i = 0; i < order.length; i++) {
    const next = (order[i] as BuildNode).next;
    if (!next) continue;
    for (const [key, child] of next) {
      keySet.add(key);
      order.push(child);
    }
  }
  // Sorted keys make the packed bytes depend on the aliases only, not on the order tries were filled in.
  const keys = [...keySet].sort();
  const keyId = new Map(keys.map((k, i) => [k, i]));
  const nodes = order.length;
  const firstChild = new Uint32Array(nodes + 1);
  const edgeKey = new Uint32Array(nodes);
  const firstEntry = new Uint32Array(nodes + 1);
  let entryCount = 0;
  for (const node of order) entryCount += node.entries?.length ?? 0;
  const entryAlias = new Uint32Array(entryCount);
  // Children are numbered in the order the breadth-first walk reaches them, each node's sorted by key id.
  const queue: BuildNode[] = [...roots];
  let nextId = ROOTS;
  let entry = 0;
  for (let n = 0; n < queue.length; n++) {
    const node = queue[n] as BuildNode;
    firstChild[n] = nextId;
    firstEntry[n] = entry;
    for (const alias of node.entries ?? []) entryAlias[entry++] = alias;
    if (!node.next) continue;
    const children = [...node.next].map(([key, child]) => [keyId.get(key) as number, child] as const).sort((a, b) => a[0] - b[0]);
    for (const [id, child] of children) {
      edgeKey[nextId++] = id;
      queue.push(child);
    }
  }
  firstChild[nodes] = nextId;
  firstEntry[nodes] = entry;
  return { keys, firstChild, edgeKey: edgeKey.subarray(ROOTS), firstEntry, entryAlias };
}

export interface AutomatonExtras {
  lowercaseFirsts: string[];
  searchedFirsts: string[];
  anchors: string[];
  anchorBack: number;
}

export function serializeAutomaton(arrays: AutomatonArrays, extras: AutomatonExtras, aliases: number): PackedAutomaton {
  const { firstChild, edgeKey, firstEntry, entryAlias } = arrays;
  const nodes = firstChild.length - 1;
  const childCounts = new Uint32Array(nodes - ROOTS);
  const entryCounts = new Uint32Array(nodes - ROOTS);
  for (let n = ROOTS; n < nodes; n++) {
    childCounts[n - ROOTS] = firstChild[n + 1]! - firstChild[n]!;
    entryCounts[n - ROOTS] = firstEntry[n + 1]! - firstEntry[n]!;
  }
  const sections = [childCounts, edgeKey, entryCounts, entryAlias].map(narrowest);
  const bytes = new Uint8Array(sections.reduce((sum, s) => sum + padded(s.byteLength), 0));
  let at = 0;
  for (const section of sections) {
    bytes.set(new Uint8Array(littleEndian(section).buffer, 0, section.byteLength), at);
    at += padded(section.byteLength);
  }
  return {
    version: AUTOMATON_VERSION,
    aliases,
    keys: arrays.keys,
    nodes,
    entries: entryAlias.length,
    rootChildren: [0, 1, 2].map((r) => firstChild[r + 1]! - firstChild[r]!),
    widths: sections.map((s) => s.BYTES_PER_ELEMENT),
    arrays: toBase64(bytes),
    ...extras,
  };
}

function narrowest(values: Uints): Uints {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max < 0x100) return Uint8Array.from(values);
  if (max < 0x10000) return Uint16Array.from(values);
  return Uint32Array.from(values);
}

const padded = (bytes: number) => Math.ceil(bytes / 4) * 4;

function view(width: number, buffer: ArrayBuffer, at: number, length: number): Uints | null {
  if (width === 1) return new Uint8Array(buffer, at, length);
  if (width === 2) return littleEndian(new Uint16Array(buffer, at, length));
  if (width === 4) return littleEndian(new Uint32Array(buffer, at, length));
  return null;
}

/** The arrays of a stored automaton, or an Error saying what is wrong with it. */
export function deserializeAutomaton(packed: PackedAutomaton): AutomatonArrays | Error {
  if (packed.version !== AUTOMATON_VERSION) return new Error(`automaton version ${packed.version}, expected ${AUTOMATON_VERSION}`);
  const { nodes, entries, widths, rootChildren } = packed;
  if (!Number.isInteger(nodes) || !Number.isInteger(entries) || nodes < ROOTS || entries < 0) return new Error('automaton sizes are not counts');
  if (!Array.isArray(widths) || widths.length !== 4 || !Array.isArray(rootChildren) || rootChildren.length !== ROOTS) {
    return new Error('automaton layout is not of this version');
  }
  const bytes = fromBase64(packed.arrays);
  const lengths = [nodes - ROOTS, nodes - ROOTS, nodes - ROOTS, entries];
  const expected = lengths.reduce((sum, length, i) => sum + padded(length * (widths[i] as number)), 0);
  if (bytes === null || bytes.byteLength !== expected) return new Error(`automaton arrays: ${bytes?.byteLength ?? 'not base64'} bytes, expected ${expected}`);
  // A fresh copy starts at offset 0, so every section is aligned for its width.
  const buffer = bytes.byteOffset === 0 ? bytes.buffer : bytes.slice().buffer;
  let at = 0;
  const sections: Uints[] = [];
  for (let i = 0; i < 4; i++) {
    const section = view(widths[i] as number, buffer as ArrayBuffer, at, lengths[i] as number);
    if (!section) return new Error(`automaton section ${i} has width ${widths[i]}`);
    sections.push(section);
    at += padded(section.byteLength);
  }
  const [childCounts, edgeKeys, entryCounts, entryAlias] = sections as [Uints, Uints, Uints, Uints];
  const firstChild = new Uint32Array(nodes + 1);
  const firstEntry = new Uint32Array(nodes + 1);
  let child = ROOTS;
  let entry = 0;
  for (let n = 0; n < nodes; n++) {
    firstChild[n] = child;
    firstEntry[n] = entry;
    child += n < ROOTS ? (rootChildren[n] as number) : (childCounts[n - ROOTS] as number);
    if (n >= ROOTS) entry += entryCounts[n - ROOTS] as number;
  }
  firstChild[nodes] = child;
  firstEntry[nodes] = entry;
  if (child !== nodes || entry !== entries) return new Error('automaton arrays do not add up');
  // Copies, so that the decoded buffer and its two count sections (used up above) are not kept alive by the views.
  return { keys: packed.keys, firstChild, edgeKey: edgeKeys.slice(), firstEntry, entryAlias: entryAlias.slice() };
}

const BIG_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 0;

/** The values with their bytes in little-endian order (swapped in place, on the rare big-endian machine). */
function littleEndian<T extends Uints>(values: T): T {
  if (!BIG_ENDIAN || values.BYTES_PER_ELEMENT === 1) return values;
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const width = values.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += width) bytes.subarray(i, i + width).reverse();
  return values;
}

interface Base64Codec {
  fromBase64?(s: string): Uint8Array;
}

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(s: string): Uint8Array | null {
  try {
    const native = (Uint8Array as unknown as Base64Codec).fromBase64;
    if (native) return native(s);
    const binary = atob(s);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/**
 * What the matcher asks of its tries (nodes 0, 1, 2 are the roots of the exact, light and heavy tries): one packed
 * automaton (Automaton), or the shards of one that a tab has read so far (./shards.ts).
 */
export interface Trie {
  readonly size: number;
  /** The child of node on key, or -1. */
  child(node: number, key: string): number;
  hasChildren(node: number): boolean;
  hasEntries(node: number): boolean;
  /** The indexes of the aliases ending at node, in the order they were added. */
  entries(node: number): Uints;
  childKeys(node: number): string[];
}

/** A packed trie in use: finding a child is a key lookup and a binary search among the node's children. */
export class Automaton implements Trie {
  private readonly keyIds: Map<string, number>;

  constructor(private readonly a: AutomatonArrays) {
    this.keyIds = new Map();
    const keys = a.keys;
    for (let i = 0; i < keys.length; i++) this.keyIds.set(keys[i] as string, i);
  }

  get size(): number {
    return this.a.entryAlias.length;
  }

  /** The child of node on key, or -1. */
  child(node: number, key: string): number {
    const id = this.keyIds.get(key);
    if (id === undefined) return -1;
    const { firstChild, edgeKey } = this.a;
    let lo = firstChild[node] as number;
    let hi = (firstChild[node + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = edgeKey[mid - ROOTS] as number;
      if (k === id) return mid;
      if (k < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  hasChildren(node: number): boolean {
    return this.a.firstChild[node + 1]! > this.a.firstChild[node]!;
  }

  hasEntries(node: number): boolean {
    return this.a.firstEntry[node + 1]! > this.a.firstEntry[node]!;
  }

  /** The indexes of the aliases ending at node, in the order they were added. */
  entries(node: number): Uints {
    return this.a.entryAlias.subarray(this.a.firstEntry[node], this.a.firstEntry[node + 1]);
  }

  childKeys(node: number): string[] {
    const out: string[] = [];
    for (let c = this.a.firstChild[node]!; c < this.a.firstChild[node + 1]!; c++) out.push(this.a.keys[this.a.edgeKey[c - ROOTS]!]!);
    return out;
  }
}

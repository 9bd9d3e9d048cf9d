import type { CompiledDataset } from '../dataset/types';
import {
  type AliasColumns,
  AUTOMATON_VERSION,
  aliasColumns,
  aliasList,
  buildAutomatonOrShards,
  isAliasColumns,
  isShardedHeader,
  type Matcher,
  matcherFromAutomaton,
  type PackedAutomaton,
  type ShardedHeader,
} from '../match';
import { MATCH_PACK_KEY, shardKey } from './pack-keys';

/**
 * How a dataset reaches a tab (docs/dataset-delivery.md): the background writes two JSON strings to
 * `browser.storage.local`, and a content script reads them itself, without waking the background:
 * - the match pack, read once the frame has text worth matching: what the matcher and the painter need;
 * - the card pack, read when the first card opens: what the card shows.
 */
export { CARD_PACK_KEY, MATCH_PACK_KEY, PACK_REVISION_KEY, shardKey } from './pack-keys';

export interface MatchPack {
  revision: string;
  /**
   * The matcher's input, in dataset order (bundled first, then the enabled imports), by column (aliasList reads
   * them). Each alias carries its entity's type, which the highlight's colour and the type filter follow.
   */
  aliases: AliasColumns;
  /** The matcher's tries for these aliases, packed when the datasets are published (lib/match/automaton.ts). */
  automaton: PackedAutomaton;
}

/**
 * A big match pack (lib/match/shards.ts): under MATCH_PACK_KEY only this header; the automaton's shards, each with
 * the aliases it names, under shardKey(i), read by a tab as its page's words reach them.
 */
export interface ShardedMatchPack {
  revision: string;
  sharded: ShardedHeader;
}

/** What MATCH_PACK_KEY holds: a whole pack, or a sharded one's header. */
export type StoredMatchPack = MatchPack | ShardedMatchPack;

export function isShardedPack(pack: StoredMatchPack): pack is ShardedMatchPack {
  return 'sharded' in pack;
}

export type CardPack = Pick<CompiledDataset, 'entities' | 'excerpts' | 'articles'> & {
  revision: string;
  /** Dataset id → name, so the card of an imported entity says where the name comes from. */
  datasetNames: Record<string, string>;
};

/**
 * The storage.local items of the match pack, as JSON strings: MATCH_PACK_KEY alone when the automaton is small, or
 * the header there and a shardKey(i) per shard when it is big.
 */
export function matchPackItems(dataset: CompiledDataset, revision: string, options?: { aboveBytes?: number; targetBytes?: number }): Record<string, string> {
  const built = buildAutomatonOrShards(dataset.aliases, dataset.matcher, options);
  if ('whole' in built) {
    const pack: MatchPack = { revision, aliases: aliasColumns(dataset.aliases), automaton: built.whole };
    return { [MATCH_PACK_KEY]: JSON.stringify(pack) };
  }
  const items: Record<string, string> = { [MATCH_PACK_KEY]: JSON.stringify({ revision, sharded: built.header } satisfies ShardedMatchPack) };
  for (const shard of built.shards) items[shardKey(shard.index)] = JSON.stringify({ revision, ...shard });
  return items;
}

/** A stored shard of this revision (its fields checked by ShardSet.add), or null when it is missing or of another. */
export function parseShard(raw: unknown, revision: string): Record<string, unknown> | null {
  const v = parseJson(raw);
  return v && v.revision === revision ? v : null;
}

/** The pack's matcher, from its automaton as stored (nothing is built), or an Error when the two do not fit. */
export function matcherOfPack(pack: StoredMatchPack): Matcher | Error {
  // A sharded pack's matchers are made from its shards as a tab reads them (ShardSet).
  if (isShardedPack(pack)) return new Error('a sharded pack has no matcher of its own');
  return matcherFromAutomaton(aliasList(pack.aliases), pack.automaton);
}

export function cardPackOf(dataset: CompiledDataset, revision: string, datasetNames: Record<string, string>): CardPack {
  return { revision, entities: dataset.entities, excerpts: dataset.excerpts, articles: dataset.articles, datasetNames };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'string') return null;
  try {
    const v: unknown = JSON.parse(raw);
    return isRecord(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * A stored match pack, or null when it is missing or damaged (a content script then waits for the next one
 * rather than throwing on a page). The shape is checked, not every alias: the background wrote it from a
 * dataset that the compiler validated.
 */
export function parseMatchPack(raw: unknown): StoredMatchPack | null {
  const v = parseJson(raw);
  if (!v || typeof v.revision !== 'string') return null;
  if ('sharded' in v) return isShardedHeader(v.sharded) ? (v as unknown as ShardedMatchPack) : null;
  if (!isAliasColumns(v.aliases)) return null;
  // A pack of an older layout (stored before an update) counts as missing: the background publishes it again.
  if (!isRecord(v.automaton) || v.automaton.version !== AUTOMATON_VERSION || typeof v.automaton.arrays !== 'string') return null;
  if (!Array.isArray(v.automaton.keys)) return null;
  return v as unknown as MatchPack;
}

export function parseCardPack(raw: unknown): CardPack | null {
  const v = parseJson(raw);
  if (!v || typeof v.revision !== 'string' || !Array.isArray(v.entities) || !isRecord(v.excerpts)) return null;
  if (!Array.isArray(v.articles) || !isRecord(v.datasetNames)) return null;
  return v as unknown as CardPack;
}

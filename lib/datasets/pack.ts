import type { CompiledDataset } from '../dataset/types';
import { type AliasColumns, AUTOMATON_VERSION, aliasColumns, aliasList, buildAutomaton, isAliasColumns, type Matcher, matcherFromAutomaton, type PackedAutomaton } from '../match';

/**
 * How a dataset reaches a tab (docs/dataset-delivery.md): the background writes two JSON strings to
 * `browser.storage.local`, and a content script reads them itself, without waking the background:
 * - the match pack, read once the frame has text worth matching: what the matcher and the painter need;
 * - the card pack, read when the first card opens: what the card shows.
 */
export { CARD_PACK_KEY, MATCH_PACK_KEY, PACK_REVISION_KEY } from './pack-keys';

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

export type CardPack = Pick<CompiledDataset, 'entities' | 'excerpts' | 'articles'> & {
  revision: string;
  /** Dataset id → name, so the card of an imported entity says where the name comes from. */
  datasetNames: Record<string, string>;
};

export function matchPackOf(dataset: CompiledDataset, revision: string): MatchPack {
  return { revision, aliases: aliasColumns(dataset.aliases), automaton: buildAutomaton(dataset.aliases, dataset.matcher) };
}

/** The pack's matcher, from its automaton as stored (nothing is built), or an Error when the two do not fit. */
export function matcherOfPack(pack: MatchPack): Matcher | Error {
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
export function parseMatchPack(raw: unknown): MatchPack | null {
  const v = parseJson(raw);
  if (!v || typeof v.revision !== 'string' || !isAliasColumns(v.aliases)) return null;
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

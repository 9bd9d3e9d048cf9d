import type { EntityType } from '../dataset/schema';
import type { CompiledDataset } from '../dataset/types';
import type { MatcherAlias, MatcherTables } from '../match';

/**
 * How a dataset reaches a tab (docs/dataset-delivery.md): the background writes two JSON strings to
 * `browser.storage.local`, and a content script reads them itself, without waking the background:
 * - the match pack, read once the frame has text worth matching: what the matcher and the painter need;
 * - the card pack, read when the first card opens: what the card shows.
 */
export const MATCH_PACK_KEY = 'dataset:match';
export const CARD_PACK_KEY = 'dataset:cards';
/** Written with the packs: tells the background whether they are current without reading them. */
export const PACK_REVISION_KEY = 'dataset:revision';

export interface MatchPack {
  revision: string;
  /** The matcher's input, in dataset order (bundled first, then the enabled imports). */
  aliases: MatcherAlias[];
  /** The aliases' prepared key sequences, made outside the tab (build time or import). */
  matcher?: MatcherTables;
  /** Entity id → type, for the highlight's colour and the type filter. */
  types: Record<string, EntityType>;
}

export type CardPack = Pick<CompiledDataset, 'entities' | 'excerpts' | 'articles'> & {
  revision: string;
  /** Dataset id → name, so the card of an imported entity says where the name comes from. */
  datasetNames: Record<string, string>;
};

export function matchPackOf(dataset: CompiledDataset, revision: string): MatchPack {
  const types: Record<string, EntityType> = {};
  for (const e of dataset.entities) types[e.id] = e.type;
  return { revision, aliases: dataset.aliases, ...(dataset.matcher ? { matcher: dataset.matcher } : {}), types };
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
  if (!v || typeof v.revision !== 'string' || !Array.isArray(v.aliases) || !isRecord(v.types)) return null;
  if (v.matcher !== undefined && !(isRecord(v.matcher) && Array.isArray(v.matcher.aliases))) return null;
  return v as unknown as MatchPack;
}

export function parseCardPack(raw: unknown): CardPack | null {
  const v = parseJson(raw);
  if (!v || typeof v.revision !== 'string' || !Array.isArray(v.entities) || !isRecord(v.excerpts)) return null;
  if (!Array.isArray(v.articles) || !isRecord(v.datasetNames)) return null;
  return v as unknown as CardPack;
}

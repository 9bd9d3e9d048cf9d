import type { MatcherTables } from '../match/matcher';
import type { MatcherAlias } from '../match/types';
import type { ArticleMeta, EntityType } from './schema';

/** A note or descriptor with the ids of the articles it relies on. */
export interface CitedText {
  text: string;
  citations: string[];
}

export interface CompiledEntity {
  id: string;
  name: string;
  type: EntityType;
  descriptor: string;
  note: CitedText;
  /** Every alias as written in the dataset (for display and search). */
  aliases: string[];
}

/**
 * A sentence of an article that mentions an entity, found by the matcher (never typed by hand).
 * Anchored as a W3C TextQuote (exact, prefix, suffix) plus offsets into the article text.
 */
export interface Excerpt {
  entityId: string;
  articleId: string;
  /** The sentence (or line) containing the mention, verbatim from the article. */
  sentence: string;
  /** The mention inside `sentence`: [mentionStart, mentionEnd). */
  mentionStart: number;
  mentionEnd: number;
  /** The mention's surface text and its offsets in the full article text. */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface CompiledDataset {
  version: 1;
  name: string;
  /** A hash of the compiled content, set when the build writes it: tells a stored copy from a stale one. */
  revision?: string;
  entities: CompiledEntity[];
  /** The matcher's input, in dataset order (first entity wins an `ambiguous` alias). */
  aliases: MatcherAlias[];
  /** The aliases' key sequences, computed at build time so that a content script starts with the matcher ready. */
  matcher?: MatcherTables;
  /** Excerpts per entity id, best first. */
  excerpts: Record<string, Excerpt[]>;
  articles: ArticleMeta[];
}

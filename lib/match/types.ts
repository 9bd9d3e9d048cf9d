/** How freely an alias may match on its own; see lib/dataset/schema.ts for the meaning of each. */
export type MatchRule = 'always' | 'after-full-name' | 'context';

/** An alias as the matcher needs it (the compiler derives these from the dataset). */
export interface MatcherAlias {
  entityId: string;
  text: string;
  match: MatchRule;
  /** Words that, in the same block, make a `context` alias refer to the entity. */
  context?: string[];
  caseSensitive?: boolean;
  /** The entity's type: the neighbour rules for names of several words apply to organizations and places. */
  entityType?: 'person' | 'organization' | 'place';
  /**
   * The entity's fitting titles (dataset `titles`): before a one-word name of a person, one of them lets it stand
   * alone ("Prime Minister Kadhimi"); before an organization's name, its country words ("Iranian", "Iran's").
   */
  titles?: string[];
  /**
   * A longer name that holds one of the entity's names but names something else (dataset `lookalikes`: "Trump
   * Tower", "Mojtaba Khamenei"): found like a name, so that the name inside it is not, and never reported.
   */
  lookalike?: boolean;
}

/** One mention of an entity in a text: [start, end) are UTF-16 offsets into the text that was searched. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** The surface text, exactly as in the searched text. */
  text: string;
  /** The alias that matched, as written in the dataset. */
  alias: string;
}

/**
 * State carried across calls for one page: which entities have already been named in full.
 * `after-full-name` aliases need it; the content script keeps one per document so that text
 * added later (infinite scroll) sees names introduced earlier.
 */
export interface PageMemory {
  namedInFull: Set<string>;
  /**
   * Entities whose mentions in the text of the last find call wait for a full name that the page may give later
   * (a headline "Kadhimi Replaces Fayyadh" above the body that names them): the caller may read that text again
   * once one of them is in namedInFull.
   */
  waiting?: Set<string>;
}

export interface FindOptions {
  memory?: PageMemory;
}

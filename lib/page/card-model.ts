import { BUNDLED_DATASET_ID, datasetOf } from '../datasets/merge';
import type { EntityType } from '../dataset/schema';
import type { CompiledDataset } from '../dataset/types';

/** Everything the hover card shows, derived from the compiled dataset (plain data; the card renders it as text). */
export interface CardModel {
  entityId: string;
  name: string;
  type: EntityType;
  descriptor: string;
  note: string;
  /** The articles the note cites. publisher, date and dateImplied were added later: older producers may omit them. */
  citations: CardCitation[];
  excerpt: {
    articleId: string;
    /** The mention's offsets in the article text, for the article view. */
    start: number;
    end: number;
    before: string;
    mention: string;
    after: string;
    title: string;
    publisher: string | null;
    /** ISO date, or "undated". */
    date: string;
  } | null;
  /** Mentions of this entity on the page. */
  count: number;
  /** The imported dataset the name comes from (its name as imported); absent for the bundled dataset. */
  dataset?: string;
}

export interface CardCitation {
  id: string;
  title: string;
  publisher?: string | null;
  /** ISO date, or null when unknown. */
  date?: string | null;
  /** The date is inferred from the text, not stated by the article. */
  dateImplied?: boolean;
}

export const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
};

/** What the card reads of a dataset (the content script gets just this part: lib/datasets/pack.ts CardPack). */
export type CardData = Pick<CompiledDataset, 'entities' | 'excerpts' | 'articles'> & {
  /** Dataset id → name (lib/datasets/merge.ts namespaces imported entity ids by dataset). */
  datasetNames?: Record<string, string>;
};

export function cardModel(dataset: CardData, entityId: string, count: number): CardModel | null {
  const entity = dataset.entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  const best = dataset.excerpts[entityId]?.[0];
  const article = best ? articles.get(best.articleId) : undefined;
  return {
    entityId,
    name: entity.name,
    type: entity.type,
    descriptor: entity.descriptor,
    note: entity.note.text,
    citations: entity.note.citations.map((id) => {
      const meta = articles.get(id);
      if (!meta) return { id, title: id };
      return {
        id,
        title: meta.title,
        publisher: meta.publisher ?? meta.source,
        date: meta.date,
        dateImplied: meta.dateBasis === 'implied',
      };
    }),
    excerpt:
      best && article
        ? {
            articleId: best.articleId,
            start: best.start,
            end: best.end,
            before: best.sentence.slice(0, best.mentionStart),
            mention: best.sentence.slice(best.mentionStart, best.mentionEnd),
            after: best.sentence.slice(best.mentionEnd),
            title: article.title,
            publisher: article.publisher ?? article.source,
            date: article.date ?? 'undated',
          }
        : null,
    count,
    ...(datasetOf(entityId) !== BUNDLED_DATASET_ID
      ? { dataset: dataset.datasetNames?.[datasetOf(entityId)] ?? datasetOf(entityId) }
      : {}),
  };
}

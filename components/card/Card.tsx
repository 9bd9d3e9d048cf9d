import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CardCitation, CardModel } from '@/lib/page/card-model';
import { TYPE_LABELS } from '@/lib/page/card-model';
import { formatArticleDate } from '@/lib/popup/sources';

/** About the four lines the folded note shows; a shorter note without sources has nothing to unfold. */
const FOLDED_NOTE_CHARS = 180;

export interface CardProps {
  model: CardModel;
  onMore(entityId: string): void;
  onArticle(articleId: string, start: number, end: number): void;
  onClose(): void;
  /** In the footer's line, after "More in Gloss", so that the folded card stays as tall: the reader's own layer (components/reader). */
  children?: ComponentChildren;
}

/**
 * The hover card: who this is, the note's first lines, the best excerpt and a way to the full entry, all in view;
 * the rest of the note and its sources fold behind "More".
 */
export function Card({ model, onMore, onArticle, onClose, children }: CardProps) {
  // Folded again whenever the card shows another entity.
  const [expandedFor, setExpandedFor] = useState<string | null>(null);
  const expanded = expandedFor === model.entityId;
  const excerpt = model.excerpt;
  const titleId = `gloss-card-title-${model.entityId}`;
  const foldId = `gloss-card-fold-${model.entityId}`;
  const sources = model.citations.length;
  const foldable = sources > 0 || model.note.length > FOLDED_NOTE_CHARS;
  return (
    <section
      class={`card card--${model.type}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-label={`${model.name}: ${TYPE_LABELS[model.type]}`}
      data-entity-id={model.entityId}
    >
      <header class="card__head">
        <div>
          <h2 id={titleId} class="card__name">
            {model.name}
          </h2>
          <p class="card__meta">
            <span class="card__type">{TYPE_LABELS[model.type]}</span>
            <span class="card__count">{model.count === 1 ? '1 mention on this page' : `${model.count} mentions on this page`}</span>
          </p>
          {model.dataset && <p class="card__dataset">From your dataset “{model.dataset}”</p>}
        </div>
        <button type="button" class="card__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="card__descriptor">{model.descriptor}</p>
      <div id={foldId} class={expanded || !foldable ? 'card__fold card__fold--open' : 'card__fold'}>
        <p class="card__note">{model.note}</p>
        {expanded && sources > 0 && (
          <div class="card__sources">
            <p class="card__label">{sources === 1 ? 'Source' : 'Sources'}</p>
            <ul>
              {model.citations.map((c) => (
                <li key={c.id}>
                  <CitationLine citation={c} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {foldable && (
        <button
          type="button"
          class="card__toggle"
          aria-expanded={expanded}
          aria-controls={foldId}
          onClick={() => setExpandedFor(expanded ? null : model.entityId)}
        >
          {expanded ? 'Less' : 'More'}
          {!expanded && sources > 0 ? (
            <span class="card__toggle-hint">{` · ${sources === 1 ? '1 source' : `${sources} sources`}`}</span>
          ) : null}
        </button>
      )}
      {excerpt && (
        <figure class="card__excerpt">
          <blockquote>
            {excerpt.before}
            <mark>{excerpt.mention}</mark>
            {excerpt.after}
          </blockquote>
          <figcaption>
            <a
              href={`#gloss-article-${excerpt.articleId}`}
              class="card__source"
              title="Read the passage in the article"
              onClick={(e) => {
                e.preventDefault();
                onArticle(excerpt.articleId, excerpt.start, excerpt.end);
              }}
            >
              <cite>{excerpt.title}</cite>
            </a>
            {excerpt.publisher ? `, ${excerpt.publisher}` : ''}, {formatArticleDate(excerpt.date === 'undated' ? null : excerpt.date)}
          </figcaption>
        </figure>
      )}
      <footer class="card__foot">
        <a
          href={`#gloss-entity-${model.entityId}`}
          class="card__more"
          onClick={(e) => {
            e.preventDefault();
            onMore(model.entityId);
          }}
        >
          More in Gloss
        </a>
        {children}
      </footer>
    </section>
  );
}

/** One cited article per line: its title, then publisher and date. */
function CitationLine({ citation }: { citation: CardCitation }) {
  const meta = [citation.publisher, citation.date === undefined ? null : formatArticleDate(citation.date)].filter(Boolean).join(', ');
  return (
    <>
      <span class="card__source-title">{citation.title}</span>
      {meta ? <span class="card__source-meta">{`${meta}${citation.dateImplied ? ' (date implied)' : ''}`}</span> : null}
    </>
  );
}

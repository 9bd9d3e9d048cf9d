import type { ComponentChildren } from 'preact';
import type { CardModel } from '@/lib/page/card-model';
import { TYPE_LABELS } from '@/lib/page/card-model';

export interface CardProps {
  model: CardModel;
  onMore(entityId: string): void;
  onArticle(articleId: string, start: number, end: number): void;
  onClose(): void;
  /** Shown above the footer: the reader's own layer (components/reader). */
  children?: ComponentChildren;
}

/** The hover card: who this is, the neutral note with its sources, the best excerpt, and a way to the full entry. */
export function Card({ model, onMore, onArticle, onClose, children }: CardProps) {
  const excerpt = model.excerpt;
  const titleId = `gloss-card-title-${model.entityId}`;
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
        </div>
        <button type="button" class="card__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="card__descriptor">{model.descriptor}</p>
      <p class="card__note">{model.note}</p>
      {model.citations.length > 0 && (
        <p class="card__citations">
          <span class="card__label">Sources: </span>
          {model.citations.map((c, i) => (
            <span key={c.id} class="card__citation">
              {i > 0 ? '; ' : ''}
              <cite>{c.title}</cite>
            </span>
          ))}
        </p>
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
            {excerpt.publisher ? `, ${excerpt.publisher}` : ''}, {excerpt.date}
          </figcaption>
        </figure>
      )}
      {children}
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
      </footer>
    </section>
  );
}

import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { ArticleMeta } from '@/lib/dataset/schema';
import type { CompiledEntity, Excerpt as ExcerptData } from '@/lib/dataset/types';
import { CitedNote } from './Citation';
import { Excerpt } from './Excerpt';
import { TypeLabel } from './TypeLabel';

export interface ShowResult {
  index: number;
  total: number;
}

interface EntityDetailProps {
  entity: CompiledEntity;
  excerpts: readonly ExcerptData[];
  articles: ReadonlyMap<string, ArticleMeta>;
  /** Mentions on the current page; null or 0 hides "Show on page". */
  count?: number | null;
  onShowOnPage?: () => Promise<ShowResult | null>;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Shown under the header: the reader's own layer (components/reader). */
  children?: ComponentChildren;
}

function showStatus(r: ShowResult | null | undefined): string {
  if (r === undefined) return '';
  if (r === null) return 'The page could not be reached. Reload it and try again.';
  if (r.index < 0 || r.total === 0) return 'No mention is visible on the page now.';
  return `Mention ${r.index + 1} of ${r.total}`;
}

/** Who an entity is: names, descriptor, background note with sources, and every excerpt from the article set. */
export function EntityDetail({ entity, excerpts, articles, count, onShowOnPage, headingRef, children }: EntityDetailProps) {
  const [shown, setShown] = useState<ShowResult | null | undefined>(undefined);
  const otherNames = entity.aliases.filter((a) => a !== entity.name);
  return (
    <article class="g-detail" aria-labelledby="g-detail-name">
      <header class="g-detail-head">
        <h2 id="g-detail-name" class="g-detail-name" tabIndex={-1} ref={headingRef}>
          {entity.name}
        </h2>
        <p class="g-detail-kind">
          <TypeLabel type={entity.type} />
          {count ? <span class="g-count-text"> · {count === 1 ? '1 mention on this page' : `${count} mentions on this page`}</span> : null}
        </p>
        <p class="g-descriptor">{entity.descriptor}</p>
      </header>
      {onShowOnPage && count ? (
        <div class="g-show">
          <button type="button" class="g-button" onClick={async () => setShown(await onShowOnPage())}>
            Show on page
          </button>
          <span class="g-show-status" role="status">
            {showStatus(shown)}
          </span>
        </div>
      ) : null}
      {children}
      {otherNames.length ? (
        <section class="g-section" aria-labelledby="g-aliases-h">
          <h3 id="g-aliases-h">Also written</h3>
          <ul class="g-aliases">
            {otherNames.map((a) => (
              <li key={a} dir="auto">
                {a}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="g-section" aria-labelledby="g-note-h">
        <h3 id="g-note-h">Background</h3>
        <CitedNote note={entity.note} articles={articles} />
      </section>
      <section class="g-section" aria-labelledby="g-excerpts-h">
        <h3 id="g-excerpts-h">
          In the articles <span class="g-muted">({excerpts.length})</span>
        </h3>
        {excerpts.length ? (
          <ol class="g-excerpts">
            {excerpts.map((x) => (
              <li key={`${x.articleId}:${x.start}`}>
                <Excerpt excerpt={x} meta={articles.get(x.articleId)} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="g-muted">No article in the set mentions this name.</p>
        )}
      </section>
    </article>
  );
}

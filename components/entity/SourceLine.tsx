import type { ArticleMeta } from '@/lib/dataset/schema';
import type { ArticleRef } from '@/lib/popup/route';
import { sourceParts } from '@/lib/popup/sources';
import { ArticleLink } from './links';

/** "Title — Publisher, 3 January 2020 (date implied)" with the title linking to the article view (at the passage, when given). */
export function SourceLine({ meta, to }: { meta: ArticleMeta; to?: ArticleRef }) {
  const { publisher, date } = sourceParts(meta);
  return (
    <span class="g-source">
      <ArticleLink to={to ?? { articleId: meta.id }} class="g-source-title">
        {meta.title}
      </ArticleLink>
      {meta.titleIsEditorial ? (
        <span class="g-editorial" title="This article has no headline; Gloss editors wrote this title.">
          {' '}
          [editorial title]
        </span>
      ) : null}
      <span class="g-source-meta">
        {' — '}
        {publisher ? `${publisher}, ` : ''}
        {/* The note says what an implied date rests on, or why the date is unknown. */}
        <span
          class={meta.date ? undefined : 'g-undated'}
          title={meta.dateNote ?? (meta.dateBasis === 'implied' ? 'Date implied by the text' : undefined)}
        >
          {date}
          {meta.dateBasis === 'implied' ? ' (date implied)' : ''}
        </span>
      </span>
    </span>
  );
}

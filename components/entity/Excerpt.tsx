import type { ArticleMeta } from '@/lib/dataset/schema';
import type { Excerpt as ExcerptData } from '@/lib/dataset/types';
import { SourceLine } from './SourceLine';

/** The sentence split around its mention; text only, so Preact escapes it (never innerHTML). */
export function excerptParts(x: Pick<ExcerptData, 'sentence' | 'mentionStart' | 'mentionEnd'>): [string, string, string] {
  return [x.sentence.slice(0, x.mentionStart), x.sentence.slice(x.mentionStart, x.mentionEnd), x.sentence.slice(x.mentionEnd)];
}

/** One excerpt: the sentence with the mention in <mark>, and its source linking to the passage in the article view. */
export function Excerpt({ excerpt, meta }: { excerpt: ExcerptData; meta: ArticleMeta | undefined }) {
  const [before, mention, after] = excerptParts(excerpt);
  return (
    <figure class="g-excerpt">
      <blockquote class="g-excerpt-text">
        {before}
        <mark>{mention}</mark>
        {after}
      </blockquote>
      <figcaption class="g-excerpt-source">
        {meta ? (
          <SourceLine meta={meta} to={{ articleId: meta.id, start: excerpt.start, end: excerpt.end }} />
        ) : (
          <span class="g-source">Unknown article</span>
        )}
      </figcaption>
    </figure>
  );
}

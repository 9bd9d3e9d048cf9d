import type { ArticleMeta } from '@/lib/dataset/schema';
import type { CitedText } from '@/lib/dataset/types';
import { SourceLine } from './SourceLine';

/** A note followed by the articles it relies on. A note without citations says so instead of implying a source. */
export function CitedNote({ note, articles }: { note: CitedText; articles: ReadonlyMap<string, ArticleMeta> }) {
  const cited = note.citations.map((id) => articles.get(id)).filter((m): m is ArticleMeta => m !== undefined);
  return (
    <div class="g-note">
      <p class="g-note-text">{note.text}</p>
      {cited.length ? (
        <div class="g-citations">
          <span class="g-citations-label">{cited.length === 1 ? 'Source:' : 'Sources:'}</span>
          <ol class="g-citation-list">
            {cited.map((meta) => (
              <li key={meta.id}>
                <SourceLine meta={meta} />
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p class="g-citations g-muted">General background; not drawn from an article in the set.</p>
      )}
    </div>
  );
}

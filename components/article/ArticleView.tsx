import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleMeta } from '@/lib/dataset/schema';
import type { CompiledDataset } from '@/lib/dataset/types';
import { TYPE_LABELS } from '@/lib/popup/entities';
import { formatArticleDate } from '@/lib/popup/sources';
import { TypeLabel } from '../entity/TypeLabel';
import { type Annotation, type ArticleMention, annotateArticle } from './annotate';
import { ArticleCard } from './ArticleCard';

const TARGET_HIGHLIGHT = 'gloss-target';

interface ArticleViewProps {
  meta: ArticleMeta;
  text: string;
  dataset: CompiledDataset;
  /** The passage to scroll to and mark (from `#START-END`). */
  target?: { start: number; end: number };
  onAnnotated?(a: Annotation): void;
}

/** The passage the page was opened on: marked with its own highlight and scrolled to the middle of the window. */
function markTarget(textNode: Text, target: { start: number; end: number }): () => void {
  if (target.end > textNode.data.length) return () => {};
  const range = document.createRange();
  range.setStart(textNode, target.start);
  range.setEnd(textNode, target.end);
  const rect = range.getBoundingClientRect();
  window.scrollTo({ top: Math.max(0, window.scrollY + rect.top - window.innerHeight / 3) });
  const highlights = (window as Window & { CSS?: typeof CSS }).CSS?.highlights;
  const HighlightCtor = (window as unknown as { Highlight?: typeof Highlight }).Highlight;
  if (!highlights || !HighlightCtor) return () => {};
  highlights.set(TARGET_HIGHLIGHT, new HighlightCtor(range));
  return () => highlights.delete(TARGET_HIGHLIGHT);
}

export function ArticleView({ meta, text, dataset, target, onAnnotated }: ArticleViewProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const annotation = useRef<Annotation | null>(null);
  const [mentions, setMentions] = useState<ArticleMention[]>([]);
  const [card, setCard] = useState<{ m: ArticleMention; rect: DOMRect } | null>(null);
  const annotated = useRef(onAnnotated);
  annotated.current = onAnnotated;

  useEffect(() => {
    const node = textRef.current?.firstChild;
    if (!(node instanceof Text)) return;
    const a = annotateArticle({
      textNode: node,
      dataset,
      onOpen: (m) => setCard({ m, rect: m.range.getBoundingClientRect() }),
      onClose: () => setCard(null),
    });
    annotation.current = a;
    setMentions(a.mentions);
    const unmark = target ? markTarget(node, target) : () => {};
    const onScroll = () => a.closeCard();
    window.addEventListener('scroll', onScroll, { passive: true });
    annotated.current?.(a);
    return () => {
      window.removeEventListener('scroll', onScroll);
      unmark();
      a.destroy();
    };
  }, [text, dataset, target]);

  const inArticle = useMemo(() => {
    const counts = new Map<string, { m: ArticleMention; n: number }>();
    for (const m of mentions) {
      const c = counts.get(m.entity.id);
      if (c) c.n++;
      else counts.set(m.entity.id, { m, n: 1 });
    }
    return [...counts.values()].sort((a, b) => b.n - a.n || a.m.entity.name.localeCompare(b.m.entity.name));
  }, [mentions]);

  return (
    <div class="a-page">
      <main class="a-main">
        <header class="a-head">
          <p class="a-kicker">Article in the Gloss set</p>
          <h1 class="a-title">{meta.title}</h1>
          {meta.titleIsEditorial ? (
            <p class="a-editorial">[editorial title] The article has no headline of its own; Gloss editors wrote this one.</p>
          ) : null}
          <dl class="a-meta">
            <dt>Source</dt>
            <dd>{meta.source ?? 'not stated'}</dd>
            <dt>Publisher</dt>
            <dd>{meta.publisher ?? 'not stated'}</dd>
            <dt>Date</dt>
            <dd>
              <span class={meta.date ? undefined : 'g-undated'}>{formatArticleDate(meta.date)}</span>
              {meta.dateBasis === 'implied' ? ' (implied by the text)' : ''}
              {meta.dateNote ? <span class="a-date-note">{meta.dateNote}</span> : null}
            </dd>
          </dl>
        </header>
        {/* One text node, verbatim: offsets of the article text are offsets in this node (lang from the index). */}
        <div class="a-text" ref={textRef} lang={meta.language}>
          {text}
        </div>
      </main>
      <aside class="a-side" aria-labelledby="a-names-h">
        <h2 id="a-names-h">Names in this article</h2>
        {inArticle.length ? (
          <ul class="a-names">
            {inArticle.map(({ m, n }) => (
              <li key={m.entity.id}>
                <a href={`/popup.html?entity=${encodeURIComponent(m.entity.id)}`} target="_blank" rel="noopener">
                  {m.entity.name}
                </a>{' '}
                <TypeLabel type={m.entity.type} />{' '}
                <span class="g-muted" title={`${n} mentions`}>
                  ×{n}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="g-muted">No names from the dataset.</p>
        )}
        <p class="a-legend">
          {(['person', 'organization', 'place'] as const).map((t) => (
            <span key={t} class={`a-legend-item a-legend-${t}`}>
              {TYPE_LABELS[t].many}
            </span>
          ))}
        </p>
      </aside>
      {card ? (
        <ArticleCard
          dataset={dataset}
          entityId={card.m.entity.id}
          count={inArticle.find((x) => x.m.entity.id === card.m.entity.id)?.n ?? 1}
          anchor={card.rect}
          onPointerInside={(inside) => annotation.current?.pointerInCard(inside)}
          onClose={() => annotation.current?.closeCard()}
        />
      ) : null}
    </div>
  );
}

import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Card } from '@/components/card/Card';
import type { CompiledDataset } from '@/lib/dataset/types';
import { cardModel } from '@/lib/page/card-model';
import { placeCard } from '@/lib/page/card-position';

interface ArticleCardProps {
  dataset: CompiledDataset;
  entityId: string;
  /** Mentions of the entity in this article. */
  count: number;
  anchor: DOMRect;
  onPointerInside(inside: boolean): void;
  onClose(): void;
}

/**
 * The content script's hover card (components/card/Card) over a name in the article view, placed by the
 * same rule. The article view is our own page, so no shadow root is needed around it.
 */
export function ArticleCard({ dataset, entityId, count, anchor, onPointerInside, onClose }: ArticleCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const model = cardModel(dataset, entityId, count);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const p = placeCard(anchor, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight });
    setPos({ left: p.left, top: p.top });
  }, [anchor]);
  if (!model) return null;
  return (
    <div
      ref={ref}
      class="wrap"
      style={pos ? { left: `${pos.left}px`, top: `${pos.top}px` } : { visibility: 'hidden' }}
      onPointerEnter={() => onPointerInside(true)}
      onPointerLeave={() => onPointerInside(false)}
    >
      <Card
        model={model}
        onClose={onClose}
        onMore={(id) => {
          window.open(`/popup.html?entity=${encodeURIComponent(id)}`, '_blank', 'noopener');
        }}
        onArticle={(articleId, start, end) => {
          window.location.assign(`/article.html?id=${encodeURIComponent(articleId)}#${start}-${end}`);
        }}
      />
    </div>
  );
}

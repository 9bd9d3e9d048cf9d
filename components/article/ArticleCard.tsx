import type { CompiledEntity } from '@/lib/dataset/types';
import { placeCard } from '@/lib/page/card-position';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { TypeLabel } from '../entity/TypeLabel';

interface ArticleCardProps {
  entity: CompiledEntity;
  anchor: DOMRect;
  onPointerInside(inside: boolean): void;
}

/**
 * The card over a name in the article view. A seam: the content script's card (components/card/)
 * replaces this when it can be mounted outside a shadow root; until then, the same facts in brief
 * and a link to the entity's full detail.
 */
export function ArticleCard({ entity, anchor, onPointerInside }: ArticleCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const p = placeCard(anchor, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight });
    setPos({ left: p.left, top: p.top });
  }, [anchor]);
  return (
    <div
      ref={ref}
      class="a-card"
      role="dialog"
      aria-label={entity.name}
      style={pos ? { left: `${pos.left}px`, top: `${pos.top}px` } : { visibility: 'hidden' }}
      onPointerEnter={() => onPointerInside(true)}
      onPointerLeave={() => onPointerInside(false)}
    >
      <p class="a-card-name">{entity.name}</p>
      <p class="a-card-kind">
        <TypeLabel type={entity.type} />
      </p>
      <p class="a-card-descriptor">{entity.descriptor}</p>
      <p class="a-card-note">{entity.note.text}</p>
      <a class="a-card-more" href={`/popup.html?entity=${encodeURIComponent(entity.id)}`} target="_blank" rel="noopener">
        More about {entity.name}
      </a>
    </div>
  );
}

import type { CompiledDataset, CompiledEntity } from '@/lib/dataset/types';
import { createMatcher, newPageMemory } from '@/lib/match';
import type { Mention } from '@/lib/match/types';
import { createHoverController } from '@/lib/page/card-hover';
import { type HitIndex, mentionAtPoint } from '@/lib/page/hit-test';
import { createPainter } from '@/lib/page/paint';

/** A mention in the article view: the matcher's mention with its live DOM range and entity. */
export interface ArticleMention {
  mention: Mention;
  entity: CompiledEntity;
  range: Range;
}

export interface AnnotateOptions {
  /** The element whose only child is the article's text node (offsets of the text = offsets in the node). */
  textNode: Text;
  dataset: CompiledDataset;
  onOpen(m: ArticleMention): void;
  onClose(): void;
}

export interface Annotation {
  mentions: ArticleMention[];
  /** Whether a card's pointer state changed (the card tells the hover controller). */
  pointerInCard(inside: boolean): void;
  closeCard(): void;
  destroy(): void;
}

/** Finds the mentions of the article with the same matcher as the content script. */
export function findMentions(text: string, dataset: CompiledDataset): Mention[] {
  return createMatcher(dataset.aliases).find(text, { memory: newPageMemory() });
}

/**
 * Paints every mention with the content script's painter and opens a card on hover with its hit test
 * and hover timing, so that the article view behaves like any annotated page.
 */
export function annotateArticle({ textNode, dataset, onOpen, onClose }: AnnotateOptions): Annotation {
  const doc = textNode.ownerDocument;
  const win = doc.defaultView ?? window;
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  const mentions: ArticleMention[] = [];
  for (const m of findMentions(textNode.data, dataset)) {
    const entity = byId.get(m.entityId);
    if (!entity) continue;
    const range = doc.createRange();
    range.setStart(textNode, m.start);
    range.setEnd(textNode, m.end);
    mentions.push({ mention: m, entity, range });
  }
  const painter = createPainter(win);
  for (const m of mentions) painter.add(m.entity.type, m.range);
  painter.flush();

  const byRange = new Map<AbstractRange, ArticleMention>(mentions.map((m) => [m.range, m]));
  const index: HitIndex<ArticleMention> = {
    byRange: (r) => byRange.get(r),
    near: () => mentions,
    rangeOf: (m) => m.range,
    isShown: () => true,
  };
  const hover = createHoverController<ArticleMention>({
    timers: { setTimeout: (cb, ms) => win.setTimeout(cb, ms), clearTimeout: (id) => win.clearTimeout(id) },
    open: onOpen,
    close: onClose,
  });

  let frame = 0;
  let last: { x: number; y: number } | null = null;
  const onMove = (e: PointerEvent) => {
    last = { x: e.clientX, y: e.clientY };
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (last) hover.pointerOver(mentionAtPoint(doc, last.x, last.y, index));
    });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') hover.closeNow();
  };
  doc.addEventListener('pointermove', onMove, { passive: true });
  doc.addEventListener('keydown', onKey);
  return {
    mentions,
    pointerInCard: (inside) => hover.pointerInCard(inside),
    closeCard: () => hover.closeNow(),
    destroy() {
      doc.removeEventListener('pointermove', onMove);
      doc.removeEventListener('keydown', onKey);
      if (frame) win.cancelAnimationFrame(frame);
      hover.closeNow();
      painter.dispose();
    },
  };
}

/**
 * Which painted mention is under a point. Highlights receive no events, so the content script asks:
 * 1. `CSS.highlights.highlightsFromPoint(x, y)` where it exists (Chrome 140+, Firefox 150+);
 * 2. otherwise the caret position under the point, then the mentions around that text node, keeping
 *    the one whose client rects contain the point (the caret snaps to the nearest character, even
 *    far to the right of a line, so the caret alone would open cards on empty space).
 */

export interface HitIndex<M> {
  /** The mention painted with exactly this range. */
  byRange(range: AbstractRange): M | undefined;
  /** Mentions in the same block as `node` (a text node), candidates for the rect check. */
  near(node: Node): readonly M[];
  rangeOf(mention: M): Range;
  /** Whether the mention's highlight is shown (its type enabled). */
  isShown(mention: M): boolean;
}

interface HighlightHit {
  highlight: unknown;
  ranges: AbstractRange[];
}
type RegistryWithHitTest = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number) => HighlightHit[];
};

export function rectsContain(rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, slop = 0): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (!r) continue;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

export function mentionAtPoint<M>(doc: Document, x: number, y: number, index: HitIndex<M>): M | null {
  const registry = doc.defaultView?.CSS?.highlights as RegistryWithHitTest | undefined;
  if (typeof registry?.highlightsFromPoint === 'function') {
    try {
      for (const hit of registry.highlightsFromPoint(x, y)) {
        for (const range of hit.ranges) {
          const m = index.byRange(range);
          if (m && index.isShown(m)) return m;
        }
      }
      return null;
    } catch {
      // Fall through to the caret path: an early implementation may throw on unusual input.
    }
  }
  const node = caretNodeAt(doc, x, y);
  if (!node) return null;
  for (const m of index.near(node)) {
    if (index.isShown(m) && rectsContain(index.rangeOf(m).getClientRects(), x, y)) return m;
  }
  return null;
}

function caretNodeAt(doc: Document, x: number, y: number): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  }
  return null;
}

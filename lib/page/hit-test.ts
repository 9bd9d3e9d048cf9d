/**
 * Which painted mention is under a point. Highlights receive no events, so the content script asks the caret
 * position under the point, finds the mentions of that text node's block around the caret by binary search, and
 * keeps the one whose client rects contain the point (the caret snaps to the nearest character, even far to the
 * right of a line, so the caret alone would open cards on empty space). The work is a few range comparisons and
 * at most three rect reads, whatever the page.
 *
 * `CSS.highlights.highlightsFromPoint` is used only where the caret cannot reach: text inside a shadow root, where
 * the caret is retargeted to the host. It is not the first choice because its cost grows with the registered ranges
 * times the size of their text nodes (0.3–1.3 s per call in Chromium 156 on a 3,000-line <pre> with 6,000 names).
 */

export interface HitIndex<M> {
  /** The mention painted with exactly this range. */
  byRange(range: AbstractRange): M | undefined;
  /** Mentions in the same block as `node` (a text node), in document order, candidates for the rect check. */
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

interface Caret {
  node: Node;
  offset: number;
}

export function rectsContain(rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, slop = 0): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (!r) continue;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

export function mentionAtPoint<M>(doc: Document, x: number, y: number, index: HitIndex<M>): M | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  if (caret.node.nodeType === 3) return mentionNearCaret(caret, x, y, index);
  if ((caret.node as Element).shadowRoot) return mentionFromHighlights(doc, x, y, index);
  return null;
}

/**
 * The mention around a caret position: binary search for the first mention that does not end before the caret
 * (mentions of a block are in document order and do not overlap), then the rect check on it and its neighbours.
 */
export function mentionNearCaret<M>(caret: Caret, x: number, y: number, index: HitIndex<M>): M | null {
  const list = index.near(caret.node);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareToCaret(index.rangeOf(list[mid] as M), caret) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (const i of [lo, lo - 1, lo + 1]) {
    const m = list[i];
    if (m !== undefined && index.isShown(m) && rectsContain(index.rangeOf(m).getClientRects(), x, y)) return m;
  }
  return null;
}

/** -1 when the range ends before the caret, 0 when it contains it, 1 when it starts after it. */
function compareToCaret(range: Range, caret: Caret): number {
  try {
    // comparePoint answers for the point: 1 when it is after the range.
    return -range.comparePoint(caret.node, caret.offset);
  } catch {
    // A range whose text left the document: treat it as before the caret, it will fail the rect check anyway.
    return -1;
  }
}

function mentionFromHighlights<M>(doc: Document, x: number, y: number, index: HitIndex<M>): M | null {
  const registry = doc.defaultView?.CSS?.highlights as RegistryWithHitTest | undefined;
  if (typeof registry?.highlightsFromPoint !== 'function') return null;
  try {
    for (const hit of registry.highlightsFromPoint(x, y)) {
      for (const range of hit.ranges) {
        const m = index.byRange(range);
        if (m && index.isShown(m)) return m;
      }
    }
  } catch {
    // An early implementation may throw on unusual input: no card rather than an error in the page's console.
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * Keeps only the ranges near the viewport registered: every change to a Highlight makes the browser repaint all
 * of its ranges (Chromium 156: ~150 ms a frame at 20,000 ranges), so a page with thousands of mentions paints the
 * ones a reader can see, plus a screen above and below, and follows scrolling. Ranges are grouped by the element
 * their text starts in, which an IntersectionObserver watches. An element with more than SLICE_ABOVE ranges (a
 * 3,000-line <pre> log, a text/plain file) is windowed by the ranges' own positions: a binary search on their
 * rects while it is near the viewport, again after each scroll, so at most about a screenful of them is registered
 * (they are in document order, which is top to bottom in the flow of one element).
 */
export interface ViewportWindow {
  add(range: Range): void;
  remove(range: Range): void;
  clear(): void;
}

/** Past this many ranges in one element, its ranges are windowed one by one. */
export const SLICE_ABOVE = 200;

export function createViewportWindow(win: Window, show: (range: Range) => void, hide: (range: Range) => void): ViewportWindow | null {
  const IO = (win as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof IO !== 'function') return null;
  const byElement = new Map<Element, Set<Range>>();
  const elementOf = new Map<Range, Element>();
  const near = new Set<Element>();
  // Big elements near the viewport: the ranges of each that are registered now, and its ranges in document order.
  const sliced = new Map<Element, Set<Range>>();
  const ordered = new Map<Element, Range[]>();

  const isBig = (el: Element) => (byElement.get(el)?.size ?? 0) > SLICE_ABOVE;
  const orderOf = (el: Element): Range[] => {
    let list = ordered.get(el);
    if (!list) {
      list = [...(byElement.get(el) ?? [])].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      ordered.set(el, list);
    }
    return list;
  };
  /** Registers the ranges of a big element that are within a screen of the viewport, and only those. */
  const slice = (el: Element) => {
    const list = orderOf(el);
    const h = win.innerHeight || 800;
    const first = lowerBound(list, (r) => r.getBoundingClientRect().bottom < -h);
    const end = lowerBound(list, (r) => r.getBoundingClientRect().top <= 2 * h);
    const now = new Set(list.slice(first, Math.max(first, end)));
    const before = sliced.get(el) ?? new Set();
    for (const r of before) if (!now.has(r)) hide(r);
    for (const r of now) if (!before.has(r)) show(r);
    sliced.set(el, now);
  };
  const unslice = (el: Element) => {
    for (const r of sliced.get(el) ?? []) hide(r);
    sliced.delete(el);
  };

  // One slice per big element per frame, whether the page scrolled or the scan added ranges.
  let queued = false;
  const onScroll = () => {
    if (queued || sliced.size === 0) return;
    queued = true;
    win.requestAnimationFrame(() => {
      queued = false;
      for (const el of sliced.keys()) slice(el);
    });
  };
  win.addEventListener('scroll', onScroll, { passive: true, capture: true });
  win.addEventListener('resize', onScroll, { passive: true });

  const observer = new IO(
    (entries) => {
      for (const entry of entries) {
        const el = entry.target;
        const ranges = byElement.get(el);
        if (entry.isIntersecting) {
          near.add(el);
          if (isBig(el)) slice(el);
          else for (const r of ranges ?? []) show(r);
        } else if (near.delete(el)) {
          if (sliced.has(el)) unslice(el);
          else for (const r of ranges ?? []) hide(r);
        }
      }
    },
    { rootMargin: '100% 0px' },
  );
  const anchorOf = (range: Range): Element | null => {
    const node = range.startContainer;
    return node.nodeType === 1 ? (node as Element) : node.parentElement;
  };
  return {
    add(range) {
      const el = anchorOf(range);
      if (!el) return;
      elementOf.set(range, el);
      let set = byElement.get(el);
      if (!set) {
        set = new Set();
        byElement.set(el, set);
        observer.observe(el);
      }
      set.add(range);
      ordered.delete(el);
      if (!near.has(el)) return;
      if (!isBig(el)) show(range);
      else {
        if (!sliced.has(el)) {
          // Crossing the limit: the ranges shown one by one go; the next frame registers the slice near the viewport.
          for (const r of set) hide(r);
          sliced.set(el, new Set());
        }
        onScroll();
      }
    },
    remove(range) {
      const el = elementOf.get(range);
      if (!el) return;
      elementOf.delete(range);
      hide(range);
      sliced.get(el)?.delete(range);
      ordered.delete(el);
      const set = byElement.get(el);
      set?.delete(range);
      if (set?.size === 0) {
        byElement.delete(el);
        near.delete(el);
        sliced.delete(el);
        observer.unobserve(el);
      }
    },
    clear() {
      observer.disconnect();
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onScroll);
      byElement.clear();
      elementOf.clear();
      near.clear();
      sliced.clear();
      ordered.clear();
    },
  };
}

/** The first index whose item is not `before` (items `before` come first). */
function lowerBound<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

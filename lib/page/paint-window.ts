/**
 * Keeps only the ranges near the viewport registered: every change to a Highlight makes the browser repaint all
 * of its ranges (Chromium 156: ~150 ms a frame at 20,000 ranges), so a page with thousands of mentions paints the
 * ones a reader can see, plus a screen above and below, and follows scrolling. Ranges are grouped by the element
 * their text starts in, which an IntersectionObserver watches.
 */
export interface ViewportWindow {
  add(range: Range): void;
  remove(range: Range): void;
  clear(): void;
}

export function createViewportWindow(
  win: Window,
  show: (range: Range) => void,
  hide: (range: Range) => void,
): ViewportWindow | null {
  const IO = (win as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof IO !== 'function') return null;
  const byElement = new Map<Element, Set<Range>>();
  const elementOf = new Map<Range, Element>();
  const near = new Set<Element>();
  const observer = new IO(
    (entries) => {
      for (const entry of entries) {
        const ranges = byElement.get(entry.target);
        if (entry.isIntersecting) {
          near.add(entry.target);
          for (const r of ranges ?? []) show(r);
        } else if (near.delete(entry.target)) {
          for (const r of ranges ?? []) hide(r);
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
      if (near.has(el)) show(range);
    },
    remove(range) {
      const el = elementOf.get(range);
      if (!el) return;
      elementOf.delete(range);
      hide(range);
      const set = byElement.get(el);
      set?.delete(range);
      if (set?.size === 0) {
        byElement.delete(el);
        near.delete(el);
        observer.unobserve(el);
      }
    },
    clear() {
      observer.disconnect();
      byElement.clear();
      elementOf.clear();
      near.clear();
    },
  };
}

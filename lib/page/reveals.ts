/**
 * Elements skipped as hidden while collecting, so that text revealed later by a class or style change ("Read more",
 * tabs, accordions) gets scanned. Class and style change far too often to rescan on; instead, after such changes,
 * only the elements once skipped are asked again whether they are visible.
 */
export interface RevealWatch {
  /** Records an element the collector skipped as hidden. */
  skipped(el: Element): void;
  /** Whether any skipped element is still waiting. */
  readonly waiting: boolean;
  /** The skipped elements that are visible now; they are forgotten, as are those no longer in the document. */
  takeRevealed(): Element[];
  clear(): void;
}

/** Beyond this many, the oldest skipped elements are forgotten: a page that hides thousands is not worth the checks. */
const LIMIT = 2000;

export function createRevealWatch(isHidden: (el: Element) => boolean): RevealWatch {
  // A Set keeps insertion order, so the oldest go first when over the limit.
  const skipped = new Set<Element>();
  return {
    skipped(el) {
      skipped.delete(el);
      skipped.add(el);
      if (skipped.size > LIMIT) skipped.delete(skipped.values().next().value as Element);
    },
    get waiting() {
      return skipped.size > 0;
    },
    takeRevealed() {
      const out: Element[] = [];
      for (const el of skipped) {
        if (!el.isConnected) skipped.delete(el);
        else if (!isHidden(el)) {
          skipped.delete(el);
          out.push(el);
        }
      }
      // An element inside another revealed one is scanned with it.
      return out.filter((el) => !out.some((other) => other !== el && other.contains(el)));
    },
    clear() {
      skipped.clear();
    },
  };
}

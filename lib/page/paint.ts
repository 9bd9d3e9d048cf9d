import type { EntityType } from '../dataset/schema';
import type { HighlightStyle } from '../settings';
import { createViewportWindow, type ViewportWindow } from './paint-window';

/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity type, registered as
 * `gloss-person`, `gloss-organization`, `gloss-place`, styled by `::highlight()` rules in the content
 * script's stylesheet. The page's DOM is never touched.
 */
export const HIGHLIGHT_NAMES: Record<EntityType, string> = {
  person: 'gloss-person',
  organization: 'gloss-organization',
  place: 'gloss-place',
};

const TYPES = Object.keys(HIGHLIGHT_NAMES) as EntityType[];
const STYLES: readonly HighlightStyle[] = ['both', 'tint', 'underline'];

/**
 * The name a type's highlight is registered under for a style: the plain name for both (tint and underline), a
 * suffixed one otherwise (`gloss-person-tint`), each with its own `::highlight()` rule. A style is a name, not a
 * class, because Gloss puts nothing into the page's DOM to hang a class on.
 */
export function highlightName(type: EntityType, style: HighlightStyle): string {
  return style === 'both' ? HIGHLIGHT_NAMES[type] : `${HIGHLIGHT_NAMES[type]}-${style}`;
}

export interface Painter {
  /** Queues a range; it is painted at the next flush(). */
  add(type: EntityType, range: Range): void;
  /**
   * Paints the queued ranges. Every change to a registered Highlight makes the browser repaint all of its
   * ranges, so a scan flushes a few times, not per block, and past WINDOW_ABOVE ranges only those near the
   * viewport are registered.
   */
  flush(): void;
  remove(type: EntityType, range: Range): void;
  /** Shows only the enabled types; hidden types keep their ranges for when they are shown again. */
  setVisible(types: Record<EntityType, boolean>): void;
  /** Paints with a tint, an underline, or both. */
  setStyle(style: HighlightStyle): void;
  /** The entity type a highlight object stands for, if it is one of ours and visible. */
  typeOf(highlight: unknown): EntityType | null;
  clear(): void;
  /** Unregisters everything (pause, invalidated content script). */
  dispose(): void;
}

/** Past this many ranges, only those near the viewport are registered (see paint-window.ts). */
export const WINDOW_ABOVE = 1000;

export function highlightSupported(win: Window = window): boolean {
  const css = (win as Window & { CSS?: typeof CSS }).CSS;
  return typeof css?.highlights?.set === 'function' && typeof (win as { Highlight?: unknown }).Highlight === 'function';
}

export function createPainter(win: Window = window): Painter {
  if (!highlightSupported(win)) return nullPainter();
  const registry = (win as Window & { CSS: typeof CSS }).CSS.highlights;
  const HighlightCtor = (win as unknown as { Highlight: typeof Highlight }).Highlight;
  const highlights = new Map<EntityType, Highlight>();
  const byObject = new Map<Highlight, EntityType>();
  const visible: Record<EntityType, boolean> = { person: true, organization: true, place: true };
  let style: HighlightStyle = 'both';
  const pending = new Map<Range, EntityType>();
  // Every range painted, and, past WINDOW_ABOVE of them, the window that registers only those near the viewport.
  const painted = new Map<Range, EntityType>();
  let windowed: ViewportWindow | null = null;
  const show = (range: Range) => {
    const type = painted.get(range);
    if (type) highlights.get(type)?.add(range);
  };
  const hide = (range: Range) => {
    const type = painted.get(range);
    if (type) highlights.get(type)?.delete(range);
  };
  for (const type of TYPES) {
    const h = new HighlightCtor();
    highlights.set(type, h);
    byObject.set(h, type);
  }
  const sync = () => {
    for (const type of TYPES) {
      const h = highlights.get(type);
      if (!h) continue;
      const wanted = visible[type] ? highlightName(type, style) : null;
      for (const s of STYLES) {
        const name = highlightName(type, s);
        if (name === wanted) {
          if (registry.get(name) !== h) registry.set(name, h);
        } else if (registry.get(name) === h) registry.delete(name);
      }
    }
  };
  sync();
  const clear = () => {
    pending.clear();
    painted.clear();
    windowed?.clear();
    windowed = null;
    for (const h of highlights.values()) h.clear();
  };
  return {
    add(type, range) {
      pending.set(range, type);
    },
    flush() {
      for (const [range, type] of pending) painted.set(range, type);
      if (!windowed && painted.size > WINDOW_ABOVE) {
        windowed = createViewportWindow(win, show, hide);
        if (windowed) {
          for (const h of highlights.values()) h.clear();
          for (const range of painted.keys()) windowed.add(range);
        }
      } else if (windowed) {
        for (const range of pending.keys()) windowed.add(range);
      }
      if (!windowed) for (const [range, type] of pending) highlights.get(type)?.add(range);
      pending.clear();
    },
    remove(type, range) {
      if (pending.delete(range)) return;
      if (windowed) windowed.remove(range);
      else highlights.get(type)?.delete(range);
      painted.delete(range);
    },
    setVisible(types) {
      Object.assign(visible, types);
      sync();
    },
    setStyle(next) {
      style = next;
      sync();
    },
    typeOf(highlight) {
      const type = byObject.get(highlight as Highlight);
      return type && visible[type] ? type : null;
    },
    clear,
    dispose() {
      clear();
      for (const type of TYPES) {
        const h = highlights.get(type);
        for (const s of STYLES) if (h && registry.get(highlightName(type, s)) === h) registry.delete(highlightName(type, s));
      }
    },
  };
}

function nullPainter(): Painter {
  return {
    add() {},
    flush() {},
    remove() {},
    setVisible() {},
    setStyle() {},
    typeOf: () => null,
    clear() {},
    dispose() {},
  };
}

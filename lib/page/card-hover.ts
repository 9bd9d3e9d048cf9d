/**
 * Hover timing of the card, like Wikipedia's Page Previews: open after the pointer rests on a name
 * (~150 ms), stay open while the pointer moves into the card, close ~300 ms after it leaves both,
 * close at once on Escape. Pure state machine over injected timers, so it is unit-testable.
 */

export interface HoverTimers {
  setTimeout(cb: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverOptions<M> {
  openDelay?: number;
  closeDelay?: number;
  timers: HoverTimers;
  open(mention: M): void;
  close(): void;
  same?(a: M, b: M): boolean;
}

export interface HoverController<M> {
  /** The mention under the pointer, or null (called at most once a frame). */
  pointerOver(mention: M | null): void;
  pointerInCard(inside: boolean): void;
  /** Opens at once (keyboard, popup "show"). */
  openNow(mention: M): void;
  closeNow(): void;
  readonly current: M | null;
}

export function createHoverController<M>(options: HoverOptions<M>): HoverController<M> {
  const openDelay = options.openDelay ?? 150;
  const closeDelay = options.closeDelay ?? 300;
  const same = options.same ?? ((a: M, b: M) => a === b);
  const { timers } = options;
  let current: M | null = null;
  let pendingOpen: { mention: M; timer: number } | null = null;
  let closeTimer: number | null = null;
  let inCard = false;
  let overMention: M | null = null;

  const cancelOpen = () => {
    if (pendingOpen) timers.clearTimeout(pendingOpen.timer);
    pendingOpen = null;
  };
  const cancelClose = () => {
    if (closeTimer !== null) timers.clearTimeout(closeTimer);
    closeTimer = null;
  };
  const doClose = () => {
    cancelOpen();
    cancelClose();
    if (current !== null) {
      current = null;
      options.close();
    }
  };
  const doOpen = (m: M) => {
    cancelOpen();
    cancelClose();
    current = m;
    options.open(m);
  };
  const maybeScheduleClose = () => {
    if (current === null || inCard || closeTimer !== null) return;
    if (overMention !== null && same(overMention, current)) return;
    closeTimer = timers.setTimeout(() => {
      closeTimer = null;
      doClose();
    }, closeDelay);
  };

  return {
    pointerOver(mention) {
      overMention = mention;
      if (mention === null) {
        cancelOpen();
        maybeScheduleClose();
        return;
      }
      if (current !== null && same(mention, current)) {
        cancelOpen();
        cancelClose();
        return;
      }
      if (pendingOpen && same(pendingOpen.mention, mention)) return;
      cancelOpen();
      // Moving onto another name: the open card stays until the new one is ready (no flicker).
      const timer = timers.setTimeout(() => {
        pendingOpen = null;
        doOpen(mention);
      }, openDelay);
      pendingOpen = { mention, timer };
      maybeScheduleClose();
    },
    pointerInCard(inside) {
      inCard = inside;
      if (inside) {
        cancelClose();
        cancelOpen();
      } else maybeScheduleClose();
    },
    openNow(mention) {
      inCard = false;
      doOpen(mention);
    },
    closeNow: doClose,
    get current() {
      return current;
    },
  };
}

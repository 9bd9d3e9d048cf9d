import type { HoverTimers } from './card-hover';

export interface PointerAt {
  x: number;
  y: number;
  target: EventTarget | null;
}

export interface PointerRestOptions {
  /** How long the pointer must stay still before the (costly) hit test runs. */
  restMs: number;
  timers: HoverTimers;
  /** Every move, before the rest timer starts again: keep it to constant work. */
  moved(at: PointerAt): void;
  /** Once per rest: the place for the hit test. */
  rested(at: PointerAt): void;
}

export interface PointerRest {
  move(at: PointerAt): void;
  /** Forgets the pointer (it left the document, or Gloss paused). */
  cancel(): void;
}

/**
 * Turns a stream of pointer moves into one call per rest. A hit test per animation frame made every pointer move
 * cost up to a second on pages with thousands of names in one element; the card waits for the pointer to rest
 * anyway, so nothing is lost by asking only then.
 */
export function createPointerRest(o: PointerRestOptions): PointerRest {
  let timer: number | null = null;
  let last: PointerAt | null = null;
  const fire = () => {
    timer = null;
    if (last) o.rested(last);
  };
  return {
    move(at) {
      last = at;
      o.moved(at);
      if (timer !== null) o.timers.clearTimeout(timer);
      timer = o.timers.setTimeout(fire, o.restMs);
    },
    cancel() {
      if (timer !== null) o.timers.clearTimeout(timer);
      timer = null;
      last = null;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createHoverController } from '@/lib/page/card-hover';

function setup() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; cb: () => void }>();
  const log: string[] = [];
  const hover = createHoverController<string>({
    timers: {
      setTimeout: (cb, ms) => {
        const id = nextId++;
        timers.set(id, { at: now + ms, cb });
        return id;
      },
      clearTimeout: (id) => {
        timers.delete(id);
      },
    },
    open: (m) => log.push(`open ${m}`),
    close: () => log.push('close'),
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].cb();
    }
    now = end;
  };
  return { hover, log, advance };
}

describe('hover timing', () => {
  it('opens only after the pointer rests on a name', () => {
    const { hover, log, advance } = setup();
    hover.pointerOver('a');
    advance(100);
    expect(log).toEqual([]);
    advance(60);
    expect(log).toEqual(['open a']);
  });
  it('does not open when the pointer only passes over a name', () => {
    const { hover, log, advance } = setup();
    hover.pointerOver('a');
    advance(50);
    hover.pointerOver(null);
    advance(1000);
    expect(log).toEqual([]);
  });
  it('stays open while the pointer moves into the card, closes after leaving it', () => {
    const { hover, log, advance } = setup();
    hover.pointerOver('a');
    advance(150);
    hover.pointerOver(null);
    advance(100);
    hover.pointerInCard(true);
    advance(1000);
    expect(log).toEqual(['open a']);
    hover.pointerInCard(false);
    advance(299);
    expect(log).toEqual(['open a']);
    advance(1);
    expect(log).toEqual(['open a', 'close']);
  });
  it('returning to the name cancels the close', () => {
    const { hover, log, advance } = setup();
    hover.pointerOver('a');
    advance(150);
    hover.pointerOver(null);
    advance(200);
    hover.pointerOver('a');
    advance(1000);
    expect(log).toEqual(['open a']);
  });
  it('moves from one name to another without closing in between', () => {
    const { hover, log, advance } = setup();
    hover.pointerOver('a');
    advance(150);
    hover.pointerOver('b');
    advance(150);
    expect(log).toEqual(['open a', 'open b']);
    expect(hover.current).toBe('b');
  });
  it('closes at once on request (Escape)', () => {
    const { hover, log, advance } = setup();
    hover.pointerOver('a');
    advance(150);
    hover.closeNow();
    expect(log).toEqual(['open a', 'close']);
    advance(1000);
    expect(log).toEqual(['open a', 'close']);
  });
});

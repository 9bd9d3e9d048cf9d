import { describe, expect, it } from 'vitest';
import { createPainter, WINDOW_ABOVE } from '@/lib/page/paint';

/** A window with just what the painter uses: a highlight registry, Highlight, and an IntersectionObserver we drive. */
function fakeWindow() {
  let callback: ((entries: { target: Element; isIntersecting: boolean }[]) => void) | null = null;
  const observed = new Set<Element>();
  class FakeIO {
    constructor(cb: typeof callback) {
      callback = cb;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const registry = new Map<string, Set<Range>>();
  const frames: (() => void)[] = [];
  const listeners = new Map<string, () => void>();
  const win = {
    CSS: { highlights: registry },
    Highlight: class extends Set<Range> {},
    IntersectionObserver: FakeIO,
    innerHeight: 100,
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    addEventListener: (type: string, cb: () => void) => listeners.set(type, cb),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  /** Runs the queued animation frames. */
  const frame = () => {
    for (const cb of frames.splice(0)) cb();
  };
  const scrollEvent = () => listeners.get('scroll')?.();
  const scroll = (near: Element[], far: Element[] = []) =>
    callback?.([...near.map((target) => ({ target, isIntersecting: true })), ...far.map((target) => ({ target, isIntersecting: false }))]);
  return { win: win as unknown as Window, registry, observed, scroll, frame, scrollEvent };
}

function paragraphs(n: number): Range[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>Name ${i}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => {
    const r = document.createRange();
    r.setStart(p.firstChild!, 0);
    r.setEnd(p.firstChild!, 4);
    return r;
  });
}

describe('painting near the viewport only, on pages with many mentions', () => {
  it('registers every range up to the limit', () => {
    const { win, registry } = fakeWindow();
    const painter = createPainter(win);
    for (const r of paragraphs(WINDOW_ABOVE)) painter.add('person', r);
    painter.flush();
    expect(registry.get('gloss-person')?.size).toBe(WINDOW_ABOVE);
  });

  it('past the limit, registers the ranges of the elements near the viewport and follows scrolling', () => {
    const { win, registry, observed, scroll } = fakeWindow();
    const painter = createPainter(win);
    const ranges = paragraphs(WINDOW_ABOVE + 500);
    for (const r of ranges) painter.add('person', r);
    painter.flush();
    const person = registry.get('gloss-person')!;
    expect(person.size).toBe(0);
    expect(observed.size).toBe(ranges.length);

    const ps = [...document.querySelectorAll('p')];
    scroll(ps.slice(0, 20));
    expect(person.size).toBe(20);
    expect(person.has(ranges[0]!)).toBe(true);
    scroll(ps.slice(1400, 1420), ps.slice(0, 20));
    expect(person.size).toBe(20);
    expect(person.has(ranges[1410]!)).toBe(true);
    expect(person.has(ranges[0]!)).toBe(false);

    // A range removed while near goes at once; one added near is painted at the next flush.
    painter.remove('person', ranges[1410]!);
    expect(person.has(ranges[1410]!)).toBe(false);
    const again = document.createRange();
    again.setStart(ps[1411]!.firstChild!, 0);
    again.setEnd(ps[1411]!.firstChild!, 2);
    painter.add('person', again);
    painter.flush();
    expect(person.has(again)).toBe(true);

    painter.clear();
    expect(person.size).toBe(0);
    expect(observed.size).toBe(0);
  });

  it('windows the ranges of one big element by their position, and follows scrolling', () => {
    const { win, registry, scroll, frame, scrollEvent } = fakeWindow();
    const painter = createPainter(win);
    // One <pre> with WINDOW_ABOVE + 1000 names, one per 10 px line; the viewport is 100 px high.
    document.body.innerHTML = '<pre></pre>';
    const pre = document.querySelector('pre')!;
    const n = WINDOW_ABOVE + 1000;
    pre.textContent = 'Name\n'.repeat(n);
    const text = pre.firstChild!;
    let scrollTop = 0;
    const ranges = Array.from({ length: n }, (_, i) => {
      const r = document.createRange();
      r.setStart(text, i * 5);
      r.setEnd(text, i * 5 + 4);
      r.getBoundingClientRect = () => ({ top: i * 10 - scrollTop, bottom: i * 10 + 10 - scrollTop }) as DOMRect;
      return r;
    });
    for (const r of ranges) painter.add('person', r);
    painter.flush();
    scroll([pre]);
    frame();
    const person = registry.get('gloss-person')!;
    // From a screen above (none yet) to a screen below the viewport (top at most 200 px): lines 0 to 20.
    expect(person.size).toBe(21);
    expect(person.has(ranges[0]!)).toBe(true);
    expect(person.has(ranges[21]!)).toBe(false);

    scrollTop = 5000;
    scrollEvent();
    frame();
    // Lines whose bottom is at most a screen above (489) to those whose top is at most a screen below (520).
    expect(person.size).toBe(32);
    expect(person.has(ranges[489]!)).toBe(true);
    expect(person.has(ranges[520]!)).toBe(true);
    expect(person.has(ranges[488]!)).toBe(false);
    expect(person.has(ranges[521]!)).toBe(false);
    expect(person.has(ranges[0]!)).toBe(false);

    scroll([], [pre]);
    expect(person.size).toBe(0);
  });
});

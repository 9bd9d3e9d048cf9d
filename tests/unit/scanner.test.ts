import { afterEach, describe, expect, it } from 'vitest';
import { createMatcher, newPageMemory } from '@/lib/match';
import type { EntityType } from '@/lib/dataset/schema';
import type { Painter } from '@/lib/page/paint';
import { type Collector, Scanner, type TextBlock } from '@/lib/page/scanner';
import { createScheduler } from '@/lib/page/scheduler';

/** A tiny stand-in for lib/page/collect: these tags are blocks, everything else is inline. */
const BLOCKS = new Set(['BODY', 'P', 'LI', 'UL', 'DIV', 'ARTICLE', 'MAIN', 'H1']);
const blockOf = (node: Node): Element | null => {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && BLOCKS.has((n as Element).tagName)) return n as Element;
  }
  return null;
};
const outlinedBy = (t: Text, root: Node, outlined?: (el: Element) => boolean) => {
  for (let n = t.parentElement; n && n !== root; n = n.parentElement) if (outlined?.(n)) return true;
  return false;
};
const collector: Collector = {
  collect(root, outlined) {
    const blocks = new Map<Element, TextBlock>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      const el = blockOf(t);
      if (!el || t.parentElement?.closest('textarea,script') || outlinedBy(t, root, outlined)) continue;
      let b = blocks.get(el);
      if (!b) {
        b = { element: el, text: '', segments: [] };
        blocks.set(el, b);
      }
      b.segments.push({ node: t, start: b.text.length, end: b.text.length + t.data.length });
      b.text += t.data;
    }
    return [...blocks.values()];
  },
  blockOf,
  isBlock: (el) => BLOCKS.has(el.tagName),
  range(block, start, end) {
    const r = document.createRange();
    for (const s of block.segments) {
      if (start >= s.start && start < s.end) r.setStart(s.node, start - s.start);
      if (end > s.start && end <= s.end) r.setEnd(s.node, end - s.start);
    }
    return r;
  },
};

const matcher = createMatcher([
  { entityId: 'qais', text: 'Qais al-Khazali', match: 'always' },
  { entityId: 'qais', text: 'Khazali', match: 'after-full-name' },
  { entityId: 'kh', text: "Kata'ib Hezbollah", match: 'always' },
]);
const TYPES: Record<string, EntityType> = { qais: 'person', kh: 'organization' };

function setup(html: string) {
  document.body.innerHTML = html;
  const painted = new Set<Range>();
  const queued = new Set<Range>();
  const painter: Painter = {
    add: (_t, r) => queued.add(r),
    flush: () => {
      for (const r of queued) painted.add(r);
      queued.clear();
    },
    remove: (_t, r) => queued.delete(r) || painted.delete(r),
    setVisible() {},
    setStyle() {},
    typeOf: () => null,
    clear: () => {
      queued.clear();
      painted.clear();
    },
    dispose: () => painted.clear(),
  };
  let changes = 0;
  const scanner = new Scanner({
    doc: document,
    collector,
    find: (text, memory) => matcher.find(text, { memory }),
    newMemory: newPageMemory,
    typeOf: (id) => TYPES[id],
    painter,
    scheduler: createScheduler({
      host: {
        now: () => performance.now(),
        requestIdle: null,
        postBackground: null,
        setTimeout: (cb, ms) => setTimeout(cb, ms),
      },
    }),
    onChange: () => changes++,
  });
  const settle = async () => {
    // Mutation records arrive in a microtask; the scan runs in scheduler slices.
    await new Promise((r) => setTimeout(r, 0));
    await scanner.idle();
  };
  const texts = () => [...painted].map((r) => r.toString()).sort();
  return { scanner, painted, texts, settle, changes: () => changes };
}

/** Scans the page and returns every root the scanner asked the collector to collect. */
async function scanRecordingRoots(t: ReturnType<typeof setup>): Promise<Node[]> {
  const roots: Node[] = [];
  const collect = collector.collect;
  collector.collect = (root, outlined) => {
    roots.push(root);
    return collect(root, outlined);
  };
  try {
    t.scanner.start();
    await t.settle();
  } finally {
    collector.collect = collect;
  }
  return roots;
}

let current: Scanner | null = null;
afterEach(() => current?.stop());

describe('Scanner', () => {
  it('paints the mentions of the whole page, in slices', async () => {
    const t = setup("<p>Qais al-<em>Khazali</em> spoke.</p><ul><li>Kata'ib Hezbollah</li></ul>");
    current = t.scanner;
    t.scanner.start();
    expect(t.painted.size).toBe(0); // nothing synchronous
    await t.settle();
    expect(t.texts()).toEqual(["Kata'ib Hezbollah", 'Qais al-Khazali']);
    expect(t.scanner.counts()).toEqual({ qais: 1, kh: 1 });
  });

  it('reads a block again when a later block names in full the person it names by surname only', async () => {
    const t = setup('<h1>Khazali Warns U.S. Troops</h1><p>Ordinary words.</p><p>Later, Qais al-Khazali said more.</p>');
    current = t.scanner;
    t.scanner.start();
    await t.settle();
    await t.settle();
    expect(t.texts()).toEqual(['Khazali', 'Qais al-Khazali']);
    expect(t.scanner.counts()).toEqual({ qais: 2 });
  });

  it('leaves a surname alone when the page never names the person in full', async () => {
    const t = setup("<h1>Khazali Warns U.S. Troops</h1><p>Kata'ib Hezbollah said more.</p>");
    current = t.scanner;
    t.scanner.start();
    await t.settle();
    expect(t.texts()).toEqual(["Kata'ib Hezbollah"]);
  });

  it('collects a big page in parts, through lone wrappers (main > article > p × 1,200)', async () => {
    const paragraphs = Array.from({ length: 1200 }, (_, i) => `<p>Item ${i}: Qais al-Khazali.</p>`).join('');
    const t = setup(`<main><article>${paragraphs}</article></main>`);
    current = t.scanner;
    const roots = (await scanRecordingRoots(t)).map((r) => (r as Element).tagName);
    expect(t.scanner.counts()).toEqual({ qais: 1200 });
    expect(roots.filter((r) => r !== 'P')).toEqual([]);
    expect(roots).toHaveLength(1200);
  });

  it('collects a big root in parts even when it has text of its own, and reads that text too', async () => {
    const paragraphs = Array.from({ length: 1200 }, (_, i) => `<p>Item ${i}: Qais al-Khazali.</p>`).join('');
    const t = setup(`<main><div id="content"><a href="#nav">Jump to Kata'ib Hezbollah</a>${paragraphs} Closing words.</div></main>`);
    current = t.scanner;
    const roots = (await scanRecordingRoots(t)).map((r) => (r as Element).tagName);
    expect(t.scanner.counts()).toEqual({ qais: 1200, kh: 1 });
    // The div's own run is read by a call of its own, with its paragraphs outlined; nothing reads all 1,200 at once.
    expect(roots.filter((r) => r !== 'P')).toEqual(['DIV']);
    expect(roots).toHaveLength(1201);
  });

  it('picks up appended blocks and changed text, and drops removed ones', async () => {
    const t = setup('<main id="feed"><p id="a">Nothing here.</p></main>');
    current = t.scanner;
    t.scanner.start();
    await t.settle();
    expect(t.texts()).toEqual([]);

    const p = document.createElement('article');
    p.textContent = 'Later: Qais al-Khazali.';
    document.getElementById('feed')?.append(p);
    await t.settle();
    expect(t.texts()).toEqual(['Qais al-Khazali']);

    const a = document.getElementById('a') as HTMLElement;
    (a.firstChild as Text).data = 'Then Khazali again.';
    await t.settle();
    expect(t.texts()).toEqual(['Khazali', 'Qais al-Khazali']);
    expect(t.scanner.counts()).toEqual({ qais: 2 });

    p.remove();
    await t.settle();
    expect(t.texts()).toEqual(['Khazali']);

    a.textContent = 'Gone.';
    await t.settle();
    expect(t.texts()).toEqual([]);
    expect(t.scanner.counts()).toEqual({});
  });

  it('keeps unchanged blocks when a sibling is re-rendered', async () => {
    const t = setup("<div id='app'><p>Qais al-Khazali</p><p id='x'>x</p></div>");
    current = t.scanner;
    t.scanner.start();
    await t.settle();
    const before = [...t.painted][0];
    const x = document.getElementById('x') as HTMLElement;
    x.innerHTML = "<span>Kata'ib</span> Hezbollah";
    await t.settle();
    expect(t.texts()).toEqual(["Kata'ib Hezbollah", 'Qais al-Khazali']);
    expect(t.painted.has(before as Range)).toBe(true);
  });

  it('rescans from scratch on navigation and stops cleanly', async () => {
    const t = setup('<p>Qais al-Khazali</p>');
    current = t.scanner;
    t.scanner.start();
    await t.settle();
    document.body.innerHTML = '<p>Khazali alone</p>';
    t.scanner.rescanAll();
    await t.settle();
    // A new route is a new page: the full name was not seen on it.
    expect(t.texts()).toEqual([]);
    document.body.innerHTML = '<p>Qais al-Khazali</p>';
    await t.settle();
    expect(t.texts()).toEqual(['Qais al-Khazali']);
    t.scanner.stop();
    expect(t.painted.size).toBe(0);
    document.body.innerHTML = '<p>Qais al-Khazali</p>';
    await t.settle();
    expect(t.painted.size).toBe(0);
  });

  it('lists mentions in document order for the keyboard command', async () => {
    const t = setup("<p>Kata'ib Hezbollah</p><p>Qais al-Khazali and Khazali</p>");
    current = t.scanner;
    t.scanner.start();
    await t.settle();
    expect(t.scanner.ordered().map((m) => m.text)).toEqual(["Kata'ib Hezbollah", 'Qais al-Khazali', 'Khazali']);
    expect(t.scanner.ordered('qais').map((m) => m.text)).toEqual(['Qais al-Khazali', 'Khazali']);
  });

  it('collects a large page in parts, never the whole body at once', async () => {
    const rows = Array.from({ length: 1600 }, (_, i) => `<p>Row ${i}${i % 400 === 0 ? " Kata'ib Hezbollah" : ''}</p>`);
    const t = setup(`<script>var x = 1;</script><div id="feed">${rows.join('')}</div><p>Qais al-Khazali</p>`);
    current = t.scanner;
    const roots = await scanRecordingRoots(t);
    expect(roots).not.toContain(document.body);
    expect(roots).not.toContain(document.getElementById('feed'));
    expect(roots.length).toBeGreaterThan(1600);
    expect(t.scanner.counts()).toEqual({ kh: 4, qais: 1 });
  });
});

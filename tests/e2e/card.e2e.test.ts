import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { describeBrowsers, type GlossPage, ROOT } from './harness';

interface Dataset {
  entities: { id: string; name: string; descriptor: string; note: { text: string; citations: string[] } }[];
  excerpts: Record<string, { sentence: string }[]>;
}
const dataset = JSON.parse(readFileSync(join(ROOT, 'assets/generated/dataset.json'), 'utf8')) as Dataset;

/** The cards most at risk of hiding their excerpt: Khamenei's (the longest note) and the longest descriptor plus excerpt. */
const longest = [...dataset.entities].sort(
  (a, b) =>
    b.descriptor.length +
    (dataset.excerpts[b.id]?.[0]?.sentence.length ?? 0) -
    (a.descriptor.length + (dataset.excerpts[a.id]?.[0]?.sentence.length ?? 0)),
)[0];
const cases = [dataset.entities.find((e) => e.id === 'ali-khamenei'), longest].filter(
  (e, i, all): e is Dataset['entities'][number] => !!e && all.indexOf(e) === i,
);

const filler = `<p>${'A paragraph of ordinary news prose about the weather and the markets. '.repeat(8)}</p>`;
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gloss e2e: long cards</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 680px; margin: 40px auto; }</style></head><body>
${filler.repeat(4)}${cases.map((e) => `<p>Today ${e.name} was in the news again.</p>${filler.repeat(3)}`).join('')}${filler.repeat(4)}
</body></html>`;

/** Runs in the page: scrolls so that the first occurrence of a text is at viewport height `at`; its middle point. */
function placeText([text, at]: [string, number]): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const i = node.nodeValue?.indexOf(text) ?? -1;
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + text.length);
    window.scrollBy(0, range.getBoundingClientRect().top - at);
    const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }
  return null;
}

/** Waits until the content script has painted every name of the page (hovering earlier finds nothing). */
async function waitPainted(p: GlossPage, names: string[]) {
  await p.waitForFunction((wanted: string[]) => {
    const painted = new Set<string>();
    for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) {
      for (const r of (CSS.highlights.get(name) as Iterable<AbstractRange> | undefined) ?? []) painted.add((r as Range).toString());
    }
    return wanted.every((n) => painted.has(n));
  }, names);
}

async function setViewport(p: GlossPage, width: number, height: number) {
  if (p.browserName === 'chromium') await (p.raw as PwPage).setViewportSize({ width, height });
  else await (p.raw as PpPage).setViewport({ width, height });
}

interface Side {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
type Part = 'card' | 'descriptor' | 'note' | 'excerpt' | 'link';

/** Runs in the page: where the card's parts are, and whether the card needs inner scrolling. */
// No named inner functions in page functions: tsx adds a `__name` helper to them that the page does not have.
function cardBoxes() {
  const root = document.querySelector('gloss-card')?.shadowRoot;
  const section = root?.querySelector('section');
  const selectors: Record<Part, string> = {
    card: 'section',
    descriptor: '.card__descriptor',
    note: '.card__note',
    excerpt: 'figure',
    link: '.card__more',
  };
  const boxes = {} as Record<Part, Side | null>;
  for (const [part, selector] of Object.entries(selectors) as [Part, string][]) {
    const r = root?.querySelector(selector)?.getBoundingClientRect();
    boxes[part] = r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
  }
  return {
    ...boxes,
    viewport: { width: window.innerWidth, height: window.innerHeight },
    scrolls: section ? section.scrollHeight > section.clientHeight + 1 : null,
  };
}

function assertInside(inner: Side | null, outer: Side, what: string) {
  assert.ok(inner, `${what} is on the card`);
  assert.ok(
    inner.top >= outer.top - 0.5 &&
      inner.bottom <= outer.bottom + 0.5 &&
      inner.left >= outer.left - 0.5 &&
      inner.right <= outer.right + 0.5,
    `${what} ${JSON.stringify(inner)} is inside ${JSON.stringify(outer)}`,
  );
}

describeBrowsers('hover card layout', (s) => {
  s.test('at 1280×720 the longest cards show descriptor, note, excerpt and "More in Gloss" without inner scrolling', async (b) => {
    const url = s.server.route('/long-cards.html', page);
    const p = await b.newPage();
    await setViewport(p, 1280, 720);
    await p.goto(url);
    await waitPainted(
      p,
      cases.map((e) => e.name),
    );
    for (const e of cases) {
      // The name near the top, the middle and the bottom of the viewport: the card goes below or above it.
      for (const at of [80, 360, 660]) {
        const point = await p.evaluate(placeText, [e.name, at] as [string, number]);
        assert.ok(point, `${e.name} is on the page`);
        await p.hover(point.x, point.y);
        await p.waitForFunction(
          (id: string) => document.querySelector('gloss-card')?.shadowRoot?.querySelector('html')?.getAttribute('data-entity-id') === id,
          e.id,
        );
        const boxes = await p.evaluate(cardBoxes);
        const viewport = { top: 0, left: 0, bottom: boxes.viewport.height, right: boxes.viewport.width };
        assert.deepEqual(boxes.viewport, { width: 1280, height: 720 });
        assert.ok(boxes.card);
        assertInside(boxes.card, viewport, `${e.id} card (name at y≈${at})`);
        assert.equal(boxes.scrolls, false, `${e.id}: the folded card needs no inner scrolling`);
        for (const part of ['descriptor', 'note', 'excerpt', 'link'] as const) {
          assertInside(boxes[part], boxes.card, `${e.id} ${part}`);
          assertInside(boxes[part], viewport, `${e.id} ${part}`);
        }
        await p.hover(2, 2);
        await p.waitForFunction(() => !document.querySelector('gloss-card')?.shadowRoot?.querySelector('[data-entity-id]'));
      }
    }
  });

  s.test('"More" unfolds the note and one line per source from the keyboard', async (b) => {
    const url = s.server.route('/long-cards.html', page);
    const p = await b.newPage();
    await setViewport(p, 1280, 720);
    await p.goto(url);
    const khamenei = dataset.entities.find((e) => e.id === 'ali-khamenei');
    assert.ok(khamenei);
    await waitPainted(p, [khamenei.name]);
    await p.hoverText(khamenei.name);
    await p.waitForFunction(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('html')?.getAttribute('data-entity-id') === 'ali-khamenei',
    );
    await p.evaluate(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector<HTMLElement>('.card__toggle')?.focus());
    await p.press('Enter');
    await p.waitForFunction(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card__toggle')?.getAttribute('aria-expanded') === 'true',
    );
    const unfolded = await p.evaluate(() => {
      const root = document.querySelector('gloss-card')?.shadowRoot;
      const section = root?.querySelector('section');
      const r = section?.getBoundingClientRect();
      return {
        sources: [...(root?.querySelectorAll('.card__sources li') ?? [])].map((li) => li.children.length),
        note: root?.querySelector('.card__note')?.textContent ?? '',
        noteClipped: (root?.querySelector('.card__note')?.scrollHeight ?? 0) > (root?.querySelector('.card__note')?.clientHeight ?? 0) + 1,
        bottom: r?.bottom ?? Number.POSITIVE_INFINITY,
      };
    });
    assert.equal(unfolded.sources.length, khamenei.note.citations.length, 'one line per cited article');
    assert.ok(
      unfolded.sources.every((parts) => parts === 2),
      'each source line has a title and its publisher or date',
    );
    assert.equal(unfolded.note, khamenei.note.text);
    assert.equal(unfolded.noteClipped, false, 'the whole note shows');
    assert.ok(unfolded.bottom <= 720, 'the unfolded card stays in the viewport');
    await p.press('Enter');
    await p.waitForFunction(
      () => document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card__toggle')?.getAttribute('aria-expanded') === 'false',
    );
  });
});

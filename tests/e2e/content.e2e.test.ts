import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeBrowsers, ROOT } from './harness';
import { waitPainted } from './harness/highlights';
import { writeExtensionStorage } from './harness/storage';

interface Dataset {
  entities: { id: string; name: string; note: { text: string } }[];
  excerpts: Record<string, { sentence: string; mentionStart: number; mentionEnd: number }[]>;
}
const dataset = JSON.parse(readFileSync(join(ROOT, 'assets/generated/dataset.json'), 'utf8')) as Dataset;

type Painted = Record<'gloss-person' | 'gloss-organization' | 'gloss-place', string[]>;

/** Runs in the page's main world: what the content script registered in CSS.highlights. */
// No named inner functions in page functions: tsx adds a `__name` helper to them that the page does not have.
function readHighlights(): Painted {
  const out: Record<string, string[]> = {};
  for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) {
    out[name] = [...((CSS.highlights.get(name) as Iterable<AbstractRange> | undefined) ?? [])]
      .map((r) => (r as Range).toString())
      .sort();
  }
  return out as Painted;
}

const allPainted = (p: Painted) => [...p['gloss-person'], ...p['gloss-organization'], ...p['gloss-place']].sort();

/** The entity id shown by the hover card, or null when no card is open. */
function cardEntity(): string | null {
  const root = document.querySelector('gloss-card')?.shadowRoot;
  return root?.querySelector('html')?.getAttribute('data-entity-id') ?? null;
}

function cardText(): string {
  return document.querySelector('gloss-card')?.shadowRoot?.querySelector('section')?.textContent ?? '';
}

describeBrowsers('content script', (s) => {
  s.test('paints exactly the expected mentions, one per type, nothing in forms, editors, scripts or hidden text', async (b) => {
    const page = await b.newPage(s.server.url('/content-page.html'));
    await waitPainted(page, 'Tehran');
    const painted = await page.evaluate(readHighlights);
    assert.deepEqual(painted, {
      'gloss-person': ['Qais al-Khazali'],
      'gloss-organization': ['Badr Organization', 'Kataib Hezbollah'],
      'gloss-place': ['Baghdad', 'Tehran'],
    });
    // The name split over <a> and <em> is one range from the link's text to the emphasis.
    const split = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('gloss-person') as Iterable<AbstractRange>)][0] as Range;
      return [r.startContainer.parentElement?.tagName, r.endContainer.parentElement?.tagName];
    });
    assert.deepEqual(split, ['A', 'EM']);
  });

  s.test('hovering a name opens its card with note and excerpt; leaving closes it; Escape closes at once', async (b) => {
    const page = await b.newPage(s.server.url('/content-page.html'));
    await waitPainted(page, 'Qais al-Khazali');
    await page.hoverText('Khazali');
    await page.waitForFunction(() => {
      const root = document.querySelector('gloss-card')?.shadowRoot;
      return root?.querySelector('html')?.getAttribute('data-entity-id') === 'qais-al-khazali';
    });
    const entity = dataset.entities.find((e) => e.id === 'qais-al-khazali');
    assert.ok(entity);
    const text = await page.evaluate(cardText);
    assert.ok(text.includes(entity.name), 'name');
    assert.ok(text.includes(entity.note.text), 'note');
    assert.ok(text.includes('1 mention on this page'), text);
    // The best excerpt, with its mention in <mark>. (Compared with the set, as the ranking may change with the dataset.)
    const shown = await page.evaluate(() => {
      const fig = document.querySelector('gloss-card')?.shadowRoot?.querySelector('figure');
      return { quote: fig?.querySelector('blockquote')?.textContent, mark: fig?.querySelector('mark')?.textContent };
    });
    const excerpt = dataset.excerpts['qais-al-khazali']?.find((e) => e.sentence === shown.quote);
    assert.ok(excerpt, `the card quotes an excerpt of the entity: ${shown.quote}`);
    assert.equal(shown.mark, excerpt.sentence.slice(excerpt.mentionStart, excerpt.mentionEnd));
    const dialog = await page.evaluate(() => {
      const el = document.querySelector('gloss-card')?.shadowRoot?.querySelector('[role="dialog"]');
      return el?.getAttribute('aria-label') ?? null;
    });
    assert.ok(dialog?.startsWith(entity.name), 'the card is a labelled dialog');

    // Into the card: it stays.
    const cardBox = await page.evaluate(() => {
      const r = document.querySelector('gloss-card')?.shadowRoot?.querySelector('section')?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    });
    assert.ok(cardBox);
    await page.hover(cardBox.x + cardBox.width / 2, cardBox.y + 10);
    await page.hover(cardBox.x + cardBox.width / 2, cardBox.y + 20);
    assert.equal(await page.evaluate(cardEntity), 'qais-al-khazali');
    // Away from both: it closes.
    await page.hover(5, 5);
    await page.waitForFunction(() => !document.querySelector('gloss-card')?.shadowRoot?.querySelector('[data-entity-id]'));

    await page.hoverText('Tehran');
    await page.waitForFunction(() => {
      const root = document.querySelector('gloss-card')?.shadowRoot;
      return root?.querySelector('html')?.getAttribute('data-entity-id') === 'tehran';
    });
    await page.press('Escape');
    assert.equal(await page.evaluate(cardEntity), null);
  });

  s.test('the page DOM and text stay as parsed, apart from the <gloss-card> host', async (b) => {
    const page = await b.newPage(s.server.url('/content-page.html'));
    await waitPainted(page, 'Tehran');
    await page.hoverText('Kataib Hezbollah');
    await page.waitForFunction(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[data-entity-id]'));
    const result = await page.evaluate(async () => {
      const source = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(source, 'text/html');
      const live = document.documentElement.cloneNode(true) as HTMLElement;
      for (const el of live.querySelectorAll('gloss-card')) el.remove();
      return {
        same: live.outerHTML === parsed.documentElement.outerHTML,
        mutations: (window as unknown as { __mutations: unknown[] }).__mutations,
        hosts: document.querySelectorAll('gloss-card').length,
        textareaValue: (document.getElementById('ta') as HTMLTextAreaElement).value,
        inputValue: (document.getElementById('in') as HTMLInputElement).value,
      };
    });
    assert.equal(result.same, true, 'outerHTML minus <gloss-card> equals the parsed source');
    assert.equal(result.hosts, 1);
    assert.deepEqual(result.mutations, [
      { type: 'childList', target: 'BODY', added: ['GLOSS-CARD'], removed: [], attribute: null },
    ]);
    assert.equal(result.textareaValue, 'Hadi al-Amiri in a textarea');
    assert.equal(result.inputValue, 'Hadi al-Amiri in an input');
  });

  s.test('open shadow roots and same-origin frames are read', async (b) => {
    const page = await b.newPage(s.server.url('/content-frames.html'));
    await waitPainted(page, 'Hadi al-Amiri');
    assert.deepEqual((await page.evaluate(readHighlights))['gloss-person'], ['Hadi al-Amiri', 'Nouri al-Maliki']);
    await page.waitForFunction(() => {
      const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
      return (w?.CSS.highlights.get('gloss-place')?.size ?? 0) > 0;
    });
    const inFrame = await page.evaluate(() => {
      const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
      const out: Record<string, string[]> = {};
      for (const n of ['gloss-person', 'gloss-place']) {
        out[n] = [...((w.CSS.highlights.get(n) as Iterable<AbstractRange> | undefined) ?? [])].map((r) =>
          (r as Range).toString(),
        );
      }
      return { person: out['gloss-person'], place: out['gloss-place'] };
    });
    assert.deepEqual(inFrame, { person: ['Qassem Soleimani'], place: ['Karbala'] });
  });

  s.test('appended content, an SPA route change and a re-rendering app are followed', async (b) => {
    const page = await b.newPage(s.server.url('/content-dynamic.html'));
    await waitPainted(page, 'Hadi al-Amiri');
    const click = async (id: string) => {
      const r = await page.evaluate((i: string) => {
        const box = document.getElementById(i)?.getBoundingClientRect();
        return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
      }, id);
      assert.ok(r, id);
      await page.click(r.x, r.y);
    };
    await click('more');
    await click('more');
    await page.waitForFunction(
      () =>
        [...((CSS.highlights.get('gloss-person') as Iterable<AbstractRange> | undefined) ?? [])].filter(
          (r) => (r as Range).toString() === 'Qassem Soleimani',
        ).length === 2,
    );

    // The app re-renders from scratch on every click and keeps counting.
    for (let i = 0; i < 3; i++) await click('inc');
    assert.equal(await page.evaluate(() => document.getElementById('count')?.textContent), 'Clicked 3 times');
    await page.waitForFunction(() => {
      const ranges = [...((CSS.highlights.get('gloss-person') as Iterable<AbstractRange> | undefined) ?? [])] as Range[];
      const amiri = ranges.filter((r) => r.toString() === 'Hadi al-Amiri');
      // One live range, inside the app's current nodes (old, detached nodes are no longer painted).
      return amiri.length === 1 && document.getElementById('app-name')?.contains(amiri[0]?.startContainer ?? null);
    });

    await click('next');
    await waitPainted(page, 'Mike Pompeo');
    assert.equal(await page.evaluate(() => location.pathname), '/spa/page-2');
    const painted = allPainted(await page.evaluate(readHighlights));
    assert.ok(!painted.includes('Qais al-Khazali'), 'the old route is no longer painted');
    assert.deepEqual(
      painted.filter((t) => t !== 'Qassem Soleimani'),
      ['Hadi al-Amiri', 'Mike Pompeo'],
    );
  });

  s.test('text revealed by a class or style change ("Read more") is painted', async (b) => {
    const page = await b.newPage(s.server.url('/content-dynamic.html'));
    await waitPainted(page, 'Qais al-Khazali');
    let painted = allPainted(await page.evaluate(readHighlights));
    assert.ok(!painted.includes('Falih al-Fayyadh') && !painted.includes('Nouri al-Maliki'), 'hidden text is not painted');
    const box = await page.evaluate(() => {
      const r = document.getElementById('expand')?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    });
    assert.ok(box);
    await page.click(box.x, box.y);
    await waitPainted(page, 'Falih al-Fayyadh');
    await waitPainted(page, 'Nouri al-Maliki');
    painted = allPainted(await page.evaluate(readHighlights));
    assert.equal(painted.filter((t) => t === 'Falih al-Fayyadh').length, 1);
  });

  s.test('on a page with thousands of mentions, the names near the viewport are painted and scrolling follows', async (b) => {
    const paragraphs = Array.from({ length: 1500 }, (_, i) => `<p id="p${i}">Item ${i}: Qais al-Khazali spoke.</p>`);
    s.server.route(
      '/content-many.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>many</title></head><body>${paragraphs.join('')}</body></html>`,
    );
    const page = await b.newPage(s.server.url('/content-many.html'));
    const sizeAndEnds = () => {
      const ranges = [...((CSS.highlights.get('gloss-person') as Iterable<AbstractRange> | undefined) ?? [])] as Range[];
      const ids = ranges.map((r) => r.startContainer.parentElement?.id ?? '');
      return { size: ranges.length, first: ids.includes('p0'), last: ids.includes('p1499') };
    };
    await page.waitForFunction(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0);
    // Every mention is found and counted (the popup's summary) while only the window is registered.
    const popup = await b.openPopup(await b.tabIdOf(page));
    await popup.waitForFunction(
      () => /^1500\b/.test(document.querySelector('.p-row[data-entity-id="qais-al-khazali"] .p-row-count')?.textContent ?? ''),
    );
    await popup.close();
    await page.bringToFront();
    let state = await page.evaluate(sizeAndEnds);
    assert.ok(state.first, 'the first paragraph is painted');
    assert.ok(!state.last, 'the last paragraph, far below, is not registered');
    assert.ok(state.size < 1500, `${state.size} ranges registered`);

    await page.evaluate(() => document.getElementById('p1499')?.scrollIntoView());
    await page.waitForFunction(() =>
      [...((CSS.highlights.get('gloss-person') as Iterable<AbstractRange> | undefined) ?? [])].some(
        (r) => (r as Range).startContainer.parentElement?.id === 'p1499',
      ),
    );
    state = await page.evaluate(sizeAndEnds);
    assert.ok(!state.first, 'the top of the page is no longer registered');
    await page.hoverText('Qais al-Khazali', 1499);
    await page.waitForFunction(() => {
      const root = document.querySelector('gloss-card')?.shadowRoot;
      return root?.querySelector('html')?.getAttribute('data-entity-id') === 'qais-al-khazali';
    });
  });

  s.test('pausing the site removes the highlights live, resuming repaints; types can be switched off', async (b) => {
    const page = await b.newPage(s.server.url('/content-page.html'));
    await waitPainted(page, 'Tehran');
    const ext = await b.openExtensionPage('/popup.html');
    await writeExtensionStorage(ext, { settings: { pausedSites: ['127.0.0.1'], pausedAll: false, types: { person: true, organization: true, place: true } } });
    await page.waitForFunction(() => !CSS.highlights.has('gloss-person') || CSS.highlights.get('gloss-person')?.size === 0);
    assert.deepEqual(allPainted(await page.evaluate(readHighlights)), []);
    await writeExtensionStorage(ext, { settings: { pausedSites: [], pausedAll: false, types: { person: true, organization: false, place: true } } });
    await waitPainted(page, 'Qais al-Khazali');
    const painted = await page.evaluate(readHighlights);
    assert.deepEqual(painted['gloss-organization'], [], 'organizations are switched off');
    assert.deepEqual(painted['gloss-place'], ['Baghdad', 'Tehran']);
    await writeExtensionStorage(ext, { settings: {} });
  });

  s.test('answers the popup: summary, "show" jumps to a mention, the keyboard command walks through the page', async (b) => {
    const page = await b.newPage(s.server.url('/content-page.html'));
    await waitPainted(page, 'Tehran');
    const tabId = await b.tabIdOf(page);
    const ext = await b.openExtensionPage('/popup.html');
    const send = (message: unknown) =>
      ext.evaluate(
        async ([id, m]: [number, unknown]) => {
          type TabsApi = { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } };
          const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
          return (g.browser ?? g.chrome)?.tabs.sendMessage(id, m);
        },
        [tabId, message] as [number, unknown],
      );
    const summary = (await send({ type: 'summary:get', data: {} })) as { counts: Record<string, number>; paused: unknown };
    assert.deepEqual(summary.counts, {
      baghdad: 1,
      'qais-al-khazali': 1,
      'kataib-hezbollah': 1,
      'badr-organization': 1,
      tehran: 1,
    });
    assert.equal(summary.paused, null);

    assert.deepEqual(await send({ type: 'mention:show', data: { entityId: 'tehran' } }), { index: 0, total: 1 });
    await page.waitForFunction(() => {
      const root = document.querySelector('gloss-card')?.shadowRoot;
      return root?.querySelector('html')?.getAttribute('data-entity-id') === 'tehran';
    });
    assert.equal(await page.evaluate(() => CSS.highlights.get('gloss-flash')?.size ?? 0), 1, 'the mention flashes');
    assert.deepEqual(await send({ type: 'mention:show', data: { entityId: 'nobody' } }), { index: -1, total: 0 });

    // What Alt+Shift+G does (the background forwards the command as 'mention:next'): document order, then around.
    const expected = ['baghdad', 'qais-al-khazali', 'kataib-hezbollah', 'badr-organization', 'tehran', 'baghdad'];
    for (const [i, id] of expected.entries()) {
      const r = (await send({ type: 'mention:next', data: {} })) as { index: number; total: number };
      assert.deepEqual(r, { index: i % 5, total: 5 });
      await page.waitForFunction((want: string) => {
        const root = document.querySelector('gloss-card')?.shadowRoot;
        return root?.querySelector('html')?.getAttribute('data-entity-id') === want;
      }, id);
    }
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeBrowsers, type GlossBrowser, type GlossPage, ROOT } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** A news page whose only mention of Hadi al-Amiri is far below the fold. */
const LONG_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gloss e2e: popup</title>
<style>body { font: 18px/1.5 Georgia, serif; max-width: 680px; margin: 40px auto; padding: 0 16px; }</style></head>
<body><article>
<h1>Militia leaders gather outside the embassy</h1>
<p>Qais al-Khazali, the leader of Asaib Ahl al-Haq, was seen in Baghdad on Tuesday.</p>
<p>Officials said Kataib Hezbollah took part; Qais al-Khazali declined to comment.</p>
<div style="height: 4000px"></div>
<p id="far">Days later, Hadi al-Amiri issued a statement.</p>
</article></body></html>`;

const EMPTY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No names</title></head>
<body><p>An ordinary page about gardening, with no names of interest.</p></body></html>`;

interface Row {
  id: string;
  name: string;
  count: number | null;
}

function readRows(): Row[] {
  return [...document.querySelectorAll<HTMLElement>('.p-row')].map((b) => ({
    id: b.dataset.entityId ?? '',
    name: b.querySelector('.p-row-name')?.textContent ?? '',
    count: b.querySelector('.p-row-count') ? Number.parseInt(b.querySelector('.p-row-count')?.textContent ?? '', 10) : null,
  }));
}

async function rowsOf(popup: GlossPage, atLeast = 1): Promise<Row[]> {
  await popup.waitForFunction((n) => document.querySelectorAll('.p-row').length >= n, atLeast);
  return popup.evaluate(readRows);
}

/** Runs axe-core in the page (string evaluation bypasses the extension page's CSP) and returns serious/critical violations. */
async function axeViolations(page: GlossPage): Promise<string[]> {
  const raw = page.raw as unknown as { evaluate(src: string): Promise<unknown> };
  await raw.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact?: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
  });
}

async function clickIn(page: GlossPage, selector: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), selector);
}

async function badgeOf(b: GlossBrowser, tabId: number): Promise<string> {
  const helper = await b.openExtensionPage('/popup.html?entity=baghdad');
  try {
    return await helper.evaluate((id) => {
      const g = globalThis as unknown as Record<string, { action?: { getBadgeText(d: object): Promise<string> }; browserAction?: { getBadgeText(d: object): Promise<string> } }>;
      const api = g.browser ?? g.chrome;
      const action = api?.action ?? api?.browserAction;
      return action ? action.getBadgeText({ tabId: id }) : Promise.resolve('no action api');
    }, tabId);
  } finally {
    await helper.close();
  }
}

describeBrowsers('popup', (s) => {
  s.test('lists the page entities, opens a detail and shows a mention on the page', async (b, t) => {
    s.server.route('/popup-long.html', LONG_PAGE);
    const page = await b.newPage(s.server.url('/popup-long.html'));
    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(tabId);

    const rows = await rowsOf(popup, 3);
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.equal(byId.get('qais-al-khazali')?.count, 2, JSON.stringify(rows));
    assert.equal(byId.get('kataib-hezbollah')?.count, 1, JSON.stringify(rows));
    assert.equal(byId.get('hadi-al-amiri')?.count, 1, JSON.stringify(rows));
    assert.ok(byId.get('baghdad'), 'Baghdad is listed');
    assert.equal(rows[0]?.id, 'qais-al-khazali', 'most mentioned first');
    const counts = rows.map((r) => r.count ?? 0);
    assert.deepEqual(counts, [...counts].sort((a, z) => z - a), 'sorted by count');

    const ms = await popup.evaluate(() => document.documentElement.dataset.glossFirstRenderMs);
    const sinceNav = await popup.evaluate(() => document.documentElement.dataset.glossFirstRenderSinceNavMs);
    assert.ok(ms && Number(ms) >= 0, 'first render time is exposed');
    t.diagnostic(`${b.name}: popup first render with data: ${ms} ms after module start, ${sinceNav} ms after navigation start`);

    assert.deepEqual(await axeViolations(popup), [], 'no serious or critical axe violations in the list');

    await clickIn(popup, '[data-entity-id="hadi-al-amiri"]');
    await popup.waitForSelector('#g-detail-name');
    const detail = await popup.evaluate(() => ({
      name: document.getElementById('g-detail-name')?.textContent,
      note: document.querySelector('.g-note-text')?.textContent ?? '',
      marks: [...document.querySelectorAll('.g-excerpt mark')].map((m) => m.textContent),
      sourceHref: document.querySelector('.g-excerpt a')?.getAttribute('href') ?? '',
    }));
    assert.equal(detail.name, 'Hadi al-Amiri');
    assert.ok(detail.note.length > 20, 'the note is shown');
    assert.ok(detail.marks.length > 0, 'excerpts with the mention marked');
    assert.match(detail.sourceHref, /\/article\.html\?id=[^#]+#\d+-\d+$/);

    assert.deepEqual(await axeViolations(popup), [], 'no serious or critical axe violations in the detail');

    // As with the real popup, the page is the visible tab while the popup is used.
    await page.bringToFront();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await clickIn(popup, '.g-show button');
    await popup.waitForFunction(() => /Mention 1 of 1/.test(document.querySelector('.g-show-status')?.textContent ?? ''));
    await page.waitForFunction(() => {
      const el = document.getElementById('far');
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
  });

  s.test('counts the names in same-origin frames, and shows a mention that is only in a frame', async (b) => {
    const page = await b.newPage(s.server.url('/content-frames.html'));
    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(tabId);
    await popup.waitForFunction(() => document.querySelector('.p-row[data-entity-id="karbala"]'));
    const byId = new Map((await popup.evaluate(readRows)).map((r) => [r.id, r.count]));
    assert.equal(byId.get('nouri-al-maliki'), 1, 'top document');
    assert.equal(byId.get('hadi-al-amiri'), 1, 'shadow root');
    assert.equal(byId.get('karbala'), 1, 'frame');
    assert.equal(byId.get('qassem-soleimani'), 1, 'frame');

    await clickIn(popup, '[data-entity-id="karbala"]');
    await popup.waitForSelector('#g-detail-name');
    await page.bringToFront();
    await clickIn(popup, '.g-show button');
    await popup.waitForFunction(() => /Mention 1 of 1/.test(document.querySelector('.g-show-status')?.textContent ?? ''));

    let badge = '';
    for (let i = 0; i < 50 && badge !== String(byId.size); i++) {
      badge = await badgeOf(b, tabId);
      if (badge !== String(byId.size)) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(badge, String(byId.size), 'the badge counts the frame’s entities too');
  });

  s.test('sets the toolbar badge to the number of entities on the page', async (b) => {
    s.server.route('/popup-long.html', LONG_PAGE);
    const page = await b.newPage(s.server.url('/popup-long.html'));
    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(tabId);
    const rows = await rowsOf(popup, 3);
    let badge = '';
    for (let i = 0; i < 50 && badge !== String(rows.length); i++) {
      badge = await badgeOf(b, tabId);
      if (badge !== String(rows.length)) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(badge, String(rows.length));

    // A new document without names clears it.
    s.server.route('/popup-empty.html', EMPTY_PAGE);
    await page.goto(s.server.url('/popup-empty.html'));
    for (let i = 0; i < 50 && badge !== ''; i++) {
      badge = await badgeOf(b, tabId);
      if (badge !== '') await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(badge, '');
  });

  s.test('says when a page has no names, and browses all entities', async (b) => {
    s.server.route('/popup-empty.html', EMPTY_PAGE);
    const page = await b.newPage(s.server.url('/popup-empty.html'));
    const popup = await b.openPopup(page);
    await popup.waitForFunction(() => document.querySelector('.p-empty-title')?.textContent?.includes('No names'));
    await clickIn(popup, '.p-empty button');
    const rows = await rowsOf(popup, 5);
    assert.ok(rows.length >= 5 && rows.every((r) => r.count === null), 'the whole dataset, without counts');
    // Alias search, folding case and diacritics.
    await popup.evaluate(() => {
      const input = document.getElementById('p-search-input') as HTMLInputElement;
      input.value = 'QAYS AL KHAZʿALI';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitForFunction(() => document.querySelectorAll('.p-row').length === 1);
    assert.equal((await popup.evaluate(readRows))[0]?.id, 'qais-al-khazali');
    assert.deepEqual(await axeViolations(popup), []);
  });

  s.test('follows the page live while open', async (b) => {
    s.server.route('/popup-live.html', EMPTY_PAGE);
    const page = await b.newPage(s.server.url('/popup-live.html'));
    const popup = await b.openPopup(page);
    await popup.waitForFunction(() => document.querySelector('.p-empty-title')?.textContent?.includes('No names'));
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Update: Qais al-Khazali and Hadi al-Amiri spoke to reporters; Qais al-Khazali left early.';
      document.body.append(p);
    });
    const rows = await rowsOf(popup, 2);
    assert.deepEqual(
      rows.map((r) => [r.id, r.count]),
      [
        ['qais-al-khazali', 2],
        ['hadi-al-amiri', 1],
      ],
    );
  });

  s.test('explains a tab where the content script cannot run', async (b) => {
    // A tab that does not answer (here: one that does not exist). Without the activeTab grant of a real
    // toolbar click the URL is hidden, so the general explanation shows.
    const popup = await b.openPopup(2_000_000_000);
    await popup.waitForSelector('.p-empty-title');
    assert.equal(await popup.evaluate(() => document.querySelector('.p-empty-title')?.textContent), 'Gloss cannot read this page');
    if (b.name === 'chromium') {
      const page = await b.newPage('chrome://version/');
      const browserPage = await b.openPopup(page);
      await browserPage.waitForSelector('.p-empty-title');
      assert.match(
        (await browserPage.evaluate(() => document.querySelector('.p-empty-title')?.textContent)) ?? '',
        /Gloss (does not run on browser pages|cannot read this page)/,
      );
    }
    assert.deepEqual(await axeViolations(popup), []);
  });

  s.test('opens on an entity with ?entity=ID', async (b) => {
    const popup = await b.openPopup(undefined, { params: { entity: 'qais-al-khazali' } });
    await popup.waitForSelector('#g-detail-name');
    assert.equal(await popup.evaluate(() => document.getElementById('g-detail-name')?.textContent), 'Qais al-Khazali');
  });

  s.test('the article view shows the text verbatim, highlights names and scrolls to the passage', async (b) => {
    const probe = await b.openPopup(undefined, { params: { entity: 'kataib-hezbollah' } });
    await probe.waitForSelector('.g-excerpt a');
    const { href, exact } = await probe.evaluate(() => ({
      href: (document.querySelector('.g-excerpt a') as HTMLAnchorElement).href,
      exact: document.querySelector('.g-excerpt mark')?.textContent ?? '',
    }));
    const article = await b.newPage(href);
    await article.waitForFunction(() => Number(document.documentElement.dataset.glossMentions) > 0);
    const state = await article.evaluate(() => {
      const [start, end] = location.hash.slice(1).split('-').map(Number) as [number, number];
      const text = document.querySelector('.a-text')?.textContent ?? '';
      const hl = (window as unknown as { CSS: { highlights?: Map<string, unknown> } }).CSS.highlights;
      return {
        title: document.querySelector('.a-title')?.textContent,
        target: text.slice(start, end),
        painted: hl ? ['gloss-person', 'gloss-organization', 'gloss-target'].filter((n) => hl.has(n)) : [],
      };
    });
    assert.ok(state.title, 'the title is shown');
    assert.equal(state.target, exact, 'the passage of the excerpt is the one marked');
    assert.deepEqual(state.painted, ['gloss-person', 'gloss-organization', 'gloss-target']);
    assert.deepEqual(await axeViolations(article), []);

    // The passage is a mention of the entity: resting the pointer on it opens the content script's card.
    const rect = await article.evaluate(() => {
      const [start] = location.hash.slice(1).split('-').map(Number) as [number];
      const node = document.querySelector('.a-text')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 2);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await article.hover(rect.x - 1, rect.y);
    await article.hover(rect.x, rect.y);
    await article.waitForSelector('.wrap .card[data-entity-id="kataib-hezbollah"]');
  });
});

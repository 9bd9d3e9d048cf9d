import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeBrowsers, type GlossPage, ROOT } from './harness';
import { readExtensionStorage } from './harness/storage';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gloss e2e: settings</title></head>
<body><article>
<h1>Militia leaders gather outside the embassy</h1>
<p>Qais al-Khazali, the leader of Asaib Ahl al-Haq, was seen in Baghdad on Tuesday.</p>
<p>Officials said Kataib Hezbollah took part; Qais al-Khazali declined to comment.</p>
</article></body></html>`;

type Sizes = { person: number; organization: number; place: number };
/** What the page's highlights should come to: every type painted, nothing painted, or every type but organizations. */
type Expect = 'all' | 'none' | 'no-organization';

/** Runs in the page's main world: how many ranges each highlight of the content script holds. */
function highlightSizes(): Sizes {
  const g = CSS.highlights;
  return {
    person: (g.get('gloss-person') as { size: number } | undefined)?.size ?? 0,
    organization: (g.get('gloss-organization') as { size: number } | undefined)?.size ?? 0,
    place: (g.get('gloss-place') as { size: number } | undefined)?.size ?? 0,
  };
}

async function waitSizes(page: GlossPage, want: Expect): Promise<Sizes> {
  // Page functions cannot call node functions, nor name inner ones (tsx adds a `__name` helper the page lacks).
  await page
    .waitForFunction((w: Expect) => {
      const [p = 0, o = 0, l = 0] = ['gloss-person', 'gloss-organization', 'gloss-place'].map(
        (name) => (CSS.highlights.get(name) as { size: number } | undefined)?.size ?? 0,
      );
      if (w === 'none') return p + o + l === 0;
      if (w === 'all') return p > 0 && o > 0 && l > 0;
      return o === 0 && p > 0 && l > 0;
    }, want)
    .catch(async (e: unknown) => {
      throw new Error(`highlights never became "${want}": ${JSON.stringify(await page.evaluate(highlightSizes))} (${String(e)})`);
    });
  return page.evaluate(highlightSizes);
}

/** Clicks like a user would (the element must be rendered: inside a closed <details> it is not). */
async function click(popup: GlossPage, selector: string): Promise<void> {
  await popup.waitForFunction((sel: string) => {
    const el = document.querySelector<HTMLElement>(sel);
    return !!el && el.getClientRects().length > 0 && !(el as HTMLInputElement).disabled;
  }, selector);
  await popup.evaluate((sel: string) => (document.querySelector(sel) as HTMLElement).click(), selector);
}

/** Serious and critical axe-core violations (string evaluation bypasses the extension page's CSP). */
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

describeBrowsers('popup settings', (s) => {
  s.test('pauses and resumes this site, and hides a type, from the popup', async (b) => {
    s.server.route('/settings.html', PAGE);
    const page = await b.newPage(s.server.url('/settings.html'));
    await waitSizes(page, 'all');
    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(tabId);
    try {
      await popup.waitForSelector('.p-row');
      await click(popup, '.p-settings-summary');
      const label = await popup.evaluate(() => document.getElementById('p-set-site')?.closest('label')?.textContent);
      assert.equal(label, 'Highlight names on 127.0.0.1');
      assert.deepEqual(await axeViolations(popup), [], 'no serious or critical axe violations with the settings open');

      // This site off: the page loses its highlights, the popup says it is paused.
      await click(popup, '#p-set-site');
      await waitSizes(page, 'none');
      await popup.waitForFunction(() => document.querySelector('.p-empty-title')?.textContent === 'Gloss is paused on 127.0.0.1');
      assert.equal(await popup.evaluate(() => (document.getElementById('p-set-site') as HTMLInputElement).checked), false);
      assert.equal(await popup.evaluate(() => document.querySelector('.p-settings-hint')?.textContent), 'Paused on this site');
      assert.deepEqual(await axeViolations(popup), [], 'no serious or critical axe violations while paused');
      assert.deepEqual((await readExtensionStorage(popup, 'settings')) as { pausedSites: string[] }, {
        pausedSites: ['127.0.0.1'],
        pausedAll: false,
        types: { person: true, organization: true, place: true },
        style: 'both',
      });

      // Back on: the highlights and the list return.
      await click(popup, '#p-set-site');
      await waitSizes(page, 'all');
      await popup.waitForFunction(() => document.querySelector('[data-entity-id="kataib-hezbollah"]') !== null);

      // Organizations off: their highlight empties, people and places stay, the list drops them.
      await click(popup, '#p-set-type-organization');
      await waitSizes(page, 'no-organization');
      await popup.waitForFunction(
        () => document.querySelector('[data-entity-id="kataib-hezbollah"]') === null && document.querySelector('[data-entity-id="qais-al-khazali"]') !== null,
      );
      assert.equal(await popup.evaluate(() => (document.getElementById('p-set-type-organization') as HTMLInputElement).checked), false);
    } finally {
      // The browser stays open for the file: leave the defaults for the next test.
      await popup.evaluate(async () => {
        type StorageApi = { storage: { local: { remove(k: string): Promise<void> } } };
        const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
        await (g.browser ?? g.chrome)?.storage.local.remove('settings');
      });
    }
  });
  s.test('the options page switches the highlight style live: underline only, tint only, both', async (b) => {
    s.server.route('/style.html', PAGE);
    const page = await b.newPage(s.server.url('/style.html'));
    await waitSizes(page, 'all');
    const options = await b.openExtensionPage('/options.html');
    const registered = () => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('gloss-person')));
    for (const [style, name] of [
      ['underline', 'gloss-person-underline'],
      ['tint', 'gloss-person-tint'],
      ['both', 'gloss-person'],
    ] as const) {
      await options.waitForSelector(`input[name="o-style"][value="${style}"]`);
      await options.evaluate((v: string) => (document.querySelector(`input[name="o-style"][value="${v}"]`) as HTMLInputElement).click(), style);
      await page.waitForFunction((n: string) => CSS.highlights.has(n), name);
      assert.deepEqual(await registered(), [name], `only ${name} is registered`);
    }
  });
});

import assert from 'node:assert/strict';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { describeBrowsers, type GlossBrowser, type GlossPage } from './harness';
import { centreInCard } from './harness/card';

// Chromium stops an MV3 service worker after ~30 s idle; everything must work when the next event wakes it. Here it
// is stopped on purpose (CDP ServiceWorker.stopAllWorkers) between steps. Firefox's MV2 background page is not
// stopped this way, so this runs in Chromium only.

const PAGE = `<!doctype html><title>w</title><body style="font-size:20px">
<p>Qais al-Khazali met Hadi al-Amiri in Baghdad.</p><p>Officials in Tehran did not comment.</p></body>`;

async function stopWorker(b: GlossBrowser, page: GlossPage): Promise<void> {
  const context = (b as unknown as { context: BrowserContext }).context;
  const cdp: CDPSession = await context.newCDPSession(page.raw as Parameters<BrowserContext['newCDPSession']>[0]);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { runningStatus: string }[] }) => {
        if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

type ChromeApi = {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  tabs: { query(q: object): Promise<{ url?: string }[]> };
};

async function badgeOf(b: GlossBrowser, tabId: number): Promise<string> {
  return b.evaluateInExtension(
    (id: number) => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

async function waitFor<T>(get: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await get();
  for (let i = 0; i < 50 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 200));
    v = await get();
  }
  return v;
}

describeBrowsers(
  'the MV3 service worker stopped in the middle of use',
  (s) => {
    s.test('the popup, the card and its "More", and the badge keep working', async (b) => {
      s.server.route('/sw-page.html', PAGE);
      s.server.route('/sw-page-2.html', '<!doctype html><title>w2</title><p>Qais al-Khazali spoke in Baghdad.</p>');
      const page = await b.newPage(s.server.url('/sw-page.html'));
      await page.waitForFunction(() => CSS.highlights.get('gloss-place')?.size);
      const tabId = await b.tabIdOf(page);
      assert.equal(
        await waitFor(
          () => badgeOf(b, tabId),
          (t) => t === '4',
        ),
        '4',
      );

      // The popup, with the worker stopped: it asks the tab directly and lists the names.
      await stopWorker(b, page);
      const popup = await b.openPopup(tabId);
      await popup.waitForSelector('.p-row');
      await popup.close();

      // A card, and its "More in Gloss", which wakes the worker to open the entry in a new tab.
      await stopWorker(b, page);
      await page.bringToFront();
      await page.hoverText('Hadi al-Amiri');
      await page.waitForFunction(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card__more'));
      const more = await page.evaluate(centreInCard, '.card__more');
      assert.ok(more);
      await page.hover(more.x, more.y);
      await page.click(more.x, more.y);
      const urls = await waitFor(
        () =>
          b.evaluateInExtension(async () =>
            (await (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.query({})).map((t) => t.url ?? ''),
          ),
        (list) => list.some((u) => u.includes('popup.html?entity=hadi-al-amiri')),
      );
      assert.ok(
        urls.some((u) => u.includes('popup.html?entity=hadi-al-amiri')),
        urls.join(', '),
      );

      // The badge of a new document, reported to a stopped worker.
      await stopWorker(b, page);
      await page.goto(s.server.url('/sw-page-2.html'));
      assert.equal(
        await waitFor(
          () => badgeOf(b, tabId),
          (t) => t === '2',
        ),
        '2',
      );
    });
  },
  { browsers: ['chromium'] },
);

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBrowsers, type GlossBrowser, type GlossPage, launch } from './harness';
import { clickInCard } from './harness/card';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article>${body}</article></body></html>`;

const KHAZALI = '<p>Qais al-Khazali, the leader of Asaib Ahl al-Haq, spoke in Baghdad on Tuesday.</p>';

/** A dataset of names no bundled entity has, in the documented format. */
const IMPORTED = {
  version: 1,
  name: 'E2E newsroom list',
  entities: [
    {
      id: 'zorblax-quenton',
      name: 'Zorblax Quenton',
      type: 'person',
      descriptor: 'A name only this test dataset knows',
      note: { text: 'Invented for the end-to-end test.', citations: [] },
      aliases: [{ text: 'Zorblax Quenton' }],
    },
  ],
};

/** Runs in the page: the open card's shadow root element matching `selector`, as text or a textarea's value. */
function inCard(selector: string): string | null {
  const el = document.querySelector('gloss-card')?.shadowRoot?.querySelector(selector) as HTMLTextAreaElement | null | undefined;
  if (!el) return null;
  return el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).textContent;
}

/** Runs in the page: clicks a button of the open card. */
async function openCard(p: GlossPage, name: string): Promise<void> {
  await p.bringToFront();
  await p.waitForFunction(() => CSS.highlights.has('gloss-person') && (CSS.highlights.get('gloss-person') as { size: number }).size > 0);
  await p.hoverText(name);
  await p.waitForFunction(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('[data-gloss-reader="ready"]'));
}

/** Runs in an extension page: where else the background has an entity seen, as the card asks it. */
function seenCount([entityId, url]: [string, string]): Promise<number> {
  type Api = { runtime: { sendMessage(m: unknown): Promise<{ count: number }> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'sightings:elsewhere', data: { entityId, url } }).then((r) => r.count);
}

/** Runs in an extension page: the note the background has for an entity. */
function storedNote(entityId: string): Promise<string | null> {
  type Api = { runtime: { sendMessage(m: unknown): Promise<{ text: string } | null> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'note:get', data: { entityId } }).then((r) => r?.text ?? null);
}

describeBrowsers('the reader’s own layer', (s) => {
  s.test(
    'a note written in the popup is in the card after the browser restarts on the same profile',
    async () => {
      s.server.route('/note.html', page('Note page', KHAZALI));
      const profileDir = await mkdtemp(join(tmpdir(), `gloss-e2e-profile-${s.name}-`));
      let b: GlossBrowser | null = null;
      try {
        b = await launch(s.name, { profileDir });
        const popup = await b.openPopup(undefined, { params: { entity: 'qais-al-khazali' } });
        await popup.waitForSelector('textarea.p-note-text');
        await popup.evaluate(() => {
          const area = document.querySelector('textarea.p-note-text') as HTMLTextAreaElement;
          area.value = 'Check his 2018 election list <b>not markup</b>';
          area.dispatchEvent(new Event('input', { bubbles: true }));
          area.dispatchEvent(new Event('blur'));
        });
        await popup.waitForFunction(() => document.querySelector('.p-note-status')?.textContent === 'Saved');
        await b.close();
        b = null;

        b = await launch(s.name, { profileDir });
        const stored = await b.evaluateInExtension(storedNote, 'qais-al-khazali');
        assert.equal(stored, 'Check his 2018 election list <b>not markup</b>', 'the note is stored after the restart');
        const news = await b.newPage(s.server.url('/note.html'));
        await openCard(news, 'Qais al-Khazali');
        await clickInCard(news, '.card-note-toggle');
        await news.waitForFunction((sel: string) => {
          const el = document.querySelector('gloss-card')?.shadowRoot?.querySelector(sel) as HTMLTextAreaElement | null;
          return el?.value.length;
        }, 'textarea.card-note-text');
        assert.equal(await news.evaluate(inCard, 'textarea.card-note-text'), 'Check his 2018 election list <b>not markup</b>');
        assert.equal(await news.evaluate(inCard, '.card-note-label'), 'Your note');
      } finally {
        await b?.close();
        await rm(profileDir, { recursive: true, force: true });
      }
    },
    { timeout: 120_000 },
  );

  s.test('a dataset imported on the options page is highlighted on an already open page', async (b) => {
    s.server.route('/imported.html', page('Imported names', '<p>Zorblax Quenton met Qais al-Khazali in Baghdad.</p>'));
    const news = await b.newPage(s.server.url('/imported.html'));
    await news.waitForFunction(() => (CSS.highlights.get('gloss-person') as { size: number } | undefined)?.size === 1);

    const options = await b.openExtensionPage('/options.html');
    await options.waitForSelector('input[type="file"][accept]');
    await options.evaluate((text: string) => {
      const input = document.querySelector('#o-datasets-h')?.parentElement?.querySelector('input[type="file"]') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([text], 'newsroom.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, JSON.stringify(IMPORTED));
    await options.waitForFunction(() => document.querySelector('.o-ok')?.textContent?.includes('E2E newsroom list'));
    await options.waitForSelector('[data-dataset-id="e2e-newsroom-list"]');

    await news.bringToFront();
    await news.waitForFunction(() => {
      const h = CSS.highlights.get('gloss-person') as (Iterable<Range> & { size: number }) | undefined;
      return h && [...h].some((r) => r.toString() === 'Zorblax Quenton');
    });
  });

  s.test('a hostile dataset is refused on the options page with what and where', async (b) => {
    const options = await b.openExtensionPage('/options.html');
    await options.waitForSelector('input[type="file"][accept]');
    await options.evaluate(() => {
      const input = document.querySelector('#o-datasets-h')?.parentElement?.querySelector('input[type="file"]') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File(['{"version":1,\n"__proto__":{"x":1},"name":"bad","entities":[]}'], 'bad.json'));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitForFunction(() => document.querySelector('.o-problems'));
    const text = await options.evaluate(() => document.querySelector('.o-problems')?.textContent ?? '');
    assert.match(text, /“bad\.json” was not imported; nothing stored changed\./);
    assert.match(text, /the key "__proto__" is not allowed \(at line 2, column 1\)/);
  });

  s.test('the second page naming an entity says it was seen on 1 other page', async (b) => {
    // A name no other test of this file shows: its sightings are this test's alone.
    const amiri = '<p>Hadi al-Amiri, who leads the Badr Organization, spoke in Baghdad.</p>';
    s.server.route('/seen-a.html', page('First story', amiri));
    s.server.route('/seen-b.html', page('Second story', amiri));
    const first = await b.newPage(s.server.url('/seen-a.html'));
    await first.waitForFunction(() => (CSS.highlights.get('gloss-person') as { size: number } | undefined)?.size);
    const second = s.server.url('/seen-b.html');
    // Sightings are written in batches a moment after the page reports.
    const deadline = Date.now() + 15_000;
    while ((await b.evaluateInExtension(seenCount, ['hadi-al-amiri', second])) < 1) {
      assert.ok(Date.now() < deadline, 'the first page was never recorded');
      await new Promise((r) => setTimeout(r, 250));
    }
    const news = await b.newPage(second);
    await openCard(news, 'Hadi al-Amiri');
    await news.waitForFunction(() => document.querySelector('gloss-card')?.shadowRoot?.querySelector('.card-seen-toggle'));
    assert.equal(await news.evaluate(inCard, '.card-seen-toggle'), 'Seen on 1 other page');
    await clickInCard(news, '.card-seen-toggle');
    assert.match((await news.evaluate(inCard, '.card-seen-list')) ?? '', /First story/);
  });
});

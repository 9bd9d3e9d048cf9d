import assert from 'node:assert/strict';
import { describeBrowsers, type GlossBrowser, type GlossPage } from './harness';
import { centreInCard } from './harness/card';

// Hostile and unusual pages (issue 14): each test is a page that tried to freeze, drive, stop, detect or break Gloss.
// Page functions have no named inner functions: tsx adds a `__name` helper to them that the page does not have.

/** The entity shown by Gloss's card, whatever its host is called (a page may have taken `gloss-card`). */
function anyCardEntity(): string | null {
  for (const el of Array.from(document.body?.children ?? [])) {
    if (!el.localName.startsWith('gloss-card')) continue;
    const id = el.shadowRoot?.querySelector('html')?.getAttribute('data-entity-id');
    if (id) return id;
  }
  return null;
}

function paintedCount(): number {
  let n = 0;
  for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) n += CSS.highlights.get(name)?.size ?? 0;
  return n;
}

async function waitCard(page: GlossPage, entityId: string) {
  await page.waitForFunction((want: string) => {
    for (const el of Array.from(document.body?.children ?? [])) {
      if (el.localName.startsWith('gloss-card') && el.shadowRoot?.querySelector('html')?.getAttribute('data-entity-id') === want)
        return true;
    }
    return false;
  }, entityId);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tabCount(b: GlossBrowser): Promise<number> {
  return b.evaluateInExtension(async () => {
    type TabsApi = { tabs: { query(q: object): Promise<unknown[]> } };
    const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
    return ((await (g.browser ?? g.chrome)?.tabs.query({})) ?? []).length;
  });
}

async function runtimeId(b: GlossBrowser): Promise<string> {
  return b.evaluateInExtension(() => {
    type RuntimeApi = { runtime: { id: string } };
    const g = globalThis as unknown as { browser?: RuntimeApi; chrome?: RuntimeApi };
    return (g.browser ?? g.chrome)?.runtime.id ?? '';
  });
}

const LINE = 'Qais al-Khazali met Hadi al-Amiri in Baghdad.';

describeBrowsers('hostile pages', (s) => {
  s.test('1. a 3,000-line <pre> with 9,000 names: only a screenful is registered, and cards open anywhere in it', async (b) => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(4, '0')} ${LINE}`).join('\n');
    s.server.route('/hostile-pre.html', `<!doctype html><title>log</title><pre>${lines}</pre>`);
    const page = await b.newPage(s.server.url('/hostile-pre.html'));
    await page.waitForFunction(() => CSS.highlights.get('gloss-place')?.size);
    const painted = await page.evaluate(paintedCount);
    assert.ok(painted > 0 && painted <= 600, `registered ranges near the viewport: ${painted}`);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const middle = await page.evaluate(() => Math.round(window.scrollY / 15));
    await page.waitForFunction(paintedCount);
    // A line in the middle of the viewport, found by its number.
    const rect = await page.rectOfText(`${String(middle + 10).padStart(4, '0')} ${LINE}`);
    assert.ok(rect);
    const hadi = await page.evaluate(
      ([line]: [string]) => {
        const pre = document.querySelector('pre')!;
        const text = pre.firstChild as Text;
        const at = text.data.indexOf(line) + line.indexOf('Hadi');
        const r = document.createRange();
        r.setStart(text, at);
        r.setEnd(text, at + 4);
        const box = r.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      },
      [`${String(middle + 10).padStart(4, '0')} ${LINE}`] as [string],
    );
    await page.hover(hadi.x, hadi.y);
    await waitCard(page, 'hadi-al-amiri');
    assert.ok((await page.evaluate(paintedCount)) <= 600);
  });

  s.test('2. synthetic pointer events open no card, and synthetic clicks in the card open no tab', async (b) => {
    s.server.route('/hostile-synthetic.html', `<!doctype html><title>t</title><p style="font-size:20px">${LINE}</p>`);
    const page = await b.newPage(s.server.url('/hostile-synthetic.html'));
    await page.waitForFunction(() => CSS.highlights.get('gloss-person')?.size);
    const rect = await page.rectOfText('Qais al-Khazali');
    assert.ok(rect);
    await page.evaluate(
      async ([x, y]: [number, number]) => {
        for (let i = 0; i < 40; i++) {
          for (const type of ['pointerover', 'pointermove']) {
            document
              .elementFromPoint(x, y)
              ?.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      [rect.x + rect.width / 2, rect.y + rect.height / 2] as [number, number],
    );
    await sleep(600);
    assert.equal(await page.evaluate(anyCardEntity), null, 'no card from synthetic events');

    // A real hover opens the card; the page then "clicks" its links through the open shadow root.
    await page.bringToFront();
    await page.hoverText('Qais al-Khazali');
    await waitCard(page, 'qais-al-khazali');
    const before = await tabCount(b);
    await page.evaluate(async () => {
      const root = document.querySelector('gloss-card')?.shadowRoot;
      for (let i = 0; i < 6; i++) {
        for (const a of Array.from(root?.querySelectorAll<HTMLElement>('a, button') ?? [])) {
          if (!a.matches('.card__close')) a.click();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await sleep(1500);
    assert.equal(await tabCount(b), before, 'no extension tab opened by synthetic clicks');
    assert.equal(await page.evaluate(() => location.hash), '');

    // The person's own click still works, once.
    const more = await page.evaluate(centreInCard, '.card__more');
    assert.ok(more);
    // Only the active tab may open one (the extension helper page the test used is a tab too).
    await page.bringToFront();
    await page.hover(more.x, more.y);
    await page.click(more.x, more.y);
    let after = before;
    for (let i = 0; i < 40 && after === before; i++) {
      await sleep(100);
      after = await tabCount(b);
    }
    assert.equal(after, before + 1, 'a trusted click opens the entry');
    await b.evaluateInExtension(async () => {
      type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; remove(id: number): Promise<void> } };
      const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
      const api = (g.browser ?? g.chrome)!;
      for (const t of await api.tabs.query({}))
        if (t.url?.includes('popup.html?entity=') && t.id !== undefined) await api.tabs.remove(t.id);
    });
  });

  s.test('3. the page hears nothing from Gloss in any frame, and cannot stop it or force rescans', async (b) => {
    const id = await runtimeId(b);
    const crossOrigin = s.server.url('/hostile-frame.html').replace('127.0.0.1', 'localhost');
    const recorder = (report: string) => `<script>
      window.__heard = [];
      addEventListener('message', (e) => { if (e.data !== 'report') window.__heard.push(JSON.stringify(e.data)); else parent.postMessage({ ${report}: window.__heard }, '*'); });
      document.addEventListener(${JSON.stringify(`${id}:content:wxt:content-script-started`)}, () => window.__heard.push('started event'));
    </script>`;
    s.server.route('/hostile-frame.html', `<!doctype html><head>${recorder('frameHeard')}</head><body><p>${LINE}</p></body>`);
    s.server.route(
      '/hostile-stop.html',
      `<!doctype html><head>${recorder('topHeard')}</head><body><p>${LINE}</p>
       <iframe src="${crossOrigin}"></iframe><iframe sandbox="allow-scripts" src="/hostile-frame.html"></iframe></body>`,
    );
    const page = await b.newPage(s.server.url('/hostile-stop.html'));
    await page.waitForFunction(() => CSS.highlights.get('gloss-person')?.size);
    await sleep(1000);
    const heard = await page.evaluate(async () => {
      const w = window as unknown as { __heard: string[] };
      const top = w.__heard.slice();
      const frames: unknown[] = [];
      addEventListener('message', (e) => e.data?.frameHeard && frames.push(e.data.frameHeard));
      for (const f of Array.from(document.querySelectorAll('iframe'))) f.contentWindow?.postMessage('report', '*');
      for (let i = 0; i < 50 && frames.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      return { top, frames };
    });
    assert.deepEqual(heard, { top: [], frames: [[], []] });

    // The page holds one of Gloss's ranges, then sends WXT's stop event and floods WXT's location-change event.
    const stillSame = await page.evaluate(
      async ([ext]: [string]) => {
        const held = [...(CSS.highlights.get('gloss-person') as unknown as Iterable<AbstractRange>)][0];
        const started = `${ext}:content:wxt:content-script-started`;
        const detail = { contentScriptName: 'content', messageId: 'page' };
        document.dispatchEvent(new CustomEvent(started, { detail }));
        window.dispatchEvent(new CustomEvent(started, { detail }));
        window.postMessage({ type: started, ...detail }, '*');
        for (let i = 0; i < 300; i++) {
          window.dispatchEvent(new Event(`${ext}:content:wxt:locationchange`));
          window.dispatchEvent(new Event('popstate'));
        }
        await new Promise((r) => setTimeout(r, 1500));
        return CSS.highlights.get('gloss-person')?.has(held as AbstractRange) ?? false;
      },
      [id] as [string],
    );
    assert.ok(stillSame, 'no rescan: the painted range is the same object');
    // Still running: new text is painted.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Tehran answered.</p>'));
    await page.waitForFunction(() =>
      [...((CSS.highlights.get('gloss-place') as unknown as Iterable<AbstractRange>) ?? [])].some(
        (r) => (r as Range).toString() === 'Tehran',
      ),
    );
  });

  s.test('4. a page that defined its own <gloss-card> still gets cards, again and again', async (b) => {
    s.server.route(
      '/hostile-element.html',
      `<!doctype html><head><script>
        customElements.define('gloss-card', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'closed' }); } });
      </script></head><body style="font-size:20px"><p>${LINE}</p><p style="margin-top:200px">Tehran answered.</p></body>`,
    );
    const page = await b.newPage(s.server.url('/hostile-element.html'));
    await page.waitForFunction(() => CSS.highlights.get('gloss-place')?.size);
    await page.hoverText('Qais al-Khazali');
    await waitCard(page, 'qais-al-khazali');
    await page.hover(1, 1);
    await page.waitForFunction(() => {
      for (const el of Array.from(document.body.children)) {
        if (el.localName.startsWith('gloss-card') && el.shadowRoot?.querySelector('html')?.getAttribute('data-entity-id')) return false;
      }
      return true;
    });
    await page.hoverText('Tehran');
    await waitCard(page, 'tehran');
  });

  s.test('5. same-origin about:blank and about:srcdoc frames are read', async (b) => {
    s.server.route(
      '/hostile-blank.html',
      `<!doctype html><body><p>Nothing here.</p><iframe id="srcdoc" srcdoc="<p>Hadi al-Amiri spoke to reporters on Sunday.</p>"></iframe>
       <iframe id="blank"></iframe><script>
         document.getElementById('blank').contentDocument.body.innerHTML = '<p>Qais al-Khazali spoke to reporters on Sunday.</p>';
       </script></body>`,
    );
    const page = await b.newPage(s.server.url('/hostile-blank.html'));
    // Frames with fewer than 20 letters are not read at all (lib/page/text-probe.ts): these have more.
    await page.waitForFunction(() =>
      ['srcdoc', 'blank'].every(
        (id) =>
          ((document.getElementById(id) as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null)?.CSS.highlights.get(
            'gloss-person',
          )?.size === 1,
      ),
    );
  });

  s.test('6. after the site replaces <body>, cards open again', async (b) => {
    s.server.route('/hostile-body.html', `<!doctype html><body style="font-size:20px"><p>${LINE}</p></body>`);
    const page = await b.newPage(s.server.url('/hostile-body.html'));
    await page.waitForFunction(() => CSS.highlights.get('gloss-person')?.size);
    await page.hoverText('Qais al-Khazali');
    await waitCard(page, 'qais-al-khazali');
    await page.hover(1, 1);
    await page.evaluate(() => {
      const body = document.createElement('body');
      body.style.fontSize = '20px';
      body.append(Object.assign(document.createElement('p'), { textContent: 'Later, Tehran answered.' }));
      document.documentElement.replaceChild(body, document.body);
    });
    await page.waitForFunction(() => CSS.highlights.get('gloss-place')?.size === 1);
    await page.hoverText('Tehran');
    await waitCard(page, 'tehran');
  });

  s.test('7. malformed messages are ignored, and the content script keeps answering', async (b) => {
    s.server.route('/hostile-messages.html', `<!doctype html><body><p>${LINE}</p></body>`);
    const page = await b.newPage(s.server.url('/hostile-messages.html'));
    await page.waitForFunction(() => CSS.highlights.get('gloss-place')?.size);
    const tabId = await b.tabIdOf(page);
    const answers = await b.evaluateInExtension(async (tab: number) => {
      type Api = {
        tabs: { sendMessage(id: number, m: unknown, o?: object): Promise<unknown> };
        runtime: { sendMessage(m: unknown): Promise<unknown> };
      };
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      const bad = [
        { type: 'mention:show', data: null },
        { type: 'mention:show', data: { entityId: { toString: 1 } } },
        { type: 'summary:get', data: 'x' },
        { type: 'toString' },
      ];
      const out: unknown[] = [];
      for (const m of bad) out.push(await api.tabs.sendMessage(tab, m, { frameId: 0 }).catch(() => 'no answer'));
      // The background too: a malformed summary must not break it for the next, real one.
      await api.runtime.sendMessage({ type: 'summary:update', data: { counts: null } }).catch(() => undefined);
      out.push(await api.tabs.sendMessage(tab, { type: 'mention:show', data: { entityId: 'baghdad' } }, { frameId: 0 }));
      return out;
    }, tabId);
    const last = answers.pop();
    for (const a of answers) assert.ok(a === undefined || a === 'no answer', `malformed message answered: ${JSON.stringify(a)}`);
    assert.deepEqual(last, { index: 0, total: 1 });
  });
});

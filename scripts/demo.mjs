#!/usr/bin/env node
// `npm run demo`: serves the demo news site (the article set as news pages) on 127.0.0.1 and opens Chromium
// with the built extension (.output/chrome-mv3) on it. With --headless, or without a display, it instead saves
// screenshots of a page, a hover card and the popup to demo-output/ and exits.
//   node scripts/demo.mjs [--headless] [--port N] [--out DIR]
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoSite, readArticles } from './demo-page.mjs';
import { chromiumArgs } from './chromium-args.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const port = Number(option('--port', '0'));
const outDir = resolve(root, option('--out', 'demo-output'));
const extDir = process.env.GLOSS_EXT_CHROME ?? join(root, '.output/chrome-mv3');
const chromiumPath = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';

const log = (msg) => console.log(`demo: ${msg}`);
function fail(msg) {
  console.error(`demo: ${msg}`);
  process.exit(1);
}

if (!existsSync(chromiumPath)) {
  fail(`Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set GLOSS_CHROMIUM.`);
}
if (!existsSync(join(extDir, 'manifest.json'))) fail(`no built extension at ${extDir}: run \`npm run build\` first.`);

const site = buildDemoSite();
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'index.html';
  const page = site.get(decodeURIComponent(path));
  res.writeHead(page ? 200 : 404, { 'content-type': page ? 'text/html; charset=utf-8' : 'text/plain' });
  res.end(page ?? 'not found');
});
await new Promise((done, reject) => {
  server.once('error', (err) => reject(err));
  server.listen(port, '127.0.0.1', () => done());
}).catch((err) => fail(`cannot listen on 127.0.0.1:${port}: ${err.message}`));
const origin = `http://127.0.0.1:${server.address().port}`;
log(`serving the demo news site (${site.size} pages, from assets/articles/) at ${origin}/`);

const { chromium } = await import('playwright-core');
const userDataDir = await mkdtemp(join(tmpdir(), 'gloss-demo-'));
log(`launching Chromium (${headless ? 'headless' : 'headed'}) with ${relative(root, extDir)}`);
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless,
    // Ctrl-C is handled below, so the temporary profile is removed too.
    handleSIGINT: false,
    handleSIGTERM: false,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: chromiumArgs(extDir),
  });
} catch (err) {
  server.close();
  await rm(userDataDir, { recursive: true, force: true });
  const hint = headless ? '' : ` (no usable display at DISPLAY=${process.env.DISPLAY}? try \`npm run demo -- --headless\`)`;
  fail(`Chromium did not start: ${err.message.split('\n')[0]}${hint}`);
}

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await context.close().catch(() => {});
  server.close();
  await rm(userDataDir, { recursive: true, force: true });
}

let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => undefined);
if (!worker) {
  await cleanup();
  fail('the extension did not start (no service worker): is .output/chrome-mv3 a Gloss build?');
}
const extensionId = new URL(worker.url()).host;
log(`Gloss loaded, extension id ${extensionId}`);

const articles = readArticles();
const [lead] = articles;
const indexUrl = `${origin}/index.html`;
const leadUrl = `${origin}/articles/${encodeURIComponent(lead.meta.id)}.html`;

if (!headless) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(indexUrl);
  log(`Chromium is open on ${indexUrl}`);
  log('open a story, hover a highlighted name for its card; the Gloss toolbar button opens the popup.');
  log('close the browser window or press Ctrl-C to stop.');
  const stop = async () => {
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  context.on('close', () => {
    server.close();
    rm(userDataDir, { recursive: true, force: true }).finally(() => process.exit(0));
  });
} else {
  try {
    await mkdir(outDir, { recursive: true });
    const saved = [];
    const shot = async (page, name, opts = {}) => {
      const file = join(outDir, name);
      await page.screenshot({ path: file, ...opts });
      saved.push(file);
      log(`saved ${relative(process.cwd(), file) || file}`);
    };

    const page = context.pages()[0] ?? (await context.newPage());
    log(`opening ${indexUrl}`);
    await page.goto(indexUrl);
    await shot(page, 'index.png');

    log(`opening ${leadUrl}`);
    await page.goto(leadUrl);
    const painted = await page
      .waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-') && CSS.highlights.get(k).size > 0), null, {
        timeout: 10_000,
      })
      .then(() => true, () => false);
    if (!painted) log('warning: no Gloss highlights appeared on the article within 10 s');
    await shot(page, 'article.png');

    // The hover card: rest the pointer on the first highlighted person in the story's text (else any name).
    const point = await page.evaluate(() => {
      const names = ['gloss-person', ...CSS.highlights.keys()];
      const ranges = names.flatMap((name) => [...(CSS.highlights.get(name) ?? [])]);
      const inBody = (r) => !!r.startContainer.parentElement?.closest('.story p');
      for (const range of [...ranges.filter(inBody), ...ranges]) {
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        if (r && r.width > 0) return { x: r.x + r.width / 2, y: r.y + r.height / 2, text: range.toString() };
      }
      return null;
    });
    if (point) {
      log(`hovering "${point.text}"`);
      await page.mouse.move(point.x, point.y);
      const opened = await page
        .waitForFunction(() => !!document.querySelector('gloss-card')?.shadowRoot?.querySelector('[data-entity-id]'), null, {
          timeout: 5_000,
        })
        .then(() => true, () => false);
      if (!opened) log('warning: no hover card appeared within 5 s');
      await page.waitForTimeout(300); // the card's fade-in
      await shot(page, 'hover-card.png');
    } else {
      log('warning: nothing highlighted to hover; skipping the hover card screenshot');
    }

    // The popup as the toolbar shows it, for the article's tab (`popup.html?tab=ID`).
    await page.bringToFront();
    const [tabId] = await worker.evaluate(() =>
      chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs.map((t) => t.id)),
    );
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    const popupUrl = `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;
    log(`opening the popup for the article's tab: ${popupUrl}`);
    await popup.goto(popupUrl);
    await popup
      .waitForFunction(() => document.documentElement.dataset.glossFirstRenderMs !== undefined, null, { timeout: 10_000 })
      .catch(() => log('warning: the popup did not report its first render within 10 s'));
    await popup.waitForTimeout(200);
    await shot(popup, 'popup.png');

    log(`done: ${saved.length} screenshots in ${outDir}`);
  } catch (err) {
    console.error(`demo: failed: ${err.stack ?? err}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

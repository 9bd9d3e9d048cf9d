/**
 * The robustness run: every .html page of a folder, loaded from 127.0.0.1 in Chromium with every other request
 * blocked, three times: without Gloss, with Gloss, and without again (two runs without tell a page's own randomness
 * from Gloss's doing). Per page: uncaught errors and console errors seen only with Gloss, DOM and text changed by
 * Gloss (its card host aside), requests made by the extension (service worker and extension pages included), long
 * tasks with and without, and the highlights registered.
 *
 * Usage: npm run robustness -- [--corpus DIR] [--json FILE] [--no-fail-long-tasks]
 *   DIR: ../shared/corpus when present, else tests/robustness/pages (kept in the repo, run by `npm test`).
 *   Exit code 1 when any page has errors, a DOM change, an extension request or a long task only with Gloss.
 *   --no-fail-long-tasks still reports long tasks but does not fail on them: `npm test` uses it, because on a
 *   shared two-core CI machine a 50 ms task comes and goes with the neighbours' load (the rest stays strict).
 * Needs the Chromium build (npm run build).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium, ROOT, startServer } from '../tests/e2e/harness';
import { blankExtension } from '../tests/e2e/harness/blank';

const SETTLE_MS = 1500;
const MAX_SETTLE_MS = 8000;

interface Load {
  errors: string[];
  dom: string;
  text: string;
  /** Durations (ms) of the long tasks of the load. */
  longTasks: number[];
  highlights: number;
  requests: string[];
}

export interface PageReport {
  page: string;
  errorsWithGloss: string[];
  /** The two loads without Gloss differ (dates, random ids, rotating ads): DOM and text are not compared. */
  unstable: boolean;
  domChanged: boolean;
  textChanged: boolean;
  /** Where the DOM with Gloss first differs from the DOM without, for a look by hand. */
  domDiff?: { without: string; with: string };
  extensionRequests: string[];
  /** Long tasks (durations in ms) of the load with Gloss, and the most of either load without. */
  longTasks: { without: number[]; with: number[] };
  highlights: number;
}

function args() {
  const a = process.argv.slice(2);
  const value = (name: string) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const shared = resolve(ROOT, '../shared/corpus');
  const corpus = resolve(value('--corpus') ?? (existsSync(shared) ? shared : join(ROOT, 'tests/robustness/pages')));
  return { corpus, json: value('--json'), failOnLongTasks: !a.includes('--no-fail-long-tasks') };
}

// Runs in every page before its scripts: counts long tasks (> 50 ms) from the start of the load.
const LONG_TASKS = `window.__glossLongTasks = [];
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__glossLongTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true }); } catch {}`;

/** The page as it stands, without Gloss's card hosts: a serialization that is compared across the three loads. */
function snapshot() {
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  for (const el of Array.from(clone.querySelectorAll('*'))) if (el.localName.startsWith('gloss-card')) el.remove();
  let highlights = 0;
  for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) highlights += CSS.highlights.get(name)?.size ?? 0;
  return {
    dom: clone.outerHTML,
    text: document.body?.innerText ?? '',
    longTasks: (window as unknown as { __glossLongTasks?: number[] }).__glossLongTasks ?? [],
    highlights,
  };
}

const isNetwork = (u: string) => /^(https?|wss?|ftp):/i.test(u);

interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}
const fromExtension = (stack: StackTrace | undefined): boolean =>
  !!stack && (stack.callFrames.some((f) => f.url.startsWith('chrome-extension://')) || fromExtension(stack.parent));

async function load(context: BrowserContext, url: string, withGloss: boolean): Promise<Load> {
  const page: Page = await context.newPage();
  const errors: string[] = [];
  // Requests of the page whose initiator's stack runs through the extension's scripts: the content script's own.
  const requests: string[] = [];
  if (withGloss) {
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator: { stack?: StackTrace } }) => {
      if (isNetwork(e.request.url) && fromExtension(e.initiator.stack)) requests.push(e.request.url);
    });
    await cdp.send('Network.enable');
  }
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // Settled: the highlights stopped changing (with Gloss) or a fixed while (without).
    let last = -1;
    const started = Date.now();
    for (;;) {
      await page.waitForTimeout(SETTLE_MS / 3);
      const n = await page.evaluate(() => {
        let h = 0;
        for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) h += CSS.highlights.get(name)?.size ?? 0;
        return h;
      });
      if (Date.now() - started >= SETTLE_MS && (!withGloss || n === last)) break;
      if (Date.now() - started > MAX_SETTLE_MS) break;
      last = n;
    }
    const s = await page.evaluate(snapshot);
    return { errors, ...s, requests };
  } finally {
    await page.close();
  }
}

function firstDifference(a: string, b: string): { without: string; with: string } {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return { without: a.slice(from, i + 120), with: b.slice(from, i + 120) };
}

async function main() {
  const { corpus, json, failOnLongTasks } = args();
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.html'))
    .sort();
  if (files.length === 0) throw new Error(`robustness: no .html files in ${corpus}`);
  const started = Date.now();
  const server = await startServer();
  for (const f of files) server.route(`/corpus/${f}`, readFileSync(join(corpus, f), 'latin1'));
  const blankDir = await blankExtension('chromium');
  const gloss = (await launchChromium()) as unknown as { context: BrowserContext; extensionOrigin: string; close(): Promise<void> };
  const plain = (await launchChromium(blankDir)) as unknown as { context: BrowserContext; close(): Promise<void> };
  const reports: PageReport[] = [];
  try {
    // The corpus page itself, and the extension's own files (the content script imports its later parts).
    const allowed = (u: string) => u.startsWith(`${server.origin}/corpus/`) || u.startsWith('chrome-extension://');
    // Requests of the service worker and the extension's pages (the content script's are found per page, in load).
    const extensionRequests: string[] = [];
    gloss.context.on('request', (r: Request) => {
      let frameUrl = '';
      try {
        frameUrl = r.frame().url();
      } catch {
        // A service worker's request has no frame.
      }
      if (isNetwork(r.url()) && (r.serviceWorker() || frameUrl.startsWith('chrome-extension://'))) extensionRequests.push(r.url());
    });
    for (const context of [gloss.context, plain.context]) {
      await context.addInitScript(LONG_TASKS);
      // Nothing leaves 127.0.0.1's corpus pages; extension pages and the service worker are counted, then refused.
      await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
    }
    for (const f of files) {
      const url = server.url(`/corpus/${f}`);
      const runs: Load[] = [];
      for (const [context, isGloss] of [
        [plain.context, false],
        [gloss.context, true],
        [plain.context, false],
      ] as const) {
        const before = extensionRequests.length;
        const l = await load(context, url, isGloss);
        if (isGloss) l.requests.push(...extensionRequests.slice(before).map((u) => `extension: ${u}`));
        runs.push(l);
      }
      const [a, g, b] = runs as [Load, Load, Load];
      const without = new Set([...a.errors, ...b.errors]);
      const unstable = a.dom !== b.dom || a.text !== b.text;
      reports.push({
        page: f,
        errorsWithGloss: g.errors.filter((e) => !without.has(e)),
        unstable,
        domChanged: !unstable && g.dom !== a.dom,
        textChanged: !unstable && g.text !== a.text,
        ...(!unstable && g.dom !== a.dom ? { domDiff: firstDifference(a.dom, g.dom) } : {}),
        extensionRequests: g.requests,
        longTasks: { without: a.longTasks.length >= b.longTasks.length ? a.longTasks : b.longTasks, with: g.longTasks },
        highlights: g.highlights,
      });
      const r = reports[reports.length - 1] as PageReport;
      const flags = [
        r.unstable && 'changes by itself (not compared)',
        r.errorsWithGloss.length && `errors ${r.errorsWithGloss.length}`,
        r.domChanged && 'DOM changed',
        r.textChanged && 'text changed',
        r.extensionRequests.length && `requests ${r.extensionRequests.length}`,
        r.longTasks.with.length > r.longTasks.without.length &&
          `long tasks ${r.longTasks.with.join('/')} ms (without: ${r.longTasks.without.join('/') || 'none'})`,
      ].filter(Boolean);
      console.log(`${f}: ${r.highlights} highlights${flags.length ? `; ${flags.join('; ')}` : ''}`);
    }
  } finally {
    await gloss.close();
    await plain.close();
    await server.close();
    await rm(blankDir, { recursive: true, force: true });
  }
  const summary = {
    pages: reports.length,
    pagesWithErrors: reports.filter((r) => r.errorsWithGloss.length > 0).length,
    domChanged: reports.filter((r) => r.domChanged || r.textChanged).length,
    unstablePages: reports.filter((r) => r.unstable).length,
    extensionRequests: reports.reduce((n, r) => n + r.extensionRequests.length, 0),
    longTaskPages: reports.filter((r) => r.longTasks.with.length > r.longTasks.without.length).length,
    highlights: reports.reduce((n, r) => n + r.highlights, 0),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(JSON.stringify(summary));
  if (json) writeFileSync(json, `${JSON.stringify({ corpus, summary, pages: reports }, null, 2)}\n`);
  const failed = summary.pagesWithErrors + summary.domChanged + summary.extensionRequests + (failOnLongTasks ? summary.longTaskPages : 0);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});

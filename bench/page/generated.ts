/**
 * The content script in real browsers, on generated news pages of 1,000 to 20,000 paragraphs, against baselines
 * measured in the same run: the same page in the same browser without Gloss (time to the load event), and the
 * naive thing done in that page (a TreeWalker over every text node with one regex alternation of the dataset's
 * aliases, wrapping nothing, just counting). Browsers are launched by the e2e harness (tests/e2e/harness): one
 * with the built extension, one with a blank extension in its place (same binary, same flags, no content script).
 *
 * Per page and browser: the time from navigation start until the content script's summary counts every mention
 * of the page, and until the first names are painted; long tasks after the load event (Chromium: a `longtask`
 * PerformanceObserver registered by an init script); the page's JS heap after a forced GC (Chromium:
 * CDP Runtime.getHeapUsage; Firefox: performance.memory if any). Times are the fastest of a few loads (the machine is shared; its noise only ever adds time).
 *
 * Usage: npm run bench:page (builds first; GLOSS_E2E_BROWSERS=chromium runs one browser). Real pages: ./corpus.ts
 */
import { rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CompiledDataset } from '../../lib/dataset/types';
import { createMatcher, newPageMemory } from '../../lib/match';
import { type BrowserName, type GlossBrowser, type GlossPage, launchChromium, launchFirefox, ROOT, startServer, type TestServer } from '../../tests/e2e/harness';
import { readText, rng, table } from '../lib';
import { blankExtension } from '../../tests/e2e/harness/blank';
import { browserVersion, fmt, heapAfterGc, highlightApi, mb, openWithProbe, readState, sleep, stopPolling, summaryTotal } from './probe';

const SIZES = [1_000, 5_000, 20_000];
/** Loads per page and browser; the fastest counts. */
const RUNS = 3;
/** After every mention is found, the highlights must stay unchanged this long to count as settled. */
const QUIET_MS = 1_000;
const SETTLE_TIMEOUT_MS = 90_000;

/** Names of the dataset (aliases with match "always"), a mix of people, organisations and places. */
const NAMES = [
  'Qais al-Khazali',
  'Kataib Hezbollah',
  'Baghdad',
  'Hadi al-Amiri',
  'Falih al-Fayyadh',
  'Qassem Soleimani',
  'Quds Force',
  'Popular Mobilization Forces',
  'Islamic Revolutionary Guard Corps',
  'Karbala',
  'Basra',
  'Tehran',
  'Kirkuk',
];
const FILLER = (
  'the minister said on tuesday that officials in the city had met and would respond to protests near the ' +
  'ministry while analysts warned that talks could stall after weeks of tension over the budget the election ' +
  'and the reconstruction of roads bridges and schools in the province'
).split(' ');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface GeneratedPage {
  html: string;
  /** The text of each block as Gloss collects it, to check the mention count with the matcher. */
  blocks: string[];
  mentions: number;
}

/** A deterministic news article: headline, byline, subheads, paragraphs; about half name someone. */
function newsPage(paragraphs: number, seed = 42): GeneratedPage {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const blocks: string[] = [];
  const body: string[] = [];
  let mentions = 0;
  const block = (tag: string, html: string, text: string) => {
    body.push(`<${tag}>${html}</${tag}>`);
    blocks.push(text);
  };
  block('h1', 'Talks on the budget stall as protests continue', 'Talks on the budget stall as protests continue');
  block('p class="byline"', 'By a staff reporter, updated tuesday', 'By a staff reporter, updated tuesday');
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 25 === 0) block('h2', `Part ${p / 25 + 1} of the report`, `Part ${p / 25 + 1} of the report`);
    const sentences: Array<Array<{ html: string; text: string; name?: boolean }>> = [];
    const count = 2 + Math.floor(r() * 2);
    for (let s = 0; s < count; s++) {
      const words: Array<{ html: string; text: string; name?: boolean }> = [];
      const length = 10 + Math.floor(r() * 7);
      for (let w = 0; w < length; w++) {
        const word = pick(FILLER);
        words.push({ html: word, text: word });
      }
      sentences.push(words);
    }
    if (r() < 0.5) {
      const names = 1 + Math.floor(r() * 3);
      for (let n = 0; n < names; n++) {
        const name = pick(NAMES);
        const sentence = pick(sentences);
        // Some names are links, as on news sites: an inline element inside the paragraph's block.
        const html = r() < 0.25 ? `<a href="/topic/${n}">${escapeHtml(name)}</a>` : escapeHtml(name);
        // Between two lowercase filler words: a name next to another name or to a sentence's capitalised first word
        // reads as part of a longer name, which Gloss rightly does not match.
        const slots = sentence.length - 2;
        let at = 2 + Math.floor(r() * slots);
        while (sentence[at - 1]?.name || sentence[at]?.name) at = 2 + ((at - 1) % slots);
        sentence.splice(at, 0, { html, text: name, name: true });
        mentions++;
      }
    }
    const joined = (key: 'html' | 'text') =>
      sentences
        .map((words) => {
          const s = words.map((w) => w[key]).join(' ');
          return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
        })
        .join(' ');
    block('p', joined('html'), joined('text'));
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench news: ${paragraphs} paragraphs</title>
<style>body{font:17px/1.55 Georgia,serif;max-width:44rem;margin:0 auto;padding:0 1rem}nav a{margin-right:1em}</style>
</head><body>
<header><nav><a href="/">Front page</a><a href="/world">World</a><a href="/opinion">Opinion</a></nav></header>
<main><article>
${body.join('\n')}
</article></main>
<footer><p>Bench news, a generated page.</p></footer>
</body></html>`;
  blocks.push('Front page World Opinion', 'Bench news, a generated page.');
  return { html, blocks, mentions };
}

/** The mentions Gloss's own matcher finds in the page's blocks; must equal what the generator put in. */
function matcherMentions(dataset: CompiledDataset, blocks: string[]): number {
  const matcher = createMatcher(dataset.aliases);
  const memory = newPageMemory();
  let n = 0;
  for (const text of blocks) n += matcher.find(text, { memory }).length;
  return n;
}

/** The naive baseline, in the page: one regex alternation of the aliases over every text node. Wraps nothing. */
function naiveCount(aliases: string[]): { ms: number; matches: number } {
  const t0 = performance.now();
  const escaped = aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let matches = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    re.lastIndex = 0;
    while (re.exec(text)) matches++;
  }
  return { ms: performance.now() - t0, matches };
}

interface GlossRun {
  /** ms from navigation start until the content script's summary counts every mention; null when it never did. */
  foundMs: number | null;
  /** ms from navigation start to the first names painted. */
  firstPaintMs: number | null;
  /** Ranges registered in CSS.highlights when settled (past 1,000 mentions only those near the viewport). */
  count: number;
  loadMs: number;
  longTasks: Array<[number, number]> | null;
  heap: number | null;
}

interface PlainRun {
  loadMs: number;
  naiveMs: number;
  naiveMatches: number;
  longTasks: Array<[number, number]> | null;
  heap: number | null;
}

const afterLoad = (tasks: Array<[number, number]>, loadEnd: number) => tasks.filter(([start]) => start >= loadEnd);

async function runGloss(b: GlossBrowser, helper: GlossPage, url: string, mentions: number): Promise<GlossRun> {
  const page = await openWithProbe(b, url);
  try {
    const tabId = await b.tabIdOf(page);
    const started = Date.now();
    let foundMs: number | null = null;
    for (;;) {
      const total = await helper.evaluate(summaryTotal, tabId);
      if (total === mentions) {
        foundMs = (await page.evaluate(readState)).now;
        break;
      }
      if (Date.now() - started > SETTLE_TIMEOUT_MS) break;
      await sleep(total < 0 ? 20 : 100);
    }
    // Then until the painting is quiet, so that long tasks after it are counted too.
    let s = await page.evaluate(readState);
    while (s.now - s.changedAt < QUIET_MS && Date.now() - started < SETTLE_TIMEOUT_MS) {
      await sleep(100);
      s = await page.evaluate(readState);
    }
    await page.evaluate(stopPolling);
    if (s.hidden) throw new Error(`${b.name}: the measured tab was hidden (throttled); the numbers would be wrong`);
    return {
      foundMs,
      firstPaintMs: s.firstAt > 0 ? s.firstAt : null,
      count: s.count,
      loadMs: s.loadEnd,
      longTasks: s.longTaskSupported ? afterLoad(s.longTasks, s.loadEnd) : null,
      heap: await heapAfterGc(b, page),
    };
  } finally {
    await page.close();
  }
}

async function runPlain(b: GlossBrowser, url: string, aliases: string[]): Promise<PlainRun> {
  const page = await openWithProbe(b, url);
  try {
    // Long tasks are read after a quiet second, like a Gloss run's after its last change.
    await sleep(QUIET_MS);
    const s = await page.evaluate(readState);
    await page.evaluate(stopPolling);
    const heap = await heapAfterGc(b, page);
    let naive = { ms: Number.POSITIVE_INFINITY, matches: 0 };
    for (let i = 0; i < 3; i++) {
      const run = await page.evaluate(naiveCount, aliases);
      if (run.ms < naive.ms) naive = run;
    }
    return {
      loadMs: s.loadEnd,
      naiveMs: naive.ms,
      naiveMatches: naive.matches,
      longTasks: s.longTaskSupported ? afterLoad(s.longTasks, s.loadEnd) : null,
      heap,
    };
  } finally {
    await page.close();
  }
}

const ratio = (a: number | null, b: number) => (a === null || !(b > 0) ? 'n/a' : `${(a / b).toFixed(1)}×`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? null;
const fastest = <T>(xs: T[], key: (x: T) => number) => xs.reduce((best, x) => (key(x) < key(best) ? x : best));

function longTaskCell(runs: Array<{ longTasks: Array<[number, number]> | null }>): string {
  if (runs.some((r) => r.longTasks === null)) return 'n/a';
  const counts = runs.map((r) => r.longTasks?.length ?? 0);
  const longest = Math.max(0, ...runs.flatMap((r) => (r.longTasks ?? []).map(([, d]) => d)));
  return `${Math.max(...counts)} / ${longest.toFixed(0)}`;
}

async function benchBrowser(name: BrowserName, server: TestServer, pages: Map<number, GeneratedPage>, aliases: string[]) {
  const blankDir = await blankExtension(name);
  const launch = name === 'chromium' ? launchChromium : launchFirefox;
  const browsers: GlossBrowser[] = [];
  try {
    const gloss = await launch();
    browsers.push(gloss);
    const plain = await launch(blankDir);
    browsers.push(plain);
    const probe = await gloss.newPage(server.url('/bench/warmup.html'));
    const version = await browserVersion(gloss, probe);
    const api = await probe.evaluate(highlightApi);
    await probe.close();
    // One load each first: process start-up and caches are not charged to the first row.
    for (const b of [plain, gloss]) await (await b.newPage(server.url('/bench/warmup.html'))).close();
    // Asks the content script for its summary, as the popup does.
    const helper = await gloss.openExtensionPage('/popup.html?entity=baghdad');
    const label = name === 'chromium' ? 'Chromium' : 'Firefox';
    const notes: string[] = [];
    if (!api) notes.push(`${label} has no CSS Custom Highlight API: Gloss does not run here; time to painted not measurable.`);
    if (name === 'firefox') notes.push('Firefox rounds performance.now() to whole milliseconds (timer precision reduction).');
    let longTasksMeasured = true;
    let heapMeasured = true;

    const rows: Array<Array<string | number>> = [];
    for (const size of SIZES) {
      const page = pages.get(size) as GeneratedPage;
      const url = server.url(`/bench/news-${size}.html`);
      const glossRuns: GlossRun[] = [];
      const plainRuns: PlainRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        // In turns, so that a slow spell of the machine hits both browsers alike.
        plainRuns.push(await runPlain(plain, url, aliases));
        if (api) glossRuns.push(await runGloss(gloss, helper, url, page.mentions));
      }
      const load = Math.min(...plainRuns.map((r) => r.loadMs));
      const naive = fastest(plainRuns, (r) => r.naiveMs);
      const found = glossRuns.filter((r) => r.foundMs !== null);
      const best = found.length ? fastest(found, (r) => r.foundMs as number) : null;
      if (found.length < glossRuns.length)
        notes.push(`${size} paragraphs: ${glossRuns.length - found.length} Gloss run(s) never counted all ${page.mentions} mentions (left out).`);
      if (naive.naiveMatches !== page.mentions) {
        notes.push(`${size} paragraphs: the naive regex counted ${naive.naiveMatches} matches, not ${page.mentions}.`);
      }
      longTasksMeasured &&= plainRuns.every((r) => r.longTasks !== null);
      heapMeasured &&= plainRuns.every((r) => r.heap !== null);
      const heaps = (runs: Array<{ heap: number | null }>) => median(runs.flatMap((r) => (r.heap === null ? [] : [r.heap])));
      const slowest = found.length ? Math.max(...found.map((r) => r.foundMs as number)) : null;
      rows.push([
        size.toLocaleString('en-US'),
        page.mentions.toLocaleString('en-US'),
        best ? `${fmt(best.foundMs)} / ${fmt(slowest)}` : 'n/a',
        best ? fmt(best.firstPaintMs) : 'n/a',
        best ? best.count.toLocaleString('en-US') : 'n/a',
        glossRuns.length ? fmt(Math.min(...glossRuns.map((r) => r.loadMs))) : 'n/a',
        fmt(load),
        fmt(naive.naiveMs, 1),
        ratio(best?.foundMs ?? null, load),
        ratio(best?.foundMs ?? null, naive.naiveMs),
        api ? longTaskCell(glossRuns) : 'n/a',
        longTaskCell(plainRuns),
        mb(api ? heaps(glossRuns) : null),
        mb(heaps(plainRuns)),
      ]);
    }
    if (!longTasksMeasured) notes.push(`${label} has no \`longtask\` PerformanceObserver entry type: long tasks not measurable.`);
    if (!heapMeasured) notes.push(`${label} has no performance.memory: JS heap not measurable.`);
    console.log(`## ${version}\n`);
    console.log(
      table(
        [
          'paragraphs',
          'mentions',
          'Gloss: all found ms (fastest / slowest)',
          'first names painted ms',
          'ranges registered',
          'load ms with Gloss',
          'load ms without Gloss',
          'naive TreeWalker+regex ms',
          'found ÷ load',
          'found ÷ naive',
          'long tasks after load with Gloss (count / max ms)',
          'long tasks after load without Gloss',
          'heap MB with Gloss',
          'heap MB without',
        ],
        rows,
      ),
    );
    if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
    console.log('');
  } finally {
    for (const b of browsers) await b.close();
    await rm(blankDir, { recursive: true, force: true });
  }
}

/** The generated-page mode of `npm run bench:page` (no --corpus): both browsers. */
export async function runGenerated(): Promise<number> {
  const dataset = JSON.parse(readText(join(ROOT, 'assets/generated/dataset.json'))) as CompiledDataset;
  // Longest first, so the alternation prefers the longest alias, as in bench:match.
  const aliases = dataset.aliases.map((a) => a.text).sort((a, b) => b.length - a.length);
  const pages = new Map<number, GeneratedPage>();
  for (const size of SIZES) {
    const page = newsPage(size);
    const found = matcherMentions(dataset, page.blocks);
    if (found !== page.mentions)
      throw new Error(`${size} paragraphs: the generator put in ${page.mentions} names, the matcher finds ${found}`);
    pages.set(size, page);
  }
  const wanted = process.env.GLOSS_E2E_BROWSERS?.split(',').map((s) => s.trim());
  const names = (['chromium', 'firefox'] as const).filter((n) => !wanted || wanted.includes(n));

  const cpu = cpus();
  console.log(`# Content script benchmark (${new Date().toISOString()})\n`);
  const headless = process.env.GLOSS_E2E_HEADED ? 'headed' : 'headless';
  console.log(
    `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${headless}.\n`,
  );
  console.log(
    [
      '- All found: navigation start until the content script\'s summary (asked as the popup asks it; it answers when',
      `  its scan is done) counts every mention of the page. Fastest and slowest of ${RUNS} loads; ratios use the fastest.`,
      '- First names painted: navigation start to the first ranges in CSS.highlights (polled every 10 ms in the page).',
      `  Ranges registered: when the highlights were unchanged for ${QUIET_MS} ms; past 1,000 mentions Gloss`,
      '  registers only those near the viewport, so a repaint never costs a frame for every name of the page.',
      '- Load: navigation start to the end of the load event, fastest of the same loads. "Without Gloss": the same page',
      '  in the same browser (same binary and flags, launched by the e2e harness) with a blank extension in its place.',
      `- Naive: in the page without Gloss, after load, a TreeWalker over every text node with one regex alternation of`,
      `  the dataset's ${aliases.length} aliases (longest first, \\b…\\b, case-insensitive), counting matches; fastest of 3.`,
      "- Long tasks after load: PerformanceObserver `longtask`, registered before the page's scripts; the most in one",
      '  load / the longest in any.',
      "- Heap: Chromium: CDP Runtime.getHeapUsage after a forced GC (the renderer's whole isolate, so the content",
      "  script's world too), median of the loads. DOM objects, Gloss's Range objects among them, are not in it.",
      '',
    ].join('\n'),
  );

  const server = await startServer();
  let failed = 0;
  try {
    server.route('/bench/warmup.html', '<!doctype html><title>warm-up</title><p>Qais al-Khazali in Baghdad.</p>');
    for (const [size, page] of pages) server.route(`/bench/news-${size}.html`, page.html);
    for (const name of names) {
      try {
        await benchBrowser(name, server, pages, aliases);
      } catch (err) {
        failed++;
        console.error(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
      }
    }
  } finally {
    await server.close();
  }
  return failed ? 1 : 0;
}

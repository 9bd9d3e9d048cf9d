/**
 * `npm run bench:page -- --corpus DIR`: the content script on saved real pages, in Chromium, every page measured
 * side by side in the same run: the blank extension's load, Gloss's (load, first paint, every name found, long
 * tasks, heap), the floor and mark.js; then the dataset scales on a few of the pages. See BENCHMARKS.md.
 */
import { readFileSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CompiledDataset } from '../../lib/dataset/types';
import { CHROMIUM_EXT_DIR, type GlossBrowser, launchChromium, startServer } from '../../tests/e2e/harness';
import { htmlText } from '../../scripts/scan-page';
import { corpusFiles, readText } from '../lib';
import { type Arm, removeArmDirs } from './arms';
import { type FrameCost, measureFrames } from './frames';
import { markjsScript } from './in-page';
import { type BenchPack, bundledPack, datasetFilePack, generatedPack, loadBundledDataset, storeMatchPack, tabReadBytes, unlimitedStorageCopy } from './packs';
import { blankExtension } from '../../tests/e2e/harness/blank';
import { browserVersion, fmt, mb } from './probe';
import { type EmptyRun, emptyRun, type GlossRun, glossRun, tasksIn } from './runs';
import { OFFLINE_ARGS } from './args';
import { matchingTimes } from './scale-matching';
import { median, percentile, ratio } from './stats';

export interface CorpusOptions {
  dir: string;
  /** At most this many pages (in file order); all when undefined. */
  pages?: number;
  runs: number;
  /** Pages of the dataset-scale runs, taken evenly from the measured ones. */
  scalePages: number;
  /** A dataset file (docs/dataset-schema.md) measured as one more scale. */
  dataset?: string;
  json?: string;
  /** mark.js (seconds a page) on this many pages, taken evenly; on every page when undefined. */
  markjsPages?: number;
  markjsCapMs: number;
  /** Variants of the build measured beside Gloss and the blank extension (arms.ts); none by default. */
  arms?: Arm[];
  /** A page with this many frames without text, against none, in every browser of the run (frames.ts); 0: none. */
  frames?: number;
}

const SCALES = [100, 1_000, 10_000, 100_000];
/** chrome.storage.local's quota without the unlimitedStorage permission. */
const STORAGE_QUOTA_BYTES = 10 * 1024 * 1024;

interface PageResult {
  page: string;
  kb: number;
  gloss: GlossRun[];
  empty: EmptyRun[];
  /** Per extra arm, its loads (watched as long as the Gloss run of the same round). */
  arms: Record<string, EmptyRun[]>;
}

interface ScaleResult {
  label: string;
  aliases: number;
  packBytes: number;
  /** Bytes of the pack a tab reads for the page's text (median of the pages): a sharded pack's header and the shards its words reach. */
  readBytes: number | null;
  startToReadyMs: number | null;
  /** gloss:start → storage.local's answer (the pack's read, in parallel with the body module's load). */
  startToReadMs: number | null;
  /** The pack parsed → the matcher ready: what a tab does with tables made outside it. */
  parsedToReadyMs: number | null;
  readyToFoundMs: number | null;
  foundAfterLoadMs: number | null;
  heapDeltaBytes: number | null;
}

const round = (n: number | null, digits = 1) => (n === null ? null : Number(n.toFixed(digits)));

type MarkjsOptions = { script: string; aliases: string[]; capMs: number } | null;

type ArmBrowser = { arm: Arm; browser: GlossBrowser };

async function measurePage(gloss: GlossBrowser, plain: GlossBrowser, url: string, runs: number, markjs: MarkjsOptions, arms: ArmBrowser[]) {
  const g: GlossRun[] = [];
  const e: EmptyRun[] = [];
  const a: Record<string, EmptyRun[]> = Object.fromEntries(arms.map(({ arm }) => [arm.name, []]));
  for (let i = 0; i < runs; i++) {
    // In turns, so that a slow spell of the machine hits both alike; the empty run watches as long as Gloss's did.
    const run = await glossRun(gloss, url);
    g.push(run);
    // The blank extension and any arms take their turns in a new order each round: a browser's load must not always
    // follow the same one (whose work after its load, e.g. the worker's writes, would land on it). mark.js takes
    // seconds a page: it marks the first load only.
    const order = [null, ...arms];
    rotate(order, i);
    for (const x of order) {
      if (x === null) e.push(await emptyRun(plain, url, { windowMs: run.windowMs, markjs: i === 0 ? markjs : null }));
      else a[x.arm.name]?.push(await emptyRun(x.browser, url, { windowMs: run.windowMs, markjs: null, floor: false }));
    }
  }
  return { gloss: g, empty: e, arms: a };
}

/** Rotates by a stride coprime with most lengths, so that rounds see different orders and neighbours. */
function rotate<T>(xs: T[], round: number): void {
  for (let k = 0; k < round; k++) {
    // Move every third element to the front: after a few rounds each browser has had other predecessors.
    const picked = xs.filter((_, j) => j % 3 === 0);
    const rest = xs.filter((_, j) => j % 3 !== 0);
    xs.splice(0, xs.length, ...rest, ...picked.reverse());
  }
}

/** Per page, the medians over its loads. */
function pageRow(r: PageResult) {
  const load = median(r.empty.map((x) => x.loadMs));
  const glossLoad = median(r.gloss.map((x) => x.loadMs));
  const found = median(r.gloss.map((x) => x.foundMs));
  const start = median(r.gloss.map((x) => x.startMs));
  const work = median(r.gloss.map((x) => (x.foundMs !== null && x.startMs !== null ? x.foundMs - x.startMs : null)));
  const heapEmpty = median(r.empty.map((x) => x.heap));
  const heapGloss = median(r.gloss.map((x) => x.heap));
  const markRuns = r.empty.flatMap((x) => (x.markjs ? [x.markjs] : []));
  const glossTasks = r.gloss.map((x) => tasksIn(x.longTasks, x.loadMs, x.windowMs));
  const emptyTasks = r.empty.map((x, i) => tasksIn(x.longTasks, x.loadMs, r.gloss[i]?.windowMs ?? 0));
  // Long tasks inside Gloss's own span (from its start mark to every name found): the ones it can have caused.
  const inGloss = r.gloss.map((x) => x.longTasks.filter(([s, d]) => x.startMs !== null && x.foundMs !== null && s + d > x.startMs && s < x.foundMs));
  return {
    page: r.page,
    kb: r.kb,
    loadEmptyMs: load,
    loadGlossMs: glossLoad,
    loadOverEmpty: ratio(glossLoad, load),
    foundMs: found,
    foundAfterLoadMs: found !== null && load !== null ? found - load : null,
    firstPaintMs: median(r.gloss.map((x) => x.firstPaintMs)),
    startAfterLoadMs: start !== null && glossLoad !== null ? start - glossLoad : null,
    startToReadyMs: median(r.gloss.map((x) => (x.readyMs !== null && x.startMs !== null ? x.readyMs - x.startMs : null))),
    glossWorkMs: work,
    painted: median(r.gloss.map((x) => x.painted)),
    floorMs: median(r.empty.map((x) => x.floorMs)),
    chars: median(r.empty.map((x) => x.chars)),
    markjsMs: median(markRuns.map((m) => m.ms)),
    markjsMarks: median(markRuns.map((m) => m.marks)),
    markjsCapped: markRuns.some((m) => m.capped),
    longTasksEmpty: median(emptyTasks),
    longTasksGloss: median(glossTasks),
    longTasksInGlossSpan: median(inGloss.map((t) => t.length)),
    longestInGlossSpanMs: Math.max(0, ...inGloss.flat().map(([, d]) => d)),
    heapEmptyBytes: heapEmpty,
    heapDeltaBytes: heapGloss !== null && heapEmpty !== null ? heapGloss - heapEmpty : null,
  };
}

type Row = ReturnType<typeof pageRow>;

function mdTable(headers: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function pageTable(rows: Row[]): string {
  return mdTable(
    ['page', 'KB', 'load empty ms', 'load Gloss ms', 'load ratio', 'found after load ms', 'first paint ms', 'Gloss start→found ms', 'floor ms', 'mark.js ms (marks)', 'ranges painted', 'long tasks empty / Gloss / in Gloss span', 'heap Δ MB'],
    rows.map((r) => [
      r.page,
      r.kb,
      fmt(r.loadEmptyMs),
      fmt(r.loadGlossMs),
      fmt(r.loadOverEmpty, 2),
      fmt(r.foundAfterLoadMs),
      fmt(r.firstPaintMs),
      fmt(r.glossWorkMs, 1),
      fmt(r.floorMs, 1),
      r.markjsMs === null ? 'n/a' : `${r.markjsCapped ? '>' : ''}${fmt(r.markjsMs)} (${fmt(r.markjsMarks)})`,
      fmt(r.painted),
      `${fmt(r.longTasksEmpty)} / ${fmt(r.longTasksGloss)} / ${fmt(r.longTasksInGlossSpan)}`,
      mb(r.heapDeltaBytes),
    ]),
  );
}

async function measureScales(
  ext: string,
  urls: Array<{ page: string; url: string; text: string }>,
  packs: BenchPack[],
  empties: Map<string, Row>,
  runs: number,
): Promise<ScaleResult[]> {
  const b = await launchChromium(ext, { extraArgs: OFFLINE_ARGS });
  const out: ScaleResult[] = [];
  try {
    for (const pack of packs) {
      await storeMatchPack(b, pack);
      const perPage: Array<Omit<ScaleResult, 'label' | 'aliases' | 'packBytes'>> = [];
      for (const { page, url, text } of urls) {
        const g: GlossRun[] = [];
        for (let i = 0; i < runs; i++) g.push(await glossRun(b, url));
        const empty = empties.get(page);
        const heap = median(g.map((x) => x.heap));
        perPage.push({
          readBytes: tabReadBytes(pack, text),
          startToReadyMs: median(g.map((x) => (x.readyMs !== null && x.startMs !== null ? x.readyMs - x.startMs : null))),
          startToReadMs: median(g.map((x) => (x.readMs !== null && x.startMs !== null ? x.readMs - x.startMs : null))),
          parsedToReadyMs: median(g.map((x) => (x.readyMs !== null && x.parsedMs !== null ? x.readyMs - x.parsedMs : null))),
          readyToFoundMs: median(g.map((x) => (x.foundMs !== null && x.readyMs !== null ? x.foundMs - x.readyMs : null))),
          // This browser's own load: the main pass's empty load was another browser's.
          foundAfterLoadMs: median(g.map((x) => (x.foundMs !== null ? x.foundMs - x.loadMs : null))),
          heapDeltaBytes: heap !== null && empty?.heapEmptyBytes != null ? heap - empty.heapEmptyBytes : null,
        });
      }
      const m = (k: keyof (typeof perPage)[number]) => median(perPage.map((p) => p[k]));
      out.push({
        label: pack.label,
        aliases: pack.aliases.length,
        packBytes: pack.bytes,
        readBytes: m('readBytes'),
        startToReadyMs: m('startToReadyMs'),
        startToReadMs: m('startToReadMs'),
        parsedToReadyMs: m('parsedToReadyMs'),
        readyToFoundMs: m('readyToFoundMs'),
        foundAfterLoadMs: m('foundAfterLoadMs'),
        heapDeltaBytes: m('heapDeltaBytes'),
      });
      console.error(`  scale ${pack.label}: done`);
    }
  } finally {
    await b.close();
  }
  return out;
}

/** Whether the real build (no unlimitedStorage) can store a pack: storage.local's answer, not a guess. */
async function storeInRealBuild(b: GlossBrowser, pack: BenchPack, restore: BenchPack): Promise<string> {
  try {
    await storeMatchPack(b, pack);
    await storeMatchPack(b, restore);
    return 'stored';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export async function runCorpus(opts: CorpusOptions): Promise<number> {
  const t0 = Date.now();
  const files = corpusFiles(opts.dir).slice(0, opts.pages ?? Number.POSITIVE_INFINITY);
  if (!files.length) throw new Error(`${opts.dir}: no .html files`);
  const bundled: CompiledDataset = loadBundledDataset();
  const aliases = [...new Set(bundled.aliases.map((a) => a.text))].sort((a, b) => b.length - a.length);
  const markjs = { script: markjsScript(), aliases, capMs: opts.markjsCapMs };
  const entry = readFileSync(join(CHROMIUM_EXT_DIR, 'content-scripts/content.js'));
  const entryChunkGzipBytes = gzipSync(entry, { level: 9 }).length;

  const server = await startServer(opts.dir);
  server.route('/__bench/warmup.html', '<!doctype html><title>warm-up</title><p>Qais al-Khazali met officials in Baghdad on Tuesday.</p>');
  const blankDir = await blankExtension('chromium');
  const browsers: GlossBrowser[] = [];
  const blocked = { count: 0 };
  let unlimited: string | null = null;
  const armDirs: string[] = [];
  const armBrowsers: ArmBrowser[] = [];
  try {
    const gloss = await launchChromium(CHROMIUM_EXT_DIR, { extraArgs: OFFLINE_ARGS });
    browsers.push(gloss);
    const plain = await launchChromium(blankDir, { extraArgs: OFFLINE_ARGS });
    browsers.push(plain);
    for (const arm of opts.arms ?? []) {
      const dir = await arm.make(CHROMIUM_EXT_DIR);
      armDirs.push(dir);
      const browser = await launchChromium(dir, { extraArgs: OFFLINE_ARGS });
      browsers.push(browser);
      armBrowsers.push({ arm, browser });
    }
    for (const b of browsers) {
      b.context?.on('requestfailed', (req) => {
        if (!req.url().startsWith(server.origin) && /^https?:/.test(req.url())) blocked.count++;
      });
      // Process start-up and caches are not charged to the first page.
      await (await b.newPage(server.url('/__bench/warmup.html'))).close();
    }
    const probe = await gloss.newPage(server.url('/__bench/warmup.html'));
    const version = await browserVersion(gloss, probe);
    await probe.close();

    // --markjs-pages 0: no mark.js at all.
    const markjsStep = opts.markjsPages === 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(files.length / (opts.markjsPages ?? files.length)));
    const results: PageResult[] = [];
    for (const [i, file] of files.entries()) {
      const page = basename(file);
      const url = server.url(`/${encodeURIComponent(page)}`);
      const withMarkjs = Number.isFinite(markjsStep) && i % markjsStep === 0 ? markjs : null;
      const { gloss: g, empty: e, arms: a } = await measurePage(gloss, plain, url, opts.runs, withMarkjs, armBrowsers);
      results.push({ page, kb: Math.round(statSync(file).size / 1024), gloss: g, empty: e, arms: a });
      console.error(`[${i + 1}/${files.length}] ${page} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    const rows = results.map(pageRow);
    const pagesS = (Date.now() - t0) / 1000;
    let frames: FrameCost[] | null = null;
    if (opts.frames) {
      const all = [{ name: 'Gloss', browser: gloss }, { name: 'empty', browser: plain }, ...armBrowsers.map((x) => ({ name: x.arm.name, browser: x.browser }))];
      frames = await measureFrames(all, server, opts.frames, Math.max(opts.runs, 5));
    }

    // Dataset scales, on pages taken evenly from those measured.
    const step = Math.max(1, Math.floor(rows.length / Math.max(1, opts.scalePages)));
    const scaleRows = rows.filter((_, i) => i % step === 0).slice(0, opts.scalePages);
    const scaleUrls = scaleRows.map((r) => ({
      page: r.page,
      url: server.url(`/${encodeURIComponent(r.page)}`),
      text: htmlText(readText(files.find((f) => basename(f) === r.page) as string)).text,
    }));
    // The 100,000-alias pack twice: as the background publishes it now (in shards), and as one pack (before).
    const packs = [bundledPack(bundled), ...SCALES.map((n) => generatedPack(bundled, n)), generatedPack(bundled, 100_000, { whole: true })];
    if (opts.dataset) packs.push(await datasetFilePack(bundled, opts.dataset));
    const pack100k = packs.find((p) => p.aliases.length === 100_000) as BenchPack;
    const realStore = await storeInRealBuild(gloss, pack100k, packs[0] as BenchPack);
    unlimited = await unlimitedStorageCopy(CHROMIUM_EXT_DIR);
    const byPage = new Map(rows.map((r) => [r.page, r]));
    const scales = opts.scalePages === 0 ? [] : await measureScales(unlimited, scaleUrls, packs, byPage, opts.runs);
    const matching = matchingTimes(
      files,
      packs.filter((p) => p.aliases.length === 100 || p.aliases.length === 100_000),
    );
    const runtimeS = (Date.now() - t0) / 1000;

    const s100 = scales.find((s) => s.aliases === 100);
    const s100k = scales.find((s) => s.aliases === 100_000);
    const gw = rows.map((r) => r.glossWorkMs);
    const summary = {
      pages: rows.length,
      runsPerPage: opts.runs,
      loadOverEmpty: round(median(rows.map((r) => r.loadOverEmpty)), 3),
      longTaskPages: rows.filter((r) => (r.longTasksGloss ?? 0) > (r.longTasksEmpty ?? 0)).length,
      longTaskPagesInGlossSpan: rows.filter((r) => (r.longTasksInGlossSpan ?? 0) > 0).length,
      entryChunkGzipBytes,
      foundAfterLoadMs: { median: round(median(rows.map((r) => r.foundAfterLoadMs))), p90: round(percentile(rows.map((r) => r.foundAfterLoadMs), 90)) },
      startAfterLoadMs: round(median(rows.map((r) => r.startAfterLoadMs))),
      glossWorkMs: round(median(gw)),
      heapDeltaBytes: median(rows.map((r) => r.heapDeltaBytes)),
      markjsOverGloss: round(median(rows.map((r) => ratio(r.markjsMs, r.glossWorkMs))), 2),
      markjsPages: rows.filter((r) => r.markjsMs !== null).length,
      markjsCappedPages: rows.filter((r) => r.markjsCapped).length,
      glossOverFloor: round(median(rows.map((r) => ratio(r.glossWorkMs, r.floorMs))), 2),
      scale100kOver100: round(ratio(matching.find((m) => m.aliases === 100_000)?.ms ?? null, matching.find((m) => m.aliases === 100)?.ms ?? null), 2),
      scale100kOver100Tab: round(ratio(s100k?.readyToFoundMs ?? null, s100?.readyToFoundMs ?? null), 2),
      tables100kBytes: pack100k ? pack100k.bytes : null,
      tables100kStoredInRealBuild: realStore,
      ready100kMs: round(s100k?.startToReadyMs ?? null),
      read100kMs: round(s100k?.startToReadMs ?? null),
      matcherLoad100kMs: round(s100k?.parsedToReadyMs ?? null),
      heap100kBytes: s100k?.heapDeltaBytes ?? null,
      blockedRequests: blocked.count,
      runtimeS: Math.round(runtimeS),
      pagesRuntimeS: Math.round(pagesS),
    };

    const cpu = cpus();
    const machine = `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, ${version}, headless, node ${process.version}`;
    console.log(`# Content script on real pages (${new Date().toISOString()})\n`);
    const markjsCount = rows.filter((r) => r.markjsMs !== null).length;
    console.log(
      `${machine}. ${rows.length} pages of ${opts.dir}, ${opts.runs} loads each, medians; mark.js on the first load of ${markjsCount} of them. Run time ${Math.round(runtimeS)} s.\n`,
    );
    console.log('## Summary\n');
    console.log(goalsTable(summary));
    console.log('\n## Dataset scale\n');
    console.log(
      mdTable(
        ['dataset', 'aliases', 'stored pack MB', 'read by a tab MB', 'gloss:start → gloss:ready ms', 'of which: storage read ms', 'matcher load (pack parsed → ready) ms', 'ready → all found ms', 'found after load ms', 'heap Δ MB'],
        scales.map((s) => [s.label, s.aliases.toLocaleString('en-US'), mb(s.packBytes), mb(s.readBytes), fmt(s.startToReadyMs), fmt(s.startToReadMs), fmt(s.parsedToReadyMs), fmt(s.readyToFoundMs), fmt(s.foundAfterLoadMs), mb(s.heapDeltaBytes)]),
      ),
    );
    console.log(
      `\nOn ${scaleRows.length} pages (${scaleRows.map((r) => r.page).join(', ')}), in a copy of the build with \`unlimitedStorage\`. ` +
        `The real build storing the 100,000-alias pack: ${realStore}.`,
    );
    console.log(`\nMatching alone (node, the collected text of all ${files.length} pages, fastest of 20):\n`);
    console.log(mdTable(['dataset', 'matcher build from tables ms', 'find ms'], matching.map((m) => [m.label, fmt(m.buildMs, 1), fmt(m.ms, 2)])));
    console.log('\n## Pages\n');
    console.log(pageTable(rows));
    const arms = armBrowsers.length ? armSummaries(results, armBrowsers.map((x) => x.arm)) : null;
    if (arms) {
      console.log('\n## Arms\n');
      console.log(armTable(arms));
    }
    if (frames) {
      console.log(`\n## A frame without text (${opts.frames} frames, half about:blank, half a linked image; per frame, minus the empty extension's)\n`);
      console.log(frameTable(frames));
    }
    if (opts.json) {
      const runs = results.map((r) => ({ page: r.page, gloss: r.gloss, empty: r.empty, ...(arms ? { arms: r.arms } : {}) }));
      const out = { date: new Date().toISOString(), machine, summary, ...(arms ? { arms } : {}), ...(frames ? { frames } : {}), scales, matching, pages: rows, runs };
      await writeFile(opts.json, `${JSON.stringify(out, null, 2)}\n`);
    }
    return 0;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
    await rm(blankDir, { recursive: true, force: true });
    await removeArmDirs(armDirs);
    if (unlimited) await rm(unlimited, { recursive: true, force: true });
  }
}

type Summary = Record<string, unknown> & {
  loadOverEmpty: number | null;
  longTaskPages: number;
  entryChunkGzipBytes: number;
  foundAfterLoadMs: { median: number | null; p90: number | null };
  heapDeltaBytes: number | null;
  scale100kOver100: number | null;
  tables100kBytes: number | null;
  ready100kMs: number | null;
  matcherLoad100kMs: number | null;
  heap100kBytes: number | null;
};

/** The goals (issue 13) next to what this run measured. */
function goalsTable(s: Summary): string {
  const ok = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : '**missed**');
  const le = (v: number | null, goal: number) => (v === null ? null : v <= goal);
  return mdTable(
    ['goal', 'measured', ''],
    [
      ['load with Gloss / empty, median ≤ 1.03', fmt(s.loadOverEmpty, 3), ok(le(s.loadOverEmpty, 1.03))],
      ['pages with more long tasks with Gloss: 0', s.longTaskPages, ok(s.longTaskPages === 0)],
      ['entry chunk ≤ 15 KB gzipped', `${(s.entryChunkGzipBytes / 1024).toFixed(1)} KB`, ok(s.entryChunkGzipBytes <= 15 * 1024)],
      ['all found after load: median ≤ 50 ms', fmt(s.foundAfterLoadMs.median), ok(le(s.foundAfterLoadMs.median, 50))],
      ['all found after load: p90 ≤ 100 ms', fmt(s.foundAfterLoadMs.p90), ok(le(s.foundAfterLoadMs.p90, 100))],
      ['heap added per tab, median ≤ 1 MB', mb(s.heapDeltaBytes), ok(le(s.heapDeltaBytes, 1e6))],
      ['100,000 aliases: tables ≤ 20 MB in a tab (stored pack)', mb(s.tables100kBytes), ok(le(s.tables100kBytes, 20e6))],
      ['100,000 aliases: storage.local quota (10 MiB without unlimitedStorage)', mb(s.tables100kBytes), ok(le(s.tables100kBytes, STORAGE_QUOTA_BYTES))],
      ['100,000 aliases: heap in a tab ≤ 20 MB', mb(s.heap100kBytes), ok(le(s.heap100kBytes, 20e6))],
      ['100,000 aliases: ready in a tab ≤ 30 ms (gloss:start → ready, storage read included)', fmt(s.ready100kMs), ok(le(s.ready100kMs, 30))],
      ['100,000 aliases: matcher loaded from the read pack ≤ 30 ms', fmt(s.matcherLoad100kMs), ok(le(s.matcherLoad100kMs, 30))],
      ['matching 100,000 / 100 aliases ≤ 1.3×', fmt(s.scale100kOver100, 2), ok(le(s.scale100kOver100, 1.3))],
      ['mark.js / Gloss (median of pages)', fmt(s.markjsOverGloss as number | null, 1), ''],
      ['Gloss / floor (median of pages)', fmt(s.glossOverFloor as number | null, 1), ''],
    ],
  );
}

/**
 * Per arm, over pages: its load against the blank extension's and against Gloss's (medians of per-page ratios of
 * medians, as loadOverEmpty), and its long tasks in the same window as the Gloss run of the same round.
 */
function armSummaries(results: PageResult[], arms: Arm[]) {
  return arms.map((arm) => {
    const perPage = results.map((r) => {
      const runs = r.arms[arm.name] ?? [];
      const load = median(runs.map((x) => x.loadMs));
      const tasks = median(runs.map((x, i) => tasksIn(x.longTasks, x.loadMs, r.gloss[i]?.windowMs ?? 0)));
      const emptyTasks = median(r.empty.map((x, i) => tasksIn(x.longTasks, x.loadMs, r.gloss[i]?.windowMs ?? 0)));
      return {
        page: r.page,
        loadMs: load,
        overEmpty: ratio(load, median(r.empty.map((x) => x.loadMs))),
        glossOver: ratio(median(r.gloss.map((x) => x.loadMs)), load),
        moreTasksThanEmpty: (tasks ?? 0) > (emptyTasks ?? 0),
        longTasks: tasks,
      };
    });
    return {
      arm: arm.name,
      what: arm.what,
      loadOverEmpty: round(median(perPage.map((p) => p.overEmpty)), 3),
      glossOverArm: round(median(perPage.map((p) => p.glossOver)), 3),
      longTaskPages: perPage.filter((p) => p.moreTasksThanEmpty).length,
      pages: perPage,
    };
  });
}

function armTable(arms: ReturnType<typeof armSummaries>): string {
  return mdTable(
    ['arm', 'load / empty (median of pages)', 'Gloss load / arm', 'pages with more long tasks than empty', 'what'],
    arms.map((a) => [a.arm, fmt(a.loadOverEmpty, 3), fmt(a.glossOverArm, 3), a.longTaskPages, a.what]),
  );
}

/** Per browser, a frame without text's cost over the blank extension's (goal: < 1 ms and < 0.2 MB for Gloss). */
function frameTable(frames: FrameCost[]): string {
  const empty = frames.find((f) => f.browser === 'empty');
  const minus = (a: number | null, b: number | null | undefined) => (a === null || b == null ? null : a - b);
  return mdTable(
    ['browser', 'main-thread task ms', 'script ms', 'heap KB', 'raw task ms / script ms / heap KB (not minus empty)'],
    frames.map((f) => [
      f.browser,
      fmt(minus(f.taskMs, empty?.taskMs), 2),
      fmt(minus(f.scriptMs, empty?.scriptMs), 2),
      fmt((minus(f.heapBytes, empty?.heapBytes) ?? Number.NaN) / 1024, 0),
      `${fmt(f.taskMs, 2)} / ${fmt(f.scriptMs, 2)} / ${fmt((f.heapBytes ?? Number.NaN) / 1024, 0)}`,
    ]),
  );
}

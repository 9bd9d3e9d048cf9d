/**
 * One load of a page, measured: with Gloss (until every name is found and the highlights are quiet), and with the
 * blank extension (the same time after its load; then the floor and mark.js in that page). Chromium only: long
 * tasks, exact heap and the service worker are Chromium's.
 */
import type { Page as PwPage } from 'playwright-core';
import type { GlossBrowser, GlossPage } from '../../tests/e2e/harness';
import { floorPass, type MarkjsRun, markjsRun } from './in-page';
import { heapAfterGc, INIT_SCRIPT, type PageState, readState, sleep, stopPolling } from './probe';

/** After the last found name, the highlights must stay unchanged this long to count as settled. */
export const QUIET_MS = 300;
const FOUND_TIMEOUT_MS = 30_000;

export interface GlossRun {
  loadMs: number;
  /** Navigation start until the content script's first scan was done (gloss:found); null when it never was. */
  foundMs: number | null;
  /** Ranges in Gloss's highlights once settled. */
  painted: number;
  firstPaintMs: number | null;
  /** gloss:start (the page loaded and has text) and gloss:ready (pack read and parsed, matcher built). */
  startMs: number | null;
  readyMs: number | null;
  /**
   * gloss:read (storage.local answered), gloss:imported (the body module evaluated) and gloss:parsed (the match pack
   * parsed: what remains is the matcher's load).
   */
  readMs: number | null;
  importedMs: number | null;
  parsedMs: number | null;
  /** Settled (found, then highlights quiet) minus load: the window long tasks are counted in, in both runs. */
  windowMs: number;
  longTasks: Array<[number, number]>;
  heap: number;
}

export interface EmptyRun {
  loadMs: number;
  longTasks: Array<[number, number]>;
  heap: number;
  floorMs: number;
  chars: number;
  markjs: MarkjsRun | null;
}

async function probedPage(b: GlossBrowser): Promise<GlossPage> {
  const page = await b.newPage();
  await (page.raw as PwPage).addInitScript(INIT_SCRIPT);
  await page.bringToFront();
  return page;
}

async function quietState(page: GlossPage, sinceMs: number): Promise<PageState> {
  let s = await page.evaluate(readState);
  const deadline = Date.now() + FOUND_TIMEOUT_MS;
  while ((s.now - Math.max(s.changedAt, sinceMs) < QUIET_MS || s.loadEnd === 0) && Date.now() < deadline) {
    await sleep(50);
    s = await page.evaluate(readState);
  }
  return s;
}

export async function glossRun(b: GlossBrowser, url: string): Promise<GlossRun> {
  const page = await probedPage(b);
  try {
    await page.goto(url);
    // The content script marks gloss:found when its first scan is done (when it would answer the popup's summary).
    let s = await page.evaluate(readState);
    const deadline = Date.now() + FOUND_TIMEOUT_MS;
    while (s.marks['gloss:found'] === undefined && Date.now() < deadline) {
      await sleep(50);
      s = await page.evaluate(readState);
    }
    const foundMs = s.marks['gloss:found'] ?? null;
    s = await quietState(page, foundMs ?? 0);
    await page.evaluate(stopPolling);
    if (s.hidden) throw new Error('the measured tab was hidden (throttled); the numbers would be wrong');
    const settled = Math.max(foundMs ?? 0, s.changedAt) + QUIET_MS;
    return {
      loadMs: s.loadEnd,
      foundMs,
      painted: s.count,
      firstPaintMs: s.firstAt > 0 ? s.firstAt : null,
      startMs: s.marks['gloss:start'] ?? null,
      readyMs: s.marks['gloss:ready'] ?? null,
      readMs: s.marks['gloss:read'] ?? null,
      importedMs: s.marks['gloss:imported'] ?? null,
      parsedMs: s.marks['gloss:parsed'] ?? null,
      windowMs: Math.max(QUIET_MS, settled - s.loadEnd),
      longTasks: s.longTasks,
      heap: (await heapAfterGc(b, page)) ?? 0,
    };
  } finally {
    await page.close();
  }
}

export interface EmptyOptions {
  /** How long after its load the page is watched for long tasks: the Gloss run's window of the same round. */
  windowMs: number;
  markjs: { script: string; aliases: string[]; capMs: number } | null;
  /** The floor pass after the watch (the baseline's); the extra arms (arms.ts) leave it out. */
  floor?: boolean;
}

export async function emptyRun(b: GlossBrowser, url: string, opts: EmptyOptions): Promise<EmptyRun> {
  const page = await probedPage(b);
  try {
    await page.goto(url);
    let s = await page.evaluate(readState);
    while (s.loadEnd === 0 || s.now - s.loadEnd < opts.windowMs) {
      await sleep(Math.max(20, Math.min(200, opts.windowMs - (s.now - s.loadEnd))));
      s = await page.evaluate(readState);
    }
    await page.evaluate(stopPolling);
    const heap = (await heapAfterGc(b, page)) ?? 0;
    // In the same page after its load, untouched by any highlighter: the floor reads it, then mark.js marks it.
    const floor = opts.floor === false ? { ms: 0, chars: 0 } : await page.evaluate(floorPass);
    let markjs: MarkjsRun | null = null;
    if (opts.markjs) {
      await (page.raw as PwPage).evaluate(opts.markjs.script);
      markjs = await page.evaluate(markjsRun, { aliases: opts.markjs.aliases, capMs: opts.markjs.capMs, batch: 10 });
    }
    return { loadMs: s.loadEnd, longTasks: s.longTasks, heap, floorMs: floor.ms, chars: floor.chars, markjs };
  } finally {
    await page.close();
  }
}

/** Long tasks that started before the end of a run's window (load + windowMs): the same span in both runs. */
export function tasksIn(tasks: Array<[number, number]>, loadMs: number, windowMs: number): number {
  return tasks.filter(([start]) => start < loadMs + windowMs).length;
}

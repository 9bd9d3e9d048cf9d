/**
 * What the page bench puts into and reads out of a measured tab, shared by the generated-page and corpus modes.
 * Page functions (run through evaluate) hold no named inner functions or consts holding functions: tsx would add
 * a `__name` helper the page lacks.
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { GlossBrowser, GlossPage } from '../../tests/e2e/harness';

export const HIGHLIGHTS = ['gloss-person', 'gloss-organization', 'gloss-place'];

export interface BenchState {
  count: number;
  changedAt: number;
  firstAt: number;
  longTaskSupported: boolean;
  longTasks: Array<[number, number]>;
}

/**
 * Runs in the page's main world before its scripts: polls the number of ranges in Gloss's highlights every 10 ms
 * (a timer, not animation frames, which would change the page's idle time) and records long tasks.
 */
export const INIT_SCRIPT = `(() => {
  const state = { count: 0, changedAt: 0, firstAt: 0, longTaskSupported: false, longTasks: [] };
  Object.defineProperty(window, '__glossBench', { value: state });
  const names = ${JSON.stringify(HIGHLIGHTS)};
  const check = () => {
    let n = 0;
    const registry = window.CSS && CSS.highlights;
    if (registry) for (const name of names) n += registry.get(name)?.size ?? 0;
    if (n !== state.count) {
      state.count = n;
      state.changedAt = performance.now();
      if (!state.firstAt) state.firstAt = state.changedAt;
    }
  };
  state.timer = setInterval(check, 10);
  try {
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      state.longTaskSupported = true;
    }
  } catch {}
})();`;

export type PageState = BenchState & {
  now: number;
  timeOrigin: number;
  loadEnd: number;
  hidden: boolean;
  /** User Timing marks of the content script (entrypoints/content/gloss.ts), ms since navigation start. */
  marks: Record<string, number>;
};

export function readState(): PageState {
  const s = (window as unknown as { __glossBench: BenchState }).__glossBench;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const marks: Record<string, number> = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('gloss:')) marks[m.name] = m.startTime;
  return {
    ...s,
    longTasks: [...s.longTasks],
    now: performance.now(),
    timeOrigin: performance.timeOrigin,
    loadEnd: nav?.loadEventEnd ?? 0,
    hidden: document.visibilityState === 'hidden',
    marks,
  };
}

export function stopPolling(): void {
  clearInterval((window as unknown as { __glossBench: { timer: number } }).__glossBench.timer);
}

export function jsHeap(): number | null {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

export function highlightApi(): boolean {
  return typeof CSS !== 'undefined' && typeof CSS.highlights?.set === 'function' && typeof Highlight === 'function';
}

export async function openWithProbe(b: GlossBrowser, url: string): Promise<GlossPage> {
  const page = await b.newPage();
  if (page.browserName === 'chromium') await (page.raw as PwPage).addInitScript(INIT_SCRIPT);
  else await (page.raw as PpPage).evaluateOnNewDocument(INIT_SCRIPT);
  // Background tabs are hidden and get throttled: the measured tab must be the active one.
  await page.bringToFront();
  await page.goto(url);
  return page;
}

/**
 * Forces a GC where the browser allows it (Chromium, over CDP), then reads the JS heap of the page's isolate (its
 * own world and the content script's): Chromium over CDP (exact), Firefox from performance.memory if it has one.
 */
export async function heapAfterGc(b: GlossBrowser, page: GlossPage): Promise<number | null> {
  if (page.browserName !== 'chromium' || !b.context) return page.evaluate(jsHeap);
  const cdp = await b.context.newCDPSession(page.raw as PwPage);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** "Chrome/156.0.8078.114", "Firefox 153.8.0": the full version (Chromium's user agent string rounds it). */
export async function browserVersion(b: GlossBrowser, page: GlossPage): Promise<string> {
  if (b.browser) return (await b.browser.version()).replace(/^firefox\//i, 'Firefox ');
  if (b.context && page.browserName === 'chromium') {
    const cdp = await b.context.newCDPSession(page.raw as PwPage);
    try {
      return (await cdp.send('Browser.getVersion')).product;
    } catch {
      // Not every session may ask; the user agent names the browser at least.
    } finally {
      await cdp.detach().catch(() => {});
    }
  }
  return page.evaluate(() => navigator.userAgent);
}

/** In an extension page: the content script's summary of a tab (it answers once its scan is done); -1 before it runs. */
export async function summaryTotal(tabId: number): Promise<number> {
  const g = globalThis as unknown as Record<string, { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } }>;
  const api = g.browser ?? g.chrome;
  try {
    const s = (await api?.tabs.sendMessage(tabId, { type: 'summary:get', data: {} })) as { counts?: Record<string, number> } | undefined;
    let n = 0;
    for (const v of Object.values(s?.counts ?? {})) n += v;
    return n;
  } catch {
    return -1;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
export const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? 'n/a' : (bytes / 1e6).toFixed(1));

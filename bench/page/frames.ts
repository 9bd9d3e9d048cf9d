/**
 * `--frames N`: what a frame without text costs (issue 13: < 1 ms and < 0.2 MB). A page with N same-origin frames
 * that have no text (half about:blank, half an ad-like srcdoc: a linked image) against the same page without them,
 * in every browser of the run; per frame = (with N frames − with none) / N, median of loads. Time is the renderer's
 * main-thread task time of the tab (CDP Performance.getMetrics TaskDuration; ScriptDuration for JS alone), heap the
 * tab's isolate after a forced GC. Each browser's figure minus the blank extension's is what Gloss adds.
 */
import type { Page as PwPage } from 'playwright-core';
import type { GlossBrowser, TestServer } from '../../tests/e2e/harness';
import { sleep } from './probe';
import { median } from './stats';

/** Long enough for the entry's load wait and its first text probe in every frame. */
const SETTLE_MS = 1500;

export function framesPage(n: number): string {
  const frames: string[] = [];
  for (let i = 0; i < n; i++) {
    frames.push(
      i % 2 ? '<iframe width="300" height="250"></iframe>' : `<iframe width="300" height="250" srcdoc="<body style='margin:0'><a href='#'><img width='300' height='250' alt=''></a></body>"></iframe>`,
    );
  }
  return `<!doctype html><title>frames</title><p>Frames without text, as an ad-heavy page has them.</p>\n${frames.join('\n')}`;
}

interface FrameLoad {
  taskMs: number;
  scriptMs: number;
  heap: number;
}

async function frameLoad(b: GlossBrowser, url: string): Promise<FrameLoad> {
  const page = await b.newPage();
  try {
    await page.bringToFront();
    const raw = page.raw as PwPage;
    const cdp = await b.context!.newCDPSession(raw);
    try {
      await cdp.send('Performance.enable');
      await page.goto(url);
      await sleep(SETTLE_MS);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
      return { taskMs: metric('TaskDuration') * 1000, scriptMs: metric('ScriptDuration') * 1000, heap };
    } finally {
      await cdp.detach().catch(() => {});
    }
  } finally {
    await page.close();
  }
}

export interface FrameCost {
  browser: string;
  /** Per frame without text: main-thread task ms, script ms, heap bytes. */
  taskMs: number | null;
  scriptMs: number | null;
  heapBytes: number | null;
}

export async function measureFrames(browsers: Array<{ name: string; browser: GlossBrowser }>, server: TestServer, n: number, runs: number): Promise<FrameCost[]> {
  const withFrames = server.route('/__bench/frames.html', framesPage(n));
  const without = server.route('/__bench/frames-0.html', framesPage(0));
  const loads = new Map<string, { with: FrameLoad[]; without: FrameLoad[] }>(browsers.map((b) => [b.name, { with: [], without: [] }]));
  // In turns, browser by browser within a round, as the page rounds are.
  for (let i = 0; i < runs; i++) {
    for (const { name, browser } of browsers) {
      const l = loads.get(name)!;
      l.without.push(await frameLoad(browser, without));
      l.with.push(await frameLoad(browser, withFrames));
    }
  }
  return browsers.map(({ name }) => {
    const l = loads.get(name)!;
    const per = (k: keyof FrameLoad) => {
      const a = median(l.with.map((x) => x[k]));
      const b = median(l.without.map((x) => x[k]));
      return a === null || b === null ? null : (a - b) / n;
    };
    return { browser: name, taskMs: per('taskMs'), scriptMs: per('scriptMs'), heapBytes: per('heap') };
  });
}

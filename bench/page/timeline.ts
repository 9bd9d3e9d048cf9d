/**
 * Where a tab's start goes, mark by mark: medians (ms after the page's load) of every gloss:* mark over N corpus
 * pages × R loads, for one build or several side by side (loads alternate between them, page by page). Usage
 * (after `GLOSS_BENCH_MARKS=1 wxt build`; other builds copied aside):
 *   node --import tsx bench/page/timeline.ts --corpus DIR [--pages N] [--runs R] [--ext DIR,DIR...] [--heap]
 * --heap adds the tab's JS heap after a forced GC, 300 ms after every name was found.
 */
import { readdirSync } from 'node:fs';
import type { Page as PwPage } from 'playwright-core';
import { CHROMIUM_EXT_DIR, launchChromium, startServer } from '../../tests/e2e/harness';
import { heapAfterGc, INIT_SCRIPT, readState, sleep } from './probe';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : Number.NaN;
};

const HEAP = 'JS heap after GC';

async function main(): Promise<void> {
  const dir = option('--corpus');
  if (!dir) throw new Error('usage: --corpus DIR [--pages N] [--runs R]');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, Number(option('--pages') ?? 20));
  const runs = Number(option('--runs') ?? 3);
  const server = await startServer(dir);
  const exts = option('--ext')?.split(',') ?? [CHROMIUM_EXT_DIR];
  const browsers = [];
  for (const ext of exts)
    browsers.push(await launchChromium(ext, { extraArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] }));
  const byMark = exts.map(() => new Map<string, number[]>());
  try {
    for (const b of browsers) await (await b.newPage(server.url(`/${pages[0]}`))).close();
    for (let r = 0; r < runs; r++) {
      for (const [i, name] of pages.flatMap((p) => exts.map((_, i) => [(i + r) % exts.length, p] as const))) {
        const b = browsers[i];
        if (!b) continue;
        const page = await b.newPage();
        await (page.raw as PwPage).addInitScript(INIT_SCRIPT);
        await page.bringToFront();
        await page.goto(server.url(`/${name}`));
        let s = await page.evaluate(readState);
        for (let i = 0; i < 200 && s.marks['gloss:found'] === undefined; i++) {
          await sleep(50);
          s = await page.evaluate(readState);
        }
        const found = s.marks['gloss:found'] !== undefined;
        let heap: number | null = null;
        if (found && process.argv.includes('--heap')) {
          await sleep(300);
          heap = await heapAfterGc(b, page);
        }
        await page.close();
        if (!found) continue;
        if (heap !== null) byMark[i]?.set(HEAP, [...(byMark[i]?.get(HEAP) ?? []), heap / 1024]);
        for (const [k, v] of Object.entries(s.marks)) {
          const list = byMark[i]?.get(k) ?? [];
          list.push(v - s.loadEnd);
          byMark[i]?.set(k, list);
        }
      }
    }
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
  const names = [...(byMark[0]?.keys() ?? [])].sort((a, b) => median(byMark[0]?.get(a) ?? []) - median(byMark[0]?.get(b) ?? []));
  console.log(['mark', ...exts].join(' | '));
  for (const k of names) {
    const unit = k === HEAP ? 'KB' : 'ms';
    console.log([k, ...byMark.map((m) => `${median(m.get(k) ?? []).toFixed(1)} ${unit} (n=${m.get(k)?.length ?? 0})`)].join(' | '));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

/**
 * Where a tab's start goes, mark by mark: medians (ms after the page's load) of Gloss's bench marks over N corpus
 * pages × R loads, and the tab's JS heap after a forced GC, for one build or several side by side (loads alternate
 * between them, page by page). Usage (after `GLOSS_BENCH_MARKS=1 wxt build`; other builds copied aside):
 *   node --import tsx bench/page/timeline.ts --corpus DIR [--pages N] [--runs R] [--ext DIR,DIR...]
 */
import { readdirSync } from 'node:fs';
import { CHROMIUM_EXT_DIR, type GlossBrowser, launchChromium, startServer } from '../../tests/e2e/harness';
import { count, OFFLINE_ARGS, option } from './args';
import { type GlossRun, glossRun } from './runs';
import { median } from './stats';

const ROWS: Array<[string, (r: GlossRun) => number | null]> = [
  ['gloss:start (text found)', (r) => r.startMs],
  ['gloss:read (storage answered)', (r) => r.readMs],
  ['gloss:imported (body module evaluated)', (r) => r.importedMs],
  ['gloss:parsed (pack parsed)', (r) => r.parsedMs],
  ['gloss:ready (matcher loaded)', (r) => r.readyMs],
  ['gloss:found (every name found)', (r) => r.foundMs],
];

async function main(): Promise<void> {
  const dir = option('--corpus');
  if (!dir) throw new Error('usage: --corpus DIR [--pages N] [--runs R] [--ext DIR,DIR...]');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, count('--pages', 20));
  const runs = count('--runs', 3) as number;
  const exts = option('--ext')?.split(',') ?? [CHROMIUM_EXT_DIR];
  const server = await startServer(dir);
  const browsers: GlossBrowser[] = [];
  const results: GlossRun[][] = exts.map(() => []);
  try {
    for (const ext of exts) browsers.push(await launchChromium(ext, { extraArgs: OFFLINE_ARGS }));
    for (const b of browsers) await (await b.newPage(server.url(`/${pages[0]}`))).close();
    for (let r = 0; r < runs; r++) {
      for (const page of pages) {
        for (let k = 0; k < exts.length; k++) {
          const i = (k + r) % exts.length;
          const run = await glossRun(browsers[i] as GlossBrowser, server.url(`/${page}`));
          if (run.foundMs !== null) results[i]?.push(run);
        }
      }
    }
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
  const cell = (values: Array<number | null>, unit: string) => `${median(values)?.toFixed(1) ?? 'n/a'} ${unit}`;
  console.log(`| mark, median after load | ${exts.join(' | ')} |`);
  console.log(`| --- | ${exts.map(() => '---').join(' | ')} |`);
  for (const [label, of] of ROWS) {
    const cells = results.map((rs) =>
      cell(
        rs.map((x) => {
          const v = of(x);
          return v === null ? null : v - x.loadMs;
        }),
        'ms',
      ),
    );
    console.log(`| ${label} | ${cells.join(' | ')} |`);
  }
  console.log(
    `| JS heap after GC | ${results
      .map((rs) =>
        cell(
          rs.map((x) => x.heap / 1024),
          'KB',
        ),
      )
      .join(' | ')} |`,
  );
  console.log(`\n${results.map((rs, i) => `${exts[i]}: ${rs.length} loads`).join('; ')}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

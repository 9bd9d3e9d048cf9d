/**
 * The content script in a real browser. Two modes:
 * - `npm run bench:page`: generated news pages of 1,000 to 20,000 paragraphs, Chromium and Firefox (./page/generated.ts);
 * - `npm run bench:page -- --corpus DIR [--pages N] [--runs N] [--scale-pages N (0: none)] [--markjs-pages N]
 *   [--dataset FILE] [--json FILE] [--arms noop-entry,no-css,…]`:
 *   saved real pages, Chromium, against the blank extension, the floor and mark.js, and dataset scales (./page/corpus.ts);
 *   --arms adds variants of the build measured in the same rounds (./page/arms.ts); --markjs-pages 0 skips mark.js;
 *   --frames N measures a frame without text (./page/frames.ts) in every browser of the run.
 */
import { count, option } from './page/args';
import { parseArms } from './page/arms';
import { runCorpus } from './page/corpus';
import { runGenerated } from './page/generated';

async function main(): Promise<number> {
  const dir = option('--corpus');
  if (!dir) return runGenerated();
  return runCorpus({
    dir,
    pages: count('--pages'),
    runs: count('--runs', 3) as number,
    scalePages: count('--scale-pages', 3, 0) as number,
    dataset: option('--dataset'),
    json: option('--json'),
    markjsPages: count('--markjs-pages', undefined, 0),
    markjsCapMs: 60_000,
    arms: parseArms(option('--arms')),
    frames: count('--frames', 0, 0),
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);

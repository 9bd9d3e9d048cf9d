declare const __GLOSS_BENCH_MARKS__: boolean | undefined;

/**
 * A User Timing mark for `npm run bench:page` (gloss:start, read, imported, parsed, ready, found): Gloss's start-up in a tab,
 * seen from outside. Only in builds made for the benchmark (GLOSS_BENCH_MARKS=1): a page reads the performance
 * timeline too, and must not learn from it that Gloss is there.
 */
export function benchMark(name: string): void {
  if (typeof __GLOSS_BENCH_MARKS__ !== 'undefined' && __GLOSS_BENCH_MARKS__) performance.mark(name);
}

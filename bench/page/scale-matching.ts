/**
 * Matching speed against dataset size, apart from everything else a tab does: the matcher (from the pack's
 * automaton, as in a tab) over the text the content script collects from the same pages, in node.
 */
import { newPageMemory } from '../../lib/match';
import { matcherOfPack, parseMatchPack } from '../../lib/datasets/pack';
import { htmlText } from '../../scripts/scan-page';
import { readText } from '../lib';
import type { BenchPack } from './packs';

export interface MatchingTime {
  aliases: number;
  buildMs: number;
  /** Fastest of the rounds: one find over the pages' collected text. */
  ms: number;
}

const ROUNDS = 20;

export function matchingTimes(files: string[], packs: BenchPack[]): MatchingTime[] {
  const text = files.map((f) => htmlText(readText(f)).text).join('\n\n');
  const built = packs.map((p) => {
    const pack = parseMatchPack(p.json);
    if (!pack) throw new Error(`${p.label}: the pack does not parse`);
    const t0 = performance.now();
    const matcher = matcherOfPack(pack);
    if (matcher instanceof Error) throw new Error(`${p.label}: ${matcher.message}`);
    return { aliases: pack.aliases.texts.length, matcher, buildMs: performance.now() - t0, ms: Number.POSITIVE_INFINITY };
  });
  for (const b of built) b.matcher.find(text, { memory: newPageMemory() });
  // In turns: a slow spell of the machine hits every size alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const b of built) {
      const t0 = performance.now();
      b.matcher.find(text, { memory: newPageMemory() });
      b.ms = Math.min(b.ms, performance.now() - t0);
    }
  }
  return built.map(({ aliases, buildMs, ms }) => ({ aliases, buildMs, ms }));
}

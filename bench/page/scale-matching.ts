/**
 * Matching speed against dataset size, apart from everything else a tab does: the matcher (from the pack's
 * automaton, as in a tab) over the text the content script collects from the same pages, in node.
 */
import { newPageMemory } from '../../lib/match';
import { htmlText } from '../../scripts/scan-page';
import { readText } from '../lib';
import { type BenchPack, fullMatcherOf } from './packs';

export interface MatchingTime {
  label: string;
  aliases: number;
  buildMs: number;
  /** Fastest of the rounds: one find over the pages' collected text. */
  ms: number;
}

const ROUNDS = 20;

export function matchingTimes(files: string[], packs: BenchPack[]): MatchingTime[] {
  const text = files.map((f) => htmlText(readText(f)).text).join('\n\n');
  const built = packs.map((p) => {
    const t0 = performance.now();
    // A sharded pack with every shard read: the lookups of a tab's last round.
    const matcher = fullMatcherOf(p);
    if (matcher instanceof Error) throw new Error(`${p.label}: ${matcher.message}`);
    return { label: p.label, aliases: p.aliases.length, matcher, buildMs: performance.now() - t0, ms: Number.POSITIVE_INFINITY };
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
  return built.map(({ label, aliases, buildMs, ms }) => ({ label, aliases, buildMs, ms }));
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatcherAlias } from '../lib/match';

/** The corpus of real news pages lives outside the repo; benches use it when present. */
/** The corpus folder asked for: `--corpus DIR`, else ../shared/corpus beside the repository. */
export function corpusPath(argv: string[]): string {
  const i = argv.indexOf('--corpus');
  return (i >= 0 ? argv[i + 1] : undefined) ?? join(import.meta.dirname, '../../shared/corpus');
}

export function corpusDir(argv: string[]): string | null {
  const dir = corpusPath(argv);
  return existsSync(dir) ? dir : null;
}

export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => join(dir, f));
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** A deterministic pseudo-random generator, so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = 'ka ri mo sa le di na fa ha zi qu ba ta lo mi re su ya ne ho ja wa ke ga do'.split(' ');

export function makeName(r: () => number, words: number): string {
  const parts: string[] = [];
  for (let w = 0; w < words; w++) {
    const n = 2 + Math.floor(r() * 2);
    let word = '';
    for (let k = 0; k < n; k++) word += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    parts.push(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return parts.join(words > 2 ? ' al-' : ' ');
}

export function generatedAliases(count: number, seed = 7): MatcherAlias[] {
  const r = rng(seed);
  const out: MatcherAlias[] = [];
  for (let i = 0; i < count; i++) out.push({ entityId: `gen-${i}`, text: makeName(r, 2 + (i % 2)), match: 'always' });
  return out;
}

/** Prose-like text with a few of the given names in it. */
export function generatedText(bytes: number, names: string[], seed = 11): string {
  const r = rng(seed);
  const words = 'the minister said on tuesday that forces in the city had been attacked and officials would respond to protests near the embassy'.split(' ');
  const chunks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentence: string[] = [];
    for (let k = 0; k < 14; k++) sentence.push(words[Math.floor(r() * words.length)] as string);
    if (names.length && r() < 0.3) sentence.splice(3, 0, names[Math.floor(r() * names.length)] as string);
    const s = `${sentence.join(' ')}.`;
    chunks.push(s.charAt(0).toUpperCase() + s.slice(1));
    size += s.length + 1;
    if (r() < 0.2) chunks.push('\n\n');
  }
  return chunks.join(' ');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * Runs fn until it has taken at least minMs (and at least `min` times); returns its fastest run. The machine is
 * shared and its noise only ever adds time, so the fastest run is the one least disturbed.
 */
export function time(fn: () => unknown, minMs = 300, min = 3): number {
  let best = Number.POSITIVE_INFINITY;
  fn(); // warm-up: JIT and caches, so the first row is not charged for them
  const t0 = performance.now();
  for (let runs = 0; runs < min || performance.now() - t0 < minMs; runs++) {
    const a = performance.now();
    fn();
    best = Math.min(best, performance.now() - a);
    if (runs >= 200) break;
  }
  return best;
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

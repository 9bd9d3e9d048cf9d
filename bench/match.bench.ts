/**
 * Matcher throughput against the baselines measured in the same run: a regex alternation of the same aliases
 * and a naive indexOf loop. Text: the corpus pages (when ../shared/corpus or --corpus DIR is there), both as the
 * content script collects them and as raw text content, and generated prose. Usage: npm run bench:match [-- --corpus DIR]
 */
import { parseHTML } from 'linkedom';
import { createMatcher, type MatcherAlias, newPageMemory } from '../lib/match';
import { loadBundledDataset } from '../scripts/dataset-files';
import { htmlText } from '../scripts/scan-page';
import { corpusDir, corpusFiles, corpusPath, generatedAliases, generatedText, readText, table, time } from './lib';

const gc = (globalThis as { gc?: () => void }).gc;

function pageText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script,style,noscript,template')) el.remove();
  return document.body?.textContent ?? document.documentElement?.textContent ?? '';
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function regexFind(aliases: MatcherAlias[]): (text: string) => number {
  // Longest first, so the alternation prefers the longest alias like the matcher does.
  const sorted = [...aliases].map((a) => a.text).sort((a, b) => b.length - a.length);
  const re = new RegExp(`\\b(?:${sorted.map(escapeRegex).join('|')})\\b`, 'gi');
  return (text) => {
    let n = 0;
    re.lastIndex = 0;
    while (re.test(text)) n++;
    return n;
  };
}

function indexOfFind(aliases: MatcherAlias[]): (text: string) => number {
  const needles = aliases.map((a) => a.text.toLowerCase());
  return (text) => {
    const hay = text.toLowerCase();
    let n = 0;
    for (const needle of needles) {
      let at = hay.indexOf(needle);
      while (at !== -1) {
        n++;
        at = hay.indexOf(needle, at + needle.length);
      }
    }
    return n;
  };
}

function heapMB(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const bundled = loadBundledDataset().aliases;
const dir = corpusDir(process.argv);
const texts: Array<{ name: string; text: string }> = [];
if (dir) {
  const pages = corpusFiles(dir).map(readText);
  // The text the matcher is given: each page's blocks as the content script and the scan CLI collect them.
  const collected = pages.map((html) => htmlText(html).text);
  texts.push({ name: `corpus (${pages.length} pages), collected text`, text: collected.join('\n\n') });
  // The whole text content of each page, with the indentation of its markup (three quarters of it is whitespace).
  const raw = pages.map(pageText);
  texts.push({ name: `corpus (${pages.length} pages), raw text content`, text: raw.join('\n\n') });
} else {
  // A fresh clone has no ../shared/corpus: say so rather than leave the corpus rows out silently.
  console.log(`No corpus at ${corpusPath(process.argv)}: timing generated prose only (give real pages with -- --corpus DIR).`);
}
// The names in the generated prose are in every dataset below, so every row finds the same mentions.
const genNames = generatedAliases(50).map((a) => a.text);
texts.push({ name: 'generated prose', text: generatedText(2_000_000, genNames) });

const sizes: Array<{ label: string; aliases: MatcherAlias[] }> = [
  // 50 of the bundled aliases taken evenly, so that the smallest dataset is of the same kind as the others.
  { label: '100', aliases: [...bundled.filter((_, i) => i % Math.floor(bundled.length / 50) === 0).slice(0, 50), ...generatedAliases(50)] },
  { label: `bundled (${bundled.length})`, aliases: bundled },
  { label: '1,000', aliases: [...bundled, ...generatedAliases(1000 - bundled.length)] },
  { label: '10,000', aliases: [...bundled, ...generatedAliases(10_000 - bundled.length)] },
  { label: '100,000', aliases: [...bundled, ...generatedAliases(100_000 - bundled.length)] },
];

console.log(`# Matcher benchmark (node ${process.version}, ${new Date().toISOString()})\n`);

// All matchers are built first, then timed in turns with their regexes: each size meets the same JIT and heap
// state, and a slow spell of the machine hits every size, and both sides of each ratio, alike.
const built = sizes.map(({ label, aliases }) => {
  const before = heapMB();
  const t0 = performance.now();
  const matcher = createMatcher(aliases);
  const buildMs = performance.now() - t0;
  return { label, aliases, matcher, buildMs, memory: heapMB() - before };
});
const ROUNDS = 20;
const regexes = built.map(({ aliases }) => regexFind(aliases));

for (const { name, text } of texts) {
  const mb = text.length / 1e6;
  console.log(`## ${name}: ${mb.toFixed(2)} M characters\n`);
  const best = built.map(() => Number.POSITIVE_INFINITY);
  const bestRegex = built.map(() => Number.POSITIVE_INFINITY);
  // The garbage of what ran before (parsing the corpus pages, the text before) is collected now, not in a timed run.
  gc?.();
  // warm-up: JIT, and the regex engine's compilation of each alternation
  built.forEach((b, k) => {
    b.matcher.find(text, { memory: newPageMemory() });
    regexes[k]?.(text);
  });
  // Each round times every matcher, then every regex: the two sides of a ratio run within a second or two of each
  // other, under the same load, and neither runs right after the other's code has filled the caches.
  for (let round = 0; round < ROUNDS; round++) {
    built.forEach((b, k) => {
      const t0 = performance.now();
      b.matcher.find(text, { memory: newPageMemory() });
      best[k] = Math.min(best[k] as number, performance.now() - t0);
    });
    regexes.forEach((regex, k) => {
      const t0 = performance.now();
      regex(text);
      bestRegex[k] = Math.min(bestRegex[k] as number, performance.now() - t0);
    });
  }
  const base = best[0] as number;
  const rows: Array<Array<string | number>> = [];
  for (const [k, { label, aliases, buildMs, memory }] of built.entries()) {
    const gloss = best[k] as number;
    const regex = bestRegex[k] as number;
    // The naive loop takes minutes at scale: time it on a slice and scale up to the whole text.
    const slice = aliases.length > 1000 ? text.slice(0, Math.max(20_000, Math.floor(text.length / (aliases.length / 100)))) : text;
    const naive = time(indexOfFind(aliases).bind(null, slice), 200, 1) * (text.length / slice.length);
    rows.push([
      label,
      buildMs.toFixed(1),
      memory.toFixed(1),
      gloss.toFixed(1),
      (mb / (gloss / 1000)).toFixed(1),
      (gloss / base).toFixed(2),
      regex.toFixed(0),
      (regex / gloss).toFixed(1),
      naive.toFixed(0),
      (naive / gloss).toFixed(1),
    ]);
  }
  console.log(
    table(
      ['aliases', 'build ms', 'heap MB', 'Gloss ms', 'Gloss M chars/s', 'Gloss vs 100', 'regex ms', 'regex / Gloss', 'indexOf ms', 'indexOf / Gloss'],
      rows,
    ),
  );
  console.log('');
}

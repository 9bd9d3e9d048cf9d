import { ARTICLE_FORMS, ARTICLE_FORMS_NEEDING_HYPHEN, EZAFE_FORMS, heavyKey, lightKey } from './normalize';
import { FOLLOWERS, GENERATION_SUFFIXES, STANDALONE_BEFORE } from './rules';
import {
  CASE_LOWER,
  CASE_NONE,
  CASE_TITLE,
  infoAt,
  rawAt,
  wordInfo,
  SEP_HARD,
  SEP_HYPHEN,
  SEP_SOFT,
  SEP_SPACE,
  type Tokens,
  tokenize,
} from './tokenize';
import type { FindOptions, MatcherAlias, Mention, PageMemory } from './types';

/** Which key of a word an alias is compared on. */
const MODE_EXACT = 0;
const MODE_LIGHT = 1;
const MODE_HEAVY = 2;
type Mode = typeof MODE_EXACT | MODE_LIGHT_T | typeof MODE_HEAVY;
type MODE_LIGHT_T = typeof MODE_LIGHT;

/** Marks a word with a possessive 's inside a name. */
const POSSESSIVE = "\u0002's";

/** Stands for any form of the Arabic article in heavy keys, so al-/el-/ash-/ad- compare equal. */
const ARTICLE_KEY = '\u0000al';

interface AliasEntry {
  index: number;
  alias: MatcherAlias;
  /** Number of words in the alias as written; one-word names get the stricter neighbour rules. */
  words: number;
  /** Whether the alias itself starts with a capital letter (names do; a deliberately lowercase alias does not). */
  capitalized: boolean;
  /** Context words, each as a sequence of light keys. */
  context: string[][];
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: AliasEntry[] | null;
}

function newNode(): TrieNode {
  return { next: null, entries: null };
}

export interface Matcher {
  find(text: string, options?: FindOptions): Mention[];
  /** How many key sequences the automaton holds (aliases times their spelling variants). */
  readonly size: number;
}

export function newPageMemory(): PageMemory {
  return { namedInFull: new Set() };
}

function firstNonArticle(t: Tokens): number {
  let k = 0;
  while (k < t.count - 1 && isArticleAt(t, k)) k++;
  return k;
}

function isArticleToken(light: string, nextSep: number | undefined): boolean {
  if (!ARTICLE_FORMS.has(light)) return false;
  return !ARTICLE_FORMS_NEEDING_HYPHEN.has(light) || nextSep === SEP_HYPHEN;
}

/** The keys of an alias's words in the given mode, with its spelling variants (article dropped or glued, ezafe dropped). */
export function aliasKeySequences(text: string, mode: Mode): string[][] {
  const t = tokenize(text);
  if (t.count === 0) return [];
  // A possessive inside a name is part of it (People's Mojahedin); one at the end is not.
  const poss = (i: number) => (t.possessive[i] && i < t.count - 1 ? POSSESSIVE : '');
  const words = Array.from({ length: t.count }, (_, i) => rawAt(t, i) + poss(i));
  if (mode === MODE_EXACT) return [words];
  const lights = Array.from({ length: t.count }, (_, i) => infoAt(t, i).light);
  if (mode === MODE_LIGHT) return [lights.map((w, i) => w + poss(i))];
  let variants: string[][] = [[]];
  for (let i = 0; i < t.count; i++) {
    const light = lights[i] as string;
    const last = i === t.count - 1;
    const isArticle = !last && ARTICLE_FORMS.has(light) && (t.sep[i + 1] === SEP_HYPHEN || light === 'al' || light === 'el');
    const isEzafe = i > 0 && !last && EZAFE_FORMS.has(light);
    const next: string[][] = [];
    for (const v of variants) {
      if (isArticle) {
        next.push([...v, ARTICLE_KEY]);
        next.push(v.slice());
        // Glued: Alfayyadh for al-Fayyadh.
        next.push([...v, `\u0001${lightKey(`al${lights[i + 1]}`)}`]);
      } else if (isEzafe) {
        next.push([...v, heavyKey(light)]);
        next.push(v.slice());
      } else {
        const prev = v[v.length - 1];
        if (prev?.startsWith('\u0001')) {
          // the glued word already stands for this one
          next.push([...v.slice(0, -1), heavyKey(prev.slice(1))]);
        } else {
          next.push([...v, heavyKey(light) + poss(i)]);
        }
      }
    }
    variants = next.slice(0, 32);
  }
  const seen = new Set<string>();
  return variants.filter((v) => {
    if (v.length === 0) return false;
    const k = v.join(' ');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function lightWords(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => infoAt(t, i).light);
}

export function modeOf(alias: MatcherAlias): Mode {
  if (alias.caseSensitive) return MODE_EXACT;
  const words = tokenize(alias.text).count;
  return words === 1 && alias.match === 'always' ? MODE_LIGHT : MODE_HEAVY;
}

export function createMatcher(aliases: readonly MatcherAlias[]): Matcher {
  const roots: [TrieNode, TrieNode, TrieNode] = [newNode(), newNode(), newNode()];
  let size = 0;
  // Names start with a capital, so lowercase words are skipped as starts, unless an alias is itself lowercase.
  let lowercaseStarts = false;
  aliases.forEach((alias, index) => {
    const t = tokenize(alias.text);
    // Persian is often typed with a space where the zero-width non-joiner belongs (خامنه ای).
    const texts = alias.text.includes('\u200C') ? [alias.text, alias.text.replace(/\u200C/g, ' ')] : [alias.text];
    const entry: AliasEntry = {
      index,
      alias,
      words: t.count,
      capitalized: t.count > 0 && t.caseOf[firstNonArticle(t)] !== CASE_LOWER,
      context: (alias.context ?? []).map(lightWords).filter((c) => c.length > 0),
    };
    const mode = modeOf(alias);
    if (t.count > 0 && t.caseOf[firstNonArticle(t)] === CASE_LOWER) lowercaseStarts = true;
    for (const seq of texts.flatMap((text) => aliasKeySequences(text, mode))) {
      let node = roots[mode];
      for (const key of seq) {
        if (!node.next) node.next = new Map();
        let child = node.next.get(key);
        if (!child) {
          child = newNode();
          node.next.set(key, child);
        }
        node = child;
      }
      if (!node.entries) node.entries = [];
      // The first entity to claim a spelling keeps it (dataset order); the compiler reports unmarked clashes.
      if (!node.entries.some((e) => e.alias.entityId === alias.entityId && e.alias.match === alias.match)) {
        node.entries.push(entry);
        size++;
      }
    }
  });

  return {
    size,
    find(text: string, options?: FindOptions): Mention[] {
      return findIn(text, roots, lowercaseStarts, options?.memory ?? newPageMemory());
    },
  };
}

interface Candidate {
  last: number;
  entries: AliasEntry[];
}

/** The key of word j in a trie's mode. */
function keyAt(mode: Mode, t: Tokens, j: number): string {
  if (mode === MODE_EXACT) return rawAt(t, j);
  const info = infoAt(t, j);
  if (mode === MODE_LIGHT) return info.light;
  return isArticleToken(info.light, t.sep[j + 1]) ? ARTICLE_KEY : info.heavy;
}

function isArticleAt(t: Tokens, j: number): boolean {
  return isArticleToken(infoAt(t, j).light, t.sep[j + 1]);
}

function findIn(text: string, roots: [TrieNode, TrieNode, TrieNode], lowercaseStarts: boolean, memory: PageMemory): Mention[] {
  const t = tokenize(text);
  const n = t.count;
  const out: Mention[] = [];
  if (n === 0) return out;
  const caches: Caches = { blocks: new Map(), headlines: new Map() };
  const candidates: Candidate[] = [];

  let i = 0;
  while (i < n) {
    if (t.caseOf[i] === CASE_LOWER && !lowercaseStarts) {
      i++;
      continue;
    }
    candidates.length = 0;
    walk(roots[MODE_EXACT], MODE_EXACT, t, i, candidates);
    walk(roots[MODE_LIGHT], MODE_LIGHT, t, i, candidates);
    walk(roots[MODE_HEAVY], MODE_HEAVY, t, i, candidates);
    let clitic = 0;
    if (candidates.length === 0 && t.caseOf[i] === CASE_NONE && ARABIC_PROCLITIC.test(rawAt(t, i))) {
      const stem = wordInfo(rawAt(t, i).slice(1));
      walk(roots[MODE_LIGHT], MODE_LIGHT, t, i, candidates, stem.light);
      walk(roots[MODE_HEAVY], MODE_HEAVY, t, i, candidates, stem.heavy);
      clitic = 1;
    }
    if (candidates.length === 0) {
      i++;
      continue;
    }
    candidates.sort((a, b) => b.last - a.last || a.entries[0]!.index - b.entries[0]!.index);
    let accepted: { last: number; entry: AliasEntry } | null = null;
    for (const c of candidates) {
      const ordered = c.entries.length > 1 ? [...c.entries].sort((a, b) => a.index - b.index) : c.entries;
      for (const entry of ordered) {
        if (accepts(entry, t, i, c.last, memory, caches)) {
          accepted = { last: c.last, entry };
          break;
        }
      }
      if (accepted) break;
    }
    if (!accepted) {
      i++;
      continue;
    }
    const { entry, last } = accepted;
    let from = i;
    // "al-Khazali" for the alias "Khazali": the article belongs to the name.
    if (from > 0 && (t.sep[from] === SEP_HYPHEN || t.sep[from] === SEP_SPACE) && isArticleAt(t, from - 1) && !isArticleAt(t, from)) {
      const prevEnd = out.length > 0 ? out[out.length - 1]!.end : -1;
      if (t.start[from - 1]! > prevEnd) from--;
    }
    const start = (t.start[from] as number) + (from === i ? clitic : 0);
    const end = t.end[last] as number;
    out.push({ entityId: entry.alias.entityId, start, end, text: text.slice(start, end), alias: entry.alias.text });
    if (entry.alias.match === 'always') memory.namedInFull.add(entry.alias.entityId);
    i = last + 1;
  }
  return out;
}

function isInitial(t: Tokens, j: number): boolean {
  return t.end[j]! - t.start[j]! === 1 && t.caseOf[j] === CASE_TITLE;
}

/** Arabic proclitics written joined to the next word: و (and), ف (so), ب (by), ل (for). */
const ARABIC_PROCLITIC = /^[\u0648\u0641\u0628\u0644][\u0600-\u06FF]{3,}/;

function walk(root: TrieNode, mode: Mode, t: Tokens, from: number, out: Candidate[], firstKey?: string): void {
  let node = root;
  let skippedInitial = false;
  for (let j = from; j < t.count; j++) {
    if (j > from) {
      const s = t.sep[j] as number;
      if (s !== SEP_SPACE && s !== SEP_HYPHEN && s !== SEP_SOFT) return;
    }
    if (!node.next) return;
    const key = j === from && firstKey !== undefined ? firstKey : keyAt(mode, t, j);
    if (t.possessive[j]) {
      // "People's Mojahedin" goes on; "IRGC's Quds Force" is two names, and a possessive ends the second.
      const inner = node.next.get(key + POSSESSIVE);
      const end = node.next.get(key);
      if (end?.entries) out.push({ last: j, entries: end.entries });
      if (!inner) return;
      node = inner;
      continue;
    }
    const child = node.next.get(key);
    if (!child) {
      // A middle initial the alias does not have: Donald J. Trump, Michael R. Pompeo.
      if (mode !== MODE_EXACT && j > from && !skippedInitial && isInitial(t, j)) {
        skippedInitial = true;
        continue;
      }
      return;
    }
    node = child;
    if (node.entries) out.push({ last: j, entries: node.entries });
  }
}

interface BlockInfo {
  words: Set<string>;
  lights: string[];
}

function newlineBefore(t: Tokens, k: number): boolean {
  return t.text.slice(t.end[k - 1], t.start[k]).includes('\n');
}

/**
 * Is word i on a headline line: Title Case or capitals, no closing full stop? Headlines capitalize every word,
 * so there a capital after a name says nothing. Cached by the line's first word.
 */
function onHeadline(t: Tokens, i: number, cache: Map<number, boolean>): boolean {
  let a = i;
  while (a > 0 && t.block[a - 1] === t.block[i] && !newlineBefore(t, a)) a--;
  const known = cache.get(a);
  if (known !== undefined) return known;
  let b = i;
  while (b + 1 < t.count && t.block[b + 1] === t.block[i] && !newlineBefore(t, b + 1)) b++;
  let long = 0;
  let capitalized = 0;
  for (let k = a; k <= b; k++) {
    const c = t.caseOf[k];
    if (t.end[k]! - t.start[k]! >= 4 && c !== CASE_NONE) {
      long++;
      if (c === CASE_TITLE) capitalized++;
    }
  }
  const tail = t.text.slice(t.end[b], t.end[b]! + 3).trimStart();
  const headline = long >= 3 && capitalized / long >= 0.75 && !/^[.!?]/.test(tail);
  cache.set(a, headline);
  return headline;
}

function blockInfoOf(t: Tokens, i: number, cache: Map<number, BlockInfo>): BlockInfo {
  const id = t.block[i] as number;
  let info = cache.get(id);
  if (info) return info;
  let a = i;
  while (a > 0 && t.block[a - 1] === id) a--;
  let b = i;
  while (b + 1 < t.count && t.block[b + 1] === id) b++;
  const words = new Set<string>();
  const lights: string[] = [];
  for (let k = a; k <= b; k++) {
    const light = infoAt(t, k).light;
    words.add(light);
    lights.push(light);
  }
  info = { words, lights };
  cache.set(id, info);
  return info;
}

function containsSequence(info: BlockInfo, seq: string[]): boolean {
  if (seq.length === 1) return info.words.has(seq[0] as string);
  if (!seq.every((w) => info.words.has(w))) return false;
  outer: for (let k = 0; k + seq.length <= info.lights.length; k++) {
    for (let m = 0; m < seq.length; m++) if (info.lights[k + m] !== seq[m]) continue outer;
    return true;
  }
  return false;
}

function isCapital(c: number | undefined): boolean {
  return c === CASE_TITLE;
}

const SOFT_PUNCT = /["'\u2018\u2019\u201c\u201d()[\]\u00ab\u00bb]/g;

/** Quotes and brackets inside a name come in pairs (Dale "Chip" McElhattan); "(IRGC) Qods Force" is two names. */
function balancedInside(t: Tokens, i: number, last: number): boolean {
  let marks = 0;
  for (let k = i + 1; k <= last; k++) {
    if (t.sep[k] === SEP_SOFT) marks += t.text.slice(t.end[k - 1], t.start[k]).match(SOFT_PUNCT)?.length ?? 0;
  }
  return marks % 2 === 0;
}

interface Caches {
  blocks: Map<number, BlockInfo>;
  headlines: Map<number, boolean>;
}

function accepts(entry: AliasEntry, t: Tokens, i: number, last: number, memory: PageMemory, caches: Caches): boolean {
  const alias = entry.alias;
  if (last > i && !balancedInside(t, i, last)) return false;
  if (!alias.caseSensitive && entry.capitalized) {
    // Names are written with a capital: "trump card" and "badr" are words, not names.
    let k = i;
    while (k < last && isArticleAt(t, k)) k++;
    if (t.caseOf[k] === CASE_LOWER) return false;
  }
  const next = last + 1;
  if (next < t.count && (t.sep[next] === SEP_SPACE || t.sep[next] === SEP_HARD) && GENERATION_SUFFIXES.has(infoAt(t, next).light) && !t.possessive[last]) {
    return false;
  }
  if (entry.words === 1 && !alias.caseSensitive) {
    // A bare name must not be part of a longer, different name (Ivanka Trump, Trump Tower, Leila Soleimani).
    // "Laith al-Khaz'ali": the word before the article decides.
    const viaArticle = i >= 2 && isArticleAt(t, i - 1) && (t.sep[i] === SEP_SPACE || t.sep[i] === SEP_HYPHEN);
    const prev = viaArticle ? i - 2 : i - 1;
    const prevJoined = prev >= 0 && t.sep[prev + 1] === SEP_SPACE && isCapital(t.caseOf[prev]) && !t.possessive[prev];
    const nextJoined = next < t.count && t.sep[next] === SEP_SPACE && isCapital(t.caseOf[next]) && !t.possessive[last];
    if (prevJoined) {
      const before = infoAt(t, prev).light;
      if (!STANDALONE_BEFORE.has(before) && !isArticleAt(t, prev)) return false;
    }
    // Headlines capitalize every word, so there a capital after the name says nothing.
    if (nextJoined && !FOLLOWERS.has(infoAt(t, next).light) && !onHeadline(t, i, caches.headlines)) return false;
  }
  // A title is not enough: Brig. Gen. Gholamreza Soleimani headed the Basij; "Gen. Soleimani" alone may be him.
  if (alias.match === 'after-full-name') return memory.namedInFull.has(alias.entityId);
  if (alias.match === 'context') {
    if (memory.namedInFull.has(alias.entityId)) return true;
    const info = blockInfoOf(t, i, caches.blocks);
    return entry.context.some((seq) => containsSequence(info, seq));
  }
  return true;
}

import { ACCEPTED, type AliasEntry, IF_NAMED_ON_PAGE, isAcronym, REFUSED, titleKeys, type Verdict, verdictOf } from './accept';
import type { AliasList } from './alias-columns';
import {
  Automaton,
  type AutomatonExtras,
  type BuildRoots,
  deserializeAutomaton,
  newBuildNode,
  newBuildRoots,
  type PackedAutomaton,
  packTries,
  serializeAutomaton,
  type Trie,
} from './automaton';
import { blockEnd, blockStart, type Caches, newCaches } from './blocks';
import { ARTICLE_FORMS, EZAFE_FORMS, heavyKey, lightKey, NOT_ARTICLE } from './normalize';
import { hashAt, lastHash2, pairHash, SpellingTable, SpellingVerdicts } from './spelling-table';
import {
  CASE_LOWER,
  CASE_NONE,
  CASE_TITLE,
  caseOfChar,
  cutHashed,
  hashedWord,
  infoAt,
  isHyphen,
  isTokenStart,
  isWordCode,
  JOINERS,
  newTokens,
  possessiveLength,
  prevTokenStart,
  rawAt,
  reach,
  SEP_HYPHEN,
  SEP_SOFT,
  SEP_SPACE,
  type Tokens,
  tokenize,
  tokenizeRange,
  wordEnd,
  wordInfo,
} from './tokenize';
import type { FindOptions, MatcherAlias, Mention, PageMemory } from './types';
import { isArticleAt, mayBeShortWord, suffixLength, TURKISH_SUFFIX } from './words';

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

export interface Matcher {
  find(text: string, options?: FindOptions): Mention[];
  /** How many key sequences the automaton holds (aliases times their spelling variants). */
  readonly size: number;
  /** The type of an entity this matcher has found (its aliases carry it), for the highlight's colour. */
  typeOf(entityId: string): MatcherAlias['entityType'];
}

export function newPageMemory(): PageMemory {
  return { namedInFull: new Set(), waiting: new Set() };
}

function firstNonArticle(t: Tokens): number {
  let k = 0;
  while (k < t.count - 1 && isArticleAt(t, k)) k++;
  return k;
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
  return createMatcherFromTables(aliases, undefined);
}

/**
 * What the matcher stores of one alias, computed once: its key sequences (spelling variants included), in the
 * mode it is compared in. The dataset compiler does it at build time and at import (matcherTables); the automaton
 * a tab uses is built from these when the datasets are published (buildAutomaton).
 */
export interface PreparedAlias {
  mode: Mode;
  /** Key sequences to store, one per spelling variant. */
  keys: string[][];
  /** The alias's first word, lowercased and as a light key, when the alias is written lowercase. */
  lowercaseFirst: string[];
  /**
   * For an alias written lowercase with a capitalized word further on (place Tahrir, force Al-Qods): that word's
   * keys and its index, so that the capitals scan finds the alias from there. Null when there is none.
   */
  anchor: { keys: string[]; at: number } | null;
}

/** Version of PreparedAlias's key scheme: tables of another version are rebuilt from the aliases. */
const MATCHER_TABLES_VERSION = 3;

export interface MatcherTables {
  version: number;
  /** One per alias, in the order of the dataset's aliases. */
  aliases: PreparedAlias[];
}

function prepareAlias(alias: MatcherAlias): PreparedAlias {
  const t = tokenize(alias.text);
  // Persian is often typed with a space where the zero-width non-joiner belongs (خامنه ای).
  const texts = alias.text.includes('\u200C') ? [alias.text, alias.text.replace(/\u200C/g, ' ')] : [alias.text];
  const mode = modeOf(alias);
  const lowercase = writtenLowercase(t);
  const first = lowercase ? rawAt(t, firstNonArticle(t)).toLowerCase() : '';
  let anchor: PreparedAlias['anchor'] = null;
  if (lowercase) {
    for (let k = firstNonArticle(t) + 1; k < t.count && !anchor; k++) {
      if (t.caseOf[k] !== CASE_TITLE || isArticleAt(t, k)) continue;
      const info = infoAt(t, k);
      anchor = { keys: [...new Set([info.light, info.heavy])], at: k };
    }
  }
  return {
    mode,
    keys: texts.flatMap((text) => aliasKeySequences(text, mode)),
    lowercaseFirst: lowercase ? [...new Set([first, lightKey(first)])] : [],
    anchor,
  };
}

/** Whether an alias starts lowercase (its article aside): "place Tahrir", not a name written as names are. */
function writtenLowercase(t: Tokens): boolean {
  return t.count > 0 && t.caseOf[firstNonArticle(t)] === CASE_LOWER;
}

export function matcherTables(aliases: readonly MatcherAlias[]): MatcherTables {
  return { version: MATCHER_TABLES_VERSION, aliases: aliases.map(prepareAlias) };
}

/** The matcher from tables made by matcherTables for the same aliases; from the aliases alone if they do not fit. */
export function createMatcherFromTables(aliases: readonly MatcherAlias[], tables: MatcherTables | undefined): Matcher {
  const { roots, extras } = buildTries(aliases, tables);
  return matcherOf(aliases, new Automaton(packTries(roots)), extras);
}

/** The automaton a tab matches with, built from the aliases' tables (or the aliases, if the tables do not fit). */
export function buildAutomaton(aliases: readonly MatcherAlias[], tables: MatcherTables | undefined): PackedAutomaton {
  const { roots, extras } = buildTries(aliases, tables);
  return serializeAutomaton(packTries(roots), extras, aliases.length);
}

/** The matcher from a stored automaton built for these aliases, or an Error when it does not fit them. */
export function matcherFromAutomaton(aliases: AliasList, packed: PackedAutomaton): Matcher | Error {
  if (packed.aliases !== aliases.length) return new Error(`automaton built for ${packed.aliases} aliases, given ${aliases.length}`);
  const arrays = deserializeAutomaton(packed);
  if (arrays instanceof Error) return arrays;
  return matcherOf(aliases, new Automaton(arrays), packed);
}

/**
 * The three tries of these aliases, as Map-based builder nodes, and what goes with them: packed whole
 * (./automaton.ts) or split into shards (./shards.ts).
 */
export function buildTries(
  aliases: readonly MatcherAlias[],
  tables: MatcherTables | undefined,
): { roots: BuildRoots; extras: AutomatonExtras } {
  const fits = tables?.version === MATCHER_TABLES_VERSION && tables.aliases.length === aliases.length;
  const builder = new MatcherBuilder(aliases);
  for (let k = 0; k < aliases.length; k++) {
    builder.add(k, fits ? (tables.aliases[k] as PreparedAlias) : prepareAlias(aliases[k] as MatcherAlias));
  }
  return { roots: builder.roots, extras: builder.extras };
}

/** Stores prepared aliases in Map-based tries, in dataset order, to be packed (./automaton.ts). */
class MatcherBuilder {
  readonly roots: BuildRoots = newBuildRoots();
  // Names start with a capital, so lowercase words are skipped as starts, except the first words of aliases that
  // are written lowercase themselves (the French "place Tahrir", "gardiens de la révolution").
  private readonly lowercaseFirsts = new Set<string>();
  /** First words of the lowercase aliases that have no capitalized word to be found from: searched for directly. */
  private readonly searchedFirsts = new Set<string>();
  private readonly anchors = new Set<string>();
  private anchorBack = 0;

  constructor(private readonly aliases: readonly MatcherAlias[]) {}

  add(index: number, prepared: PreparedAlias): void {
    const a = this.aliases[index] as MatcherAlias;
    for (const w of prepared.lowercaseFirst) {
      this.lowercaseFirsts.add(w);
      if (!prepared.anchor) this.searchedFirsts.add(w);
    }
    if (prepared.anchor) {
      for (const key of prepared.anchor.keys) this.anchors.add(key);
      this.anchorBack = Math.max(this.anchorBack, prepared.anchor.at);
    }
    for (const seq of prepared.keys) {
      let node = this.roots[prepared.mode];
      for (const key of seq) {
        if (!node.next) node.next = new Map();
        let child = node.next.get(key);
        if (!child) {
          child = newBuildNode();
          node.next.set(key, child);
        }
        node = child;
      }
      if (!node.entries) node.entries = [];
      // The first entity to claim a spelling keeps it (dataset order); the compiler reports unmarked clashes.
      const aliases = this.aliases;
      if (!node.entries.some((e) => aliases[e]!.entityId === a.entityId && aliases[e]!.match === a.match)) node.entries.push(index);
    }
  }

  get extras(): AutomatonExtras {
    return {
      lowercaseFirsts: [...this.lowercaseFirsts],
      searchedFirsts: [...this.searchedFirsts],
      anchors: [...this.anchors],
      anchorBack: this.anchorBack,
    };
  }
}

/** What the rules know of an alias (AliasEntry), made when a walk first reaches it. */
function entryOf(index: number, alias: MatcherAlias): AliasEntry {
  const t = tokenize(alias.text);
  return {
    index,
    alias,
    words: t.count,
    capitalized: t.count > 0 && !writtenLowercase(t),
    context: (alias.context ?? []).map(lightWords).filter((c) => c.length > 0),
    titles: (alias.titles ?? []).map(titleKeys).filter((title) => title.length > 0),
    acronym: isAcronym(alias),
  };
}

/**
 * The matcher over a trie. `digitStarts` (does some root key start with a digit?) is given by a sharded automaton,
 * whose roots' keys a tab does not have; a whole one is asked.
 */
export function matcherOf(aliases: AliasList, trie: Trie, extras: AutomatonExtras, digitStarts = rootKeysStartWithDigit(trie)): Matcher {
  const { lowercaseFirsts, searchedFirsts, anchors, anchorBack } = extras;
  // Past a few hundred lowercase first words, cutting every word is as fast as looking for them.
  const allWords = lowercaseFirsts.length > LOWERCASE_FIRSTS_LIMIT;
  const aliasEntries: Array<AliasEntry | undefined> = [];
  const nodeEntries = new Map<number, AliasEntry[]>();
  const types = new Map<string, NonNullable<MatcherAlias['entityType']>>();
  const entryAt = (k: number): AliasEntry => {
    let entry = aliasEntries[k];
    if (!entry) {
      entry = aliasEntries[k] = entryOf(k, aliases.at(k) as MatcherAlias);
      if (entry.alias.entityType) types.set(entry.alias.entityId, entry.alias.entityType);
    }
    return entry;
  };
  const tries: Tries = {
    trie,
    entriesAt(node) {
      let out = nodeEntries.get(node);
      if (!out) {
        out = [];
        // An index past the aliases (a damaged pack: the counts matched, the entries did not) finds nothing.
        for (const k of trie.entries(node)) if (k < aliases.length) out.push(entryAt(k));
        nodeEntries.set(node, out);
      }
      return out;
    },
    candidates: candidateRegex(digitStarts),
    lowercaseFirsts: allWords || searchedFirsts.length === 0 ? null : wordsRegex(searchedFirsts),
    lowercaseWords: new Set(lowercaseFirsts),
    anchors: new Set(anchors),
    anchorBack,
    firstWords: new SpellingVerdicts(),
    followers: new SpellingTable(),
    secondWords: new SpellingTable(),
    pairs: new SpellingVerdicts(),
    thirdWords: new SpellingTable(),
    triples: new SpellingVerdicts(),
  };
  return {
    size: trie.size,
    typeOf: (entityId) => types.get(entityId),
    find(text: string, options?: FindOptions): Mention[] {
      const memory = options?.memory ?? newPageMemory();
      memory.waiting?.clear();
      return allWords ? findInAllWords(text, tries, memory) : findAtCapitals(text, tries, memory);
    },
  };
}

export function rootKeysStartWithDigit(trie: Trie): boolean {
  return [0, 1, 2].some((root) => trie.childKeys(root).some((key) => /^[0-9]/.test(key)));
}

interface Tries {
  /** The exact, light and heavy tries: nodes ROOTS[mode] and below. */
  trie: Trie;
  /** The aliases ending at a node, as the rules see them. */
  entriesAt(node: number): AliasEntry[];
  /** Where a name may start (see candidateRegex). */
  candidates: RegExp;
  /** The first words of the lowercase aliases without an anchor (see PreparedAlias), or null when there are none. */
  lowercaseFirsts: RegExp | null;
  /** The first words of all lowercase aliases, lowercased and as light keys. */
  lowercaseWords: Set<string>;
  /** Light and heavy keys of the anchors of lowercase aliases, and the most words an anchor stands after the start. */
  anchors: Set<string>;
  anchorBack: number;
  /** Can a name start with this spelling? VERDICT_* and WALK_* bits; see POSSESSIVE_SHIFT. */
  firstWords: SpellingVerdicts;
  /** For a spelling a name may start with: every key the name's second word may have (see firstWordFollowers). */
  followers: SpellingTable<Set<string>>;
  /** The keys a spelling is compared on as a name's second word (see secondWordForms). */
  secondWords: SpellingTable<string[] | null>;
  /** May a name go on from a first word to a second one? A PAIR_* verdict per pair of spellings (pairHash), 0 when not judged yet. */
  pairs: SpellingVerdicts;
  /** For a pair that no name ends at: the keys a third word may take (pairFollowers). */
  thirdWords: SpellingTable<Set<string>>;
  /** PAIR_STOPS or PAIR_ENDS per pair and third word (pairHash of the pair's hash and the word's). */
  triples: SpellingVerdicts;
}

interface Candidate {
  last: number;
  entries: AliasEntry[];
  /** Characters of a Turkish case suffix at the end of the last word, outside the name (Kerkük'te). */
  suffix: number;
}

/** The key of word j in a trie's mode. */
function keyAt(mode: Mode, t: Tokens, j: number): string {
  if (mode === MODE_EXACT) return rawAt(t, j);
  const info = infoAt(t, j);
  if (mode === MODE_LIGHT) return info.light;
  return isArticleAt(t, j) ? ARTICLE_KEY : info.heavy;
}

/** First-word verdict bits: the verdict is known; a name may start here; a name may also end here (one word). */
const VERDICT_KNOWN = 1;
const VERDICT_STARTS = 2;
const VERDICT_ALONE = 4;
/** The word may be the anchor of a lowercase alias starting a few words before (see PreparedAlias). */
const VERDICT_ANCHOR = 8;
/** Which walks can take a first step on the word: the others are not tried. */
const WALK_EXACT = 16;
const WALK_LIGHT = 32;
const WALK_HEAVY = 64;
const WALK_ALL = WALK_EXACT | WALK_LIGHT | WALK_HEAVY;
/** The verdict on a spelling with a possessive ('s) is kept in the same number, shifted. */
const POSSESSIVE_SHIFT = 8;

/** The WALK_* bit of each mode. */
const WALK_OF_MODE = [WALK_EXACT, WALK_LIGHT, WALK_HEAVY] as const;

/**
 * The keys each walk's first step may take on this word, as [mode, key]: its own keys, the article's key, and an
 * Arabic proclitic's stem (see walkAll).
 */
function firstStepKeys(raw: string, firstCode: number): Array<[Mode, string]> {
  const info = wordInfo(raw);
  const keys: Array<[Mode, string]> = [
    [MODE_EXACT, raw],
    [MODE_LIGHT, info.light],
    [MODE_HEAVY, info.heavy],
  ];
  if (info.article !== NOT_ARTICLE) keys.push([MODE_HEAVY, ARTICLE_KEY]);
  if (caseOfChar(firstCode) === CASE_NONE && ARABIC_PROCLITIC.test(raw)) {
    const stem = wordInfo(raw.slice(1));
    keys.push([MODE_LIGHT, stem.light], [MODE_HEAVY, stem.heavy]);
  }
  return keys;
}

/** VERDICT_STARTS, with VERDICT_ALONE, when the first step on key leads somewhere (0 when it does not). */
function firstStep(trie: Trie, root: Mode, key: string, possessive: boolean): number {
  const plain = trie.child(root, key);
  const inner = possessive ? trie.child(root, key + POSSESSIVE) : -1;
  if (plain < 0 && inner < 0) return 0;
  return VERDICT_STARTS | ((plain >= 0 && trie.hasEntries(plain)) || (inner >= 0 && trie.hasEntries(inner)) ? VERDICT_ALONE : 0);
}

/**
 * Where any walk could take its first step on this word (a superset of the words where walk finds something), and
 * whether it is the anchor of a lowercase alias.
 */
function firstWordVerdict(tries: Tries, raw: string, firstCode: number, possessive: boolean): number {
  const trie = tries.trie;
  const info = wordInfo(raw);
  let verdict = 0;
  for (const [mode, key] of firstStepKeys(raw, firstCode)) {
    const step = firstStep(trie, mode, key, possessive);
    if (step) verdict |= step | WALK_OF_MODE[mode];
  }
  if (tries.anchors.has(info.light) || tries.anchors.has(info.heavy)) verdict |= VERDICT_ANCHOR;
  const suffixed = TURKISH_SUFFIX.exec(raw);
  // The walks try a suffix's stem on any word: they all may find a name here.
  if (suffixed) verdict |= WALK_ALL;
  if (suffixed && (verdict & VERDICT_STARTS) === 0) {
    // A one-word name with a Turkish case suffix ends there: only a name of that one word can start here.
    const stem = wordInfo(suffixed[1] as string);
    const stemVerdict =
      firstStep(trie, MODE_EXACT, suffixed[1] as string, false) |
      firstStep(trie, MODE_LIGHT, stem.light, false) |
      firstStep(trie, MODE_HEAVY, stem.heavy, false);
    if (stemVerdict & VERDICT_ALONE) verdict |= VERDICT_STARTS | VERDICT_ALONE;
  }
  return verdict;
}

/**
 * Every key the second word of a name starting with this word may have, in any mode, with or without a
 * possessive on either word (the mark removed): the same first steps as firstWordVerdict, one step further.
 */
function firstWordFollowers(tries: Tries, raw: string, firstCode: number): Set<string> {
  const out = new Set<string>();
  for (const step of firstStepNodes(tries, raw, firstCode)) addNextKeys(out, tries.trie, step);
  return out;
}

/** The nodes the walks' first step on this word may reach, with or without a possessive. */
function firstStepNodes(tries: Tries, raw: string, firstCode: number): number[] {
  const out: number[] = [];
  for (const [mode, key] of firstStepKeys(raw, firstCode)) {
    for (const step of [tries.trie.child(mode, key), tries.trie.child(mode, key + POSSESSIVE)]) if (step >= 0) out.push(step);
  }
  return out;
}

/** The keys of the steps from node, the possessive mark removed. */
function addNextKeys(out: Set<string>, trie: Trie, node: number): void {
  for (const k of trie.childKeys(node)) out.add(k.endsWith(POSSESSIVE) ? k.slice(0, -POSSESSIVE.length) : k);
}

/**
 * The keys a third word may take after this first word and a second word with these forms (secondWordForms), or
 * null when a name may end at the second word. A superset, as firstWordFollowers.
 */
function pairFollowers(tries: Tries, firstRaw: string, firstCode: number, forms: string[]): Set<string> | null {
  const out = new Set<string>();
  for (const step of firstStepNodes(tries, firstRaw, firstCode)) {
    for (const form of forms) {
      const second = tries.trie.child(step, form);
      if (second < 0) continue;
      if (tries.trie.hasEntries(second)) return null;
      addNextKeys(out, tries.trie, second);
    }
  }
  return out;
}

/** Does a word with these keys (secondWordForms) follow a first word with these followers (firstWordFollowers)? */
function follows(forms: string[] | null, followers: Set<string>): boolean {
  if (forms === null) return true;
  for (const form of forms) if (followers.has(form)) return true;
  return false;
}

const HYPHENS = /[-\u2010\u2011]/g;

/** A word or hyphenated pair as compared: invisible characters, abbreviation dots and the pair's hyphen dropped. */
function unglued(surface: string): string {
  return surface.replace(JOINERS, '').replace(HYPHENS, '');
}

/**
 * Where the word after a hyphen right at rawEnd ends (its possessive excluded), or 0: Persian compounds are written
 * joined or hyphenated (Shariatmadari, Shariat-Madari), and the walks try the pair as one word.
 */
function gluedEnd(text: string, e: number, rawEnd: number): number {
  if (e !== rawEnd || rawEnd + 1 >= text.length || !isHyphen(text.charCodeAt(rawEnd))) return 0;
  if (!isWordCode(text.charCodeAt(rawEnd + 1))) return 0;
  const end = wordEnd(text, rawEnd + 1);
  return end - possessiveLength(text, rawEnd + 1, end);
}

/** Whether the hyphenated pair starting at p may start a name (Shariat-Madari for Shariatmadari). */
function startsGluedName(text: string, p: number, rawEnd: number, tries: Tries): boolean {
  const e = gluedEnd(text, rawEnd, rawEnd);
  if (e === 0) return false;
  const cache = tries.firstWords;
  const h = hashAt(text, p, e);
  const g = lastHash2;
  let verdict = cache.get(h, g);
  if ((verdict & VERDICT_KNOWN) === 0) {
    verdict |= VERDICT_KNOWN | firstWordVerdict(tries, unglued(text.slice(p, e)), text.charCodeAt(p), false);
    cache.set(h, g, verdict);
  }
  return (verdict & VERDICT_STARTS) !== 0;
}

/**
 * The keys a word is compared on as a name's second word, in every mode, and those of its stem when it carries a
 * Turkish case suffix; null for a middle initial, which the walks step over.
 */
function secondWordForms(raw: string): string[] | null {
  if (raw.length === 1 && caseOfChar(raw.charCodeAt(0)) === CASE_TITLE) return null;
  const info = wordInfo(raw);
  const forms = wordKeys(raw);
  if (info.article !== NOT_ARTICLE) forms.push(ARTICLE_KEY);
  const cut = suffixLength(raw);
  if (cut === 0) return forms;
  const stem = secondWordForms(raw.slice(0, -cut));
  return stem === null ? null : [...forms, ...stem];
}

/** A word's key in each mode: as written, light, heavy. A middle initial a name has (Donald J. Trump) is compared on these. */
function wordKeys(raw: string): string[] {
  const info = wordInfo(raw);
  return [raw, info.light, info.heavy];
}

const LOWERCASE_FIRSTS_LIMIT = 300;
/** Pair verdicts (followsAt). */
const PAIR_STOPS = 1;
const PAIR_ENDS = 2;
const PAIR_NEEDS_THIRD = 3;
/** The second word is a middle initial that no name has there: the walks may step over it. */
const PAIR_INITIAL = 4;
/** What cutNextWord finds instead of a word's start. */
const NO_WORD = -1;
const GLUED = -2;
let nonAsciiStarts: string | null = null;

/**
 * Where a word that may start a name can begin: an ASCII capital (or digit, when a key starts with one), or a
 * character outside ASCII that is not known to be punctuation or a lowercase letter. A superset: each hit is
 * checked against the tokenizer. Lowercase prose is skipped at the speed of the regex engine; the class stays
 * short because long classes make the engine slow.
 */
function candidateRegex(digits: boolean): RegExp {
  nonAsciiStarts ??= nonAsciiStartClass();
  return new RegExp(`[${digits ? '0-9' : ''}A-Z${nonAsciiStarts}]`, 'g');
}

/** The only blocks outside ASCII whose characters are sorted: elsewhere every character is a hit. */
const SORTED_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0xff], // Latin-1
  [0x2000, 0x206f], // General Punctuation
];

/**
 * The ranges of a regex class holding every BMP character from U+0080 that may start a name. Only the sorted blocks
 * are read, character by character (a loop over the whole BMP cost a tab 1.5 to 8 ms before its first scan).
 */
export function nonAsciiStartClass(): string {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let ranges = '';
  let runStart = 0x80;
  const endRun = (last: number) => {
    if (last >= runStart) ranges += runStart === last ? hex(runStart) : `${hex(runStart)}-${hex(last)}`;
  };
  for (const [from, to] of SORTED_BLOCKS) {
    for (let c = from; c <= to; c++) {
      if (isWordCode(c) && caseOfChar(c) !== CASE_LOWER) continue;
      endRun(c - 1);
      runStart = c + 1;
    }
  }
  endRun(0xffff);
  return ranges;
}

/** The given words anywhere; whether one starts a word there is checked against the tokenizer. */
function wordsRegex(words: string[]): RegExp {
  const alternatives = words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return new RegExp(alternatives, 'g');
}

/** Where re (global, never empty) matches in text. Not matchAll: it clones the regex on every call. */
function matchStarts(re: RegExp, text: string): number[] {
  const starts: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index);
  return starts;
}

/**
 * The usual case: names start with a capital or a letter without case. Only words at such places are cut,
 * forward as far as the longest name needs, and when a name is there, together with the two words before
 * (neighbour rules, article).
 */
function findAtCapitals(text: string, tries: Tries, memory: PageMemory): Mention[] {
  const found = newFound();
  const n = text.length;
  if (n === 0) return found.mentions;
  const caches = newCaches();
  const firstWords = tries.firstWords;
  const around = newTokens(16);
  /** The first word mayContinueName looks after: its hashes, its span, whether it holds characters to drop. */
  const first = { h: 0, g: 0, start: 0, end: 0, joined: false };
  /** Set by nextWordStart: whether the gap it crossed holds a hyphen. */
  let hyphenBetween = false;
  const re = tries.candidates;
  // Aliases written lowercase (place Tahrir) start at words found by a second, rarer search, merged in order.
  const lower = tries.lowercaseFirsts ? matchStarts(tries.lowercaseFirsts, text) : null;
  let li = 0;
  re.lastIndex = 0;
  for (;;) {
    const scanFrom = re.lastIndex;
    let p = re.test(text) ? re.lastIndex - 1 : n;
    if (lower) {
      while (li < lower.length && (lower[li] as number) < scanFrom) li++;
      if (li < lower.length && (lower[li] as number) < p) {
        p = lower[li++] as number;
        re.lastIndex = p + 1;
      }
    }
    if (p >= n) break;
    const c = text.charCodeAt(p);
    // The usual case, a capital after a space, starts a word; the others are checked.
    if (!((c - 0x41) >>> 0 < 26 && p > 0 && text.charCodeAt(p - 1) === 0x20)) {
      if (p > 0 && isWordCode(text.charCodeAt(p - 1))) {
        // inside a word (McElhattan, or a script without case): no word starts before its end
        let k = p + 1;
        while (k < n && isWordCode(text.charCodeAt(k))) k++;
        re.lastIndex = k;
        continue;
      }
      if (!isWordCode(c) || !isTokenStart(text, p)) continue;
      // A lowercase word is looked at only where the search for the lowercase first words found it.
      if (caseOfChar(c) === CASE_LOWER && !(lower && lower[li - 1] === p)) continue;
    }
    cutHashed(text, p);
    const { rawEnd, end: e, joined, h1: h, h2: g } = hashedWord;
    const possLength = rawEnd - e;
    re.lastIndex = rawEnd;
    const shift = possLength > 0 ? POSSESSIVE_SHIFT : 0;
    let known = firstWords.get(h, g);
    if (((known >> shift) & VERDICT_KNOWN) === 0) {
      const surface = text.slice(p, e);
      const raw = joined ? surface.replace(JOINERS, '') : surface;
      known |= (VERDICT_KNOWN | firstWordVerdict(tries, raw, c, possLength > 0)) << shift;
      firstWords.set(h, g, known);
    }
    const verdict = known >> shift;
    if (verdict & VERDICT_ANCHOR) {
      // A lowercase alias may start a few words back (place Tahrir): try there first, leftmost first.
      const end = matchBefore(p);
      if (end >= 0) {
        re.lastIndex = end;
        continue;
      }
    }
    // A hyphenated pair is also tried as one word (Shariat-Madari), in any walk.
    let walks = rawEnd < n && isHyphen(text.charCodeAt(rawEnd)) ? WALK_ALL : verdict & WALK_ALL;
    if ((verdict & VERDICT_STARTS) === 0) {
      if (possLength > 0 || !startsGluedName(text, p, rawEnd, tries)) continue;
      walks = WALK_ALL;
    } else if ((verdict & VERDICT_ALONE) === 0 && !mayContinueName(rawEnd, h, g, p, e, joined)) {
      // Many words start some name (As, United, January) but few are followed by one of its second words.
      continue;
    }
    const end = matchAt(p, walks);
    if (end >= 0) re.lastIndex = end;
  }
  return resolvePending(found, text, memory);

  /**
   * The name starting at the word at p, emitted; returns its end, or -1 when none is accepted there. Only the
   * given walks (WALK_* bits) are tried.
   */
  function matchAt(p: number, walks = WALK_ALL): number {
    // One word before is enough for most names (an article is part of the name); the rules that look further back
    // get three (below).
    let from = p;
    let i = 0;
    const before = p > 0 ? prevTokenStart(text, p) : -1;
    if (before >= 0) {
      from = before;
      i = 1;
    }
    let t = tokenizeRange(text, from, n, i + 2, around);
    // A new array: emptying one by its length costs a call into the engine's runtime.
    const candidates: Candidate[] = [];
    const clitic = walkAll(t, i, tries, candidates, walks);
    if (candidates.length === 0) return -1;
    if (i === 1 && needsWordsBefore(t, candidates)) {
      // Neighbour rules of one-word names, a name after an article, "Battle of al-Badr".
      let more = 0;
      while (more < 2) {
        const b = from > 0 ? prevTokenStart(text, from) : -1;
        if (b < 0) break;
        from = b;
        more++;
      }
      if (more > 0) {
        t = tokenizeRange(text, from, n, i + more + 2, around);
        i += more;
        for (const c of candidates) c.last += more;
      }
    }
    let deepest = 0;
    for (const c of candidates) if (c.last > deepest) deepest = c.last;
    // accepts and emit read the words up to the one after the name directly
    reach(t, deepest + 1);
    const hit = pick(t, i, candidates, clitic, memory, caches);
    if (!hit) return -1;
    emit(found, caches, t, i, hit, memory);
    return t.end[hit.last] as number;
  }

  /**
   * Could the word after the one ending at `from` be the second word of a name whose first word is at [p, e)
   * (hashes h and g)? A superset of what the walks accept: any separator but a blank line is let through, and a
   * middle initial always passes. Most first words that start a name are followed by a word that is none of its
   * second words (As a, January 2019, Mozilla Firefox), and the same pairs come back: judged once per pair. Where
   * no name ends at the pair (United States, Department of), the third word is judged the same way.
   */
  function mayContinueName(from: number, h: number, g: number, p: number, e: number, joined: boolean): boolean {
    first.h = h;
    first.g = g;
    first.start = p;
    first.end = e;
    first.joined = joined;
    const s = nextWordStart(from);
    if (s < 0) return false;
    // A hyphen may glue the two words into one (Shariat-Madari): then the walks' second key is further on.
    const gluedToFirst = hyphenBetween;
    cutHashed(text, s);
    const { rawEnd, end: secondEnd, joined: secondJoined, h1: sh, h2: sg } = hashedWord;
    const pair = followsAt(s, secondEnd, secondJoined, sh, sg);
    if (pair === PAIR_ENDS) return true;
    if (pair === PAIR_NEEDS_THIRD) {
      if (gluedToFirst || rawEnd !== secondEnd) return true;
      return thirdFollows(pairHash(h, sh), pairHash(g, sg), rawEnd);
    }
    if (pair === PAIR_INITIAL) return afterInitialFollows(rawEnd);
    const glued = gluedEnd(text, secondEnd, rawEnd);
    if (glued === 0) return false;
    const gh = hashAt(text, s, glued);
    return followsAt(s, glued, true, gh, lastHash2) !== PAIR_STOPS;
  }

  /** Where the next word starts from `from` on, or -1 at a blank line (no name runs across it) or the end. */
  function nextWordStart(from: number): number {
    let newlines = 0;
    hyphenBetween = false;
    for (let s = from; s < n; s++) {
      const c = text.charCodeAt(s);
      if (c === 0x20) continue;
      if (isWordCode(c)) return s;
      if (c === 0x0a && ++newlines === 2) return -1;
      if (isHyphen(c)) hyphenBetween = true;
    }
    return -1;
  }

  /**
   * How the word at [s, se) (hashes sh, sg) may follow the first word that mayContinueName looks after: not at all
   * (PAIR_STOPS), with a name that may end there (PAIR_ENDS), or only with a third word (PAIR_NEEDS_THIRD).
   */
  function followsAt(s: number, se: number, sJoined: boolean, sh: number, sg: number): number {
    const ph = pairHash(first.h, sh);
    const pg = pairHash(first.g, sg);
    let verdict = tries.pairs.get(ph, pg);
    if (verdict === 0) {
      const forms = formsAt(s, se, sJoined, sh, sg);
      const followers = followersAt(first.h, first.g, first.start, first.end, first.joined);
      if (forms === null && se - s === 1) {
        // A middle initial: the name may go on with it (Donald J. Trump), or with the next word, the walks stepping over it.
        verdict = follows(wordKeys(text.slice(s, se)), followers) ? PAIR_ENDS : PAIR_INITIAL;
      } else if (!follows(forms, followers)) verdict = PAIR_STOPS;
      else {
        const third = forms === null ? null : pairFollowers(tries, firstRawAt(), text.charCodeAt(first.start), forms);
        if (third === null) verdict = PAIR_ENDS;
        else {
          verdict = PAIR_NEEDS_THIRD;
          tries.thirdWords.set(ph, pg, third);
        }
      }
      tries.pairs.set(ph, pg, verdict);
    }
    return verdict;
  }

  /**
   * The next word from `from` on, cut into hashedWord: its start; NO_WORD at a blank line or the end; GLUED when a
   * hyphen before or after it may join it to a neighbour, as the walks then read it otherwise.
   */
  function cutNextWord(from: number): number {
    const s = nextWordStart(from);
    if (s < 0) return NO_WORD;
    if (hyphenBetween) return GLUED;
    cutHashed(text, s);
    const rawEnd = hashedWord.rawEnd;
    return rawEnd < n && isHyphen(text.charCodeAt(rawEnd)) ? GLUED : s;
  }

  /** May the word after a middle initial that ends at `from` follow the first word, the initial stepped over? */
  function afterInitialFollows(from: number): boolean {
    const s = cutNextWord(from);
    if (s < 0) return s === GLUED;
    const { end, joined, h1, h2 } = hashedWord;
    return followsAt(s, end, joined, h1, h2) !== PAIR_STOPS;
  }

  /** May the word after the second one, which ends at `from`, go on the pair whose hashes are ph and pg? */
  function thirdFollows(ph: number, pg: number, from: number): boolean {
    const s = cutNextWord(from);
    if (s < 0) return s === GLUED;
    const { end, joined, h1: th, h2: tg } = hashedWord;
    const qh = pairHash(ph, th);
    const qg = pairHash(pg, tg);
    let verdict = tries.triples.get(qh, qg);
    if (verdict === 0) {
      const third = tries.thirdWords.get(ph, pg);
      verdict = third === undefined || follows(formsAt(s, end, joined, th, tg), third) ? PAIR_ENDS : PAIR_STOPS;
      tries.triples.set(qh, qg, verdict);
    }
    return verdict !== PAIR_STOPS;
  }

  /** The secondWordForms of the word at [s, se), whose hashes are sh and sg. */
  function formsAt(s: number, se: number, joined: boolean, sh: number, sg: number): string[] | null {
    let forms = tries.secondWords.get(sh, sg);
    if (forms === undefined) {
      const surface = text.slice(s, se);
      forms = secondWordForms(joined ? unglued(surface) : surface);
      tries.secondWords.set(sh, sg, forms);
    }
    return forms;
  }

  function firstRawAt(): string {
    const surface = text.slice(first.start, first.end);
    return first.joined ? surface.replace(JOINERS, '') : surface;
  }

  /** The followers (firstWordFollowers) of the word at [p, e), whose hashes are h and g. */
  function followersAt(h: number, g: number, p: number, e: number, joined: boolean): Set<string> {
    let followers = tries.followers.get(h, g);
    if (followers === undefined) {
      const surface = text.slice(p, e);
      followers = firstWordFollowers(tries, joined ? surface.replace(JOINERS, '') : surface, text.charCodeAt(p));
      tries.followers.set(h, g, followers);
    }
    return followers;
  }

  /** A lowercase alias whose anchor is the word at p, starting up to anchorBack words before it. */
  function matchBefore(p: number): number {
    const lastEnd = Math.max(found.lastEnd, 0);
    let q = p;
    let start = -1;
    for (let back = 0; back < tries.anchorBack; back++) {
      q = q > 0 ? prevTokenStart(text, q) : -1;
      if (q < lastEnd) break;
      // The leftmost possible start wins, as when every word is cut.
      if (caseOfChar(text.charCodeAt(q)) === CASE_LOWER && tries.lowercaseWords.has(lowerWordAt(q))) start = q;
    }
    while (start >= 0) {
      const end = matchAt(start);
      if (end >= 0) return end;
      // not a name there: the next lowercase first word towards p
      start = nextLowercaseFirst(start, p);
    }
    return -1;
  }

  function lowerWordAt(q: number): string {
    return text.slice(q, wordEnd(text, q)).toLowerCase();
  }

  function nextLowercaseFirst(after: number, p: number): number {
    let q = wordEnd(text, after);
    while (q < p) {
      while (q < p && !isWordCode(text.charCodeAt(q))) q++;
      if (q >= p) break;
      if (caseOfChar(text.charCodeAt(q)) === CASE_LOWER && tries.lowercaseWords.has(lowerWordAt(q))) return q;
      q = wordEnd(text, q);
    }
    return -1;
  }
}

/** Datasets with a lowercase alias: every word may start a name, so the whole text is cut into words. */
function findInAllWords(text: string, tries: Tries, memory: PageMemory): Mention[] {
  const t = tokenize(text);
  const n = t.count;
  const found = newFound();
  if (n === 0) return found.mentions;
  const caches = newCaches();
  let i = 0;
  while (i < n) {
    const hit = matchAt(t, i, tries, memory, caches);
    if (!hit) {
      i++;
      continue;
    }
    emit(found, caches, t, i, hit, memory);
    i = hit.last + 1;
  }
  return resolvePending(found, text, memory);
}

/** Do the rules need words before the one before word 1 (see matchAt)? */
function needsWordsBefore(t: Tokens, candidates: Candidate[]): boolean {
  if (mayBeShortWord(t, 0) && (isArticleAt(t, 0) || infoAt(t, 0).light === 'of')) return true;
  for (const c of candidates) for (const entry of c.entries) if (entry.words === 1) return true;
  return false;
}

/** All walks from word i; returns 1 when the names found follow an Arabic proclitic. */
function walkAll(t: Tokens, i: number, tries: Tries, candidates: Candidate[], walks = WALK_ALL): number {
  if (walks & WALK_EXACT) walk(tries, MODE_EXACT, t, i, candidates);
  if (walks & WALK_LIGHT) walk(tries, MODE_LIGHT, t, i, candidates);
  if (walks & WALK_HEAVY) walk(tries, MODE_HEAVY, t, i, candidates);
  if (candidates.length === 0 && t.caseOf[i] === CASE_NONE && ARABIC_PROCLITIC.test(rawAt(t, i))) {
    const stem = wordInfo(rawAt(t, i).slice(1));
    walk(tries, MODE_LIGHT, t, i, candidates, stem.light);
    walk(tries, MODE_HEAVY, t, i, candidates, stem.heavy);
    return 1;
  }
  return 0;
}

interface Hit {
  last: number;
  entry: AliasEntry;
  suffix: number;
  /** Length of an Arabic proclitic before the name. */
  clitic: number;
  verdict: Verdict;
}

/** The name starting at word i, if any: the longest accepted one, among equal spellings the entity listed first. */
function matchAt(t: Tokens, i: number, tries: Tries, memory: PageMemory, caches: Caches): Hit | null {
  const candidates: Candidate[] = [];
  const clitic = walkAll(t, i, tries, candidates);
  return pick(t, i, candidates, clitic, memory, caches);
}

/**
 * Among the names the walks found at word i, the longest one the rules do not refuse, among equal spellings the
 * entity listed first; its verdict may wait for the rest of the page (see resolvePending).
 */
function pick(t: Tokens, i: number, candidates: Candidate[], clitic: number, memory: PageMemory, caches: Caches): Hit | null {
  if (candidates.length === 0) return null;
  if (candidates.length > 1) candidates.sort((a, b) => b.last - a.last || a.entries[0]!.index - b.entries[0]!.index);
  for (const c of candidates) {
    const ordered = c.entries.length > 1 ? [...c.entries].sort((a, b) => a.index - b.index) : c.entries;
    for (const entry of ordered) {
      const verdict = verdictOf(entry, t, i, c.last, memory, caches, c.suffix > 0);
      if (verdict !== REFUSED) return { last: c.last, entry, clitic, suffix: c.suffix, verdict };
    }
  }
  return null;
}

/** What a find call has found so far. */
interface Found {
  mentions: Mention[];
  /** Mentions whose verdict waits for the whole page, with that verdict. */
  pending: Array<{ mention: Mention; verdict: Verdict }>;
  /** End of the last name found, reported or not: a name after it may not take words before it. */
  lastEnd: number;
}

function newFound(): Found {
  return { mentions: [], pending: [], lastEnd: -1 };
}

function emit(found: Found, caches: Caches, t: Tokens, i: number, hit: Hit, memory: PageMemory): void {
  const { entry, last, clitic } = hit;
  let from = i;
  // "al-Khazali" for the alias "Khazali": the article belongs to the name. A detached "el" is Spanish more often
  // than Arabic (el Departamento de Estado), and stays out.
  const sep = t.sep[from];
  if (
    from > 0 &&
    isArticleAt(t, from - 1) &&
    (sep === SEP_HYPHEN || (sep === SEP_SPACE && infoAt(t, from - 1).light !== 'el')) &&
    !isArticleAt(t, from)
  ) {
    if (t.start[from - 1]! > found.lastEnd) from--;
  }
  const start = (t.start[from] as number) + (from === i ? clitic : 0);
  const end = (t.end[last] as number) - hit.suffix;
  found.lastEnd = end;
  caches.lastNameEnd = end;
  // A known longer name of something else (Trump Tower): found so that the name inside it is not, never reported.
  if (entry.alias.lookalike) return;
  const mention: Mention = { entityId: entry.alias.entityId, start, end, text: t.text.slice(start, end), alias: entry.alias.text };
  if (hit.verdict !== ACCEPTED) {
    found.pending.push({ mention, verdict: hit.verdict });
    return;
  }
  found.mentions.push(mention);
  if (entry.alias.match === 'always') memory.namedInFull.add(entry.alias.entityId);
}

/**
 * The mentions, with those whose verdict waited for the whole text decided: a surname whose person is named in
 * full anywhere in it, an acronym whose entity is, or whose block names another entity of the dataset.
 */
function resolvePending(found: Found, text: string, memory: PageMemory): Mention[] {
  const { mentions, pending } = found;
  if (pending.length === 0) return mentions;
  const accepted: Mention[] = [];
  for (const { mention, verdict } of pending) {
    if (memory.namedInFull.has(mention.entityId)) accepted.push(mention);
    else if (verdict !== IF_NAMED_ON_PAGE && namesAnotherInBlock(mentions, text, mention)) accepted.push(mention);
    else memory.waiting?.add(mention.entityId);
  }
  if (accepted.length === 0) return mentions;
  return [...mentions, ...accepted].sort((a, b) => a.start - b.start);
}

/** Does the block of `mention` hold a mention of another entity? */
function namesAnotherInBlock(mentions: readonly Mention[], text: string, mention: Mention): boolean {
  const start = blockStart(text, mention.start);
  const end = blockEnd(text, mention.start);
  return mentions.some((m) => m.entityId !== mention.entityId && m.start >= start && m.end <= end);
}

function isInitial(t: Tokens, j: number): boolean {
  return t.end[j]! - t.start[j]! === 1 && t.caseOf[j] === CASE_TITLE;
}

/** Arabic proclitics written joined to the next word: و (and), ف (so), ب (by), ل (for). */
const ARABIC_PROCLITIC = /^[\u0648\u0641\u0628\u0644][\u0600-\u06FF]{3,}/;

function walk(tries: Tries, mode: Mode, t: Tokens, from: number, out: Candidate[], firstKey?: string): void {
  const trie = tries.trie;
  const found = (last: number, node: number, suffix: number) => out.push({ last, entries: tries.entriesAt(node), suffix });
  let node: number = mode;
  let skippedInitial = false;
  for (let j = from; reach(t, j); j++) {
    if (j > from) {
      const s = t.sep[j] as number;
      if (s !== SEP_SPACE && s !== SEP_HYPHEN && s !== SEP_SOFT) return;
    }
    if (!trie.hasChildren(node)) return;
    const key = j === from && firstKey !== undefined ? firstKey : keyAt(mode, t, j);
    if (t.possessive[j]) {
      // "People's Mojahedin" goes on; "IRGC's Quds Force" is two names, and a possessive ends the second.
      const inner = trie.child(node, key + POSSESSIVE);
      const end = trie.child(node, key);
      if (end >= 0 && trie.hasEntries(end)) found(j, end, 0);
      if (inner < 0) return;
      node = inner;
      continue;
    }
    let child = trie.child(node, key);
    if (child < 0 && mode !== MODE_EXACT && reach(t, j + 1) && t.sep[j + 1] === SEP_HYPHEN) {
      // A compound written with a hyphen: Shariat-Madari for Shariatmadari.
      const glued = wordInfo(rawAt(t, j) + rawAt(t, j + 1));
      child = trie.child(node, mode === MODE_LIGHT ? glued.light : glued.heavy);
      if (child >= 0) {
        j++;
        if (t.possessive[j]) {
          if (trie.hasEntries(child)) found(j, child, 0);
          return;
        }
      }
    }
    if (child < 0 && mode !== MODE_EXACT) {
      const cut = suffixLength(rawAt(t, j));
      if (cut > 0) {
        const stem = wordInfo(rawAt(t, j).slice(0, -cut));
        const end = trie.child(node, mode === MODE_LIGHT ? stem.light : stem.heavy);
        if (end >= 0 && trie.hasEntries(end)) found(j, end, cut);
        return;
      }
    }
    if (child < 0) {
      // A middle initial the alias does not have: Donald J. Trump, Michael R. Pompeo.
      if (mode !== MODE_EXACT && j > from && !skippedInitial && isInitial(t, j)) {
        skippedInitial = true;
        continue;
      }
      return;
    }
    node = child;
    if (trie.hasEntries(node)) found(j, node, 0);
  }
}

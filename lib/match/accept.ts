import { blockInfoOf, type Caches, containsSequence } from './blocks';
import {
  ARABIC_SCRIPT_GIVEN_NAMES,
  EVENTS_BEFORE_OF,
  FOLLOWERS,
  GENERATION_SUFFIXES,
  INSTITUTION_WORDS,
  NAMING_WORDS,
  NATIONALITIES,
  OFFICE_QUALIFIERS,
  PATRONYMICS,
  PERSON_TITLES,
  ROLE_WORDS,
  STANDALONE_BEFORE,
} from './rules';
import {
  CASE_LOWER,
  CASE_NONE,
  CASE_TITLE,
  infoAt,
  rawAt,
  reach,
  SEP_HARD,
  SEP_HYPHEN,
  SEP_SOFT,
  SEP_SPACE,
  type Tokens,
  tokenize,
  tokenizeRange,
} from './tokenize';
import type { MatcherAlias, PageMemory } from './types';
import { isArticleAt, isCapital, mayBeShortWord, suffixLength } from './words';

/**
 * The acceptance rules: whether a spelling found in the text is a mention of the alias's entity. The matcher's scan
 * finds every place where an alias is spelled; `verdictOf` decides, by the rules below in this order: capitals,
 * neighbours (headlines among them), titles, then what the alias's own kind needs (acronyms, surnames, context words).
 */

/** The alias as the rules see it, made once when the matcher is built. */
export interface AliasEntry {
  index: number;
  alias: MatcherAlias;
  /** Number of words in the alias as written; one-word names get the stricter neighbour rules. */
  words: number;
  /** Whether the alias itself starts with a capital letter (names do; a deliberately lowercase alias does not). */
  capitalized: boolean;
  /** Context words, each as a sequence of light keys. */
  context: string[][];
  /** The entity's fitting titles (dataset `titles`), each as a sequence of light keys (see titleKeys). */
  titles: string[][];
  /** Written in capitals and matched exactly (IRGC, NCRI, K-1). */
  acronym: boolean;
}

/** The rules' answer: no, yes, or yes once the rest of the page is known (see resolvePending in the matcher). */
export const REFUSED = 0;
export const ACCEPTED = 1;
/** Yes if the entity is named in full anywhere on the page, before or after. */
export const IF_NAMED_ON_PAGE = 2;
/** Yes if the entity is named in full anywhere on the page, or another entity of the dataset in the same block. */
export const IF_PAGE_IS_ABOUT_IT = 3;
export type Verdict = typeof REFUSED | typeof ACCEPTED | typeof IF_NAMED_ON_PAGE | typeof IF_PAGE_IS_ABOUT_IT;

const ACRONYM = /^[\p{Lu}\d][\p{Lu}\d.&-]*$/u;
/** Longer acronyms (IRGC-QF) are rare enough to be read as they are. */
const ACRONYM_LETTERS = 5;

/** A short acronym: capitals and digits, at most five of them (NCRI, PMF, K-1; not IRGC-QF). */
export function isAcronym(alias: MatcherAlias): boolean {
  if (alias.caseSensitive !== true || !ACRONYM.test(alias.text) || !/\p{Lu}/u.test(alias.text)) return false;
  return alias.text.replace(/[.&-]/g, '').length <= ACRONYM_LETTERS;
}

/** A title as the rules compare it: light keys, a possessive kept as `'s` ("Iran's"). */
export function titleKeys(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, k) => infoAt(t, k).light + (t.possessive[k] ? "'s" : ''));
}

/**
 * Whether the name found at words i..last is a mention of entry's entity. `suffixed`: the last word carries a
 * Turkish case suffix, which ends the name as a possessive does.
 */
export function verdictOf(
  entry: AliasEntry,
  t: Tokens,
  i: number,
  last: number,
  memory: PageMemory,
  caches: Caches,
  suffixed = false,
): Verdict {
  if (!isWrittenAsName(entry, t, i, last)) return REFUSED;
  if (isPartOfAnotherName(entry, t, i, last, caches, suffixed)) return REFUSED;
  if (entry.alias.lookalike) return ACCEPTED;
  const title = titleBefore(entry, t, i, last);
  if (title === TITLE_UNFIT) return REFUSED;
  const named = memory.namedInFull.has(entry.alias.entityId);
  if (entry.acronym) return acronymVerdict(entry, t, i, named, caches);
  if (entry.alias.match === 'after-full-name') return surnameVerdict(named, title);
  if (entry.alias.match === 'context') return contextVerdict(entry, t, i, named, caches);
  return ACCEPTED;
}

/**
 * Capitals. A name is written as a name: the first word after any article starts with a capital, or is in a script
 * without case. Acronyms are matched exactly as written, and aliases written lowercase on purpose (`place Tahrir`)
 * as written.
 *
 * - "Donald Trump", "al-Khazali", "خامنه‌ای": names.
 * - "a trump card", "the badr of the month", "mek": words, not names.
 */
export function isWrittenAsName(entry: AliasEntry, t: Tokens, i: number, last: number): boolean {
  if (entry.alias.caseSensitive || !entry.capitalized) return true;
  let k = i;
  while (k < last && isArticleAt(t, k)) k++;
  return t.caseOf[k] !== CASE_LOWER;
}

/**
 * Neighbours. A name must not be a part of a longer, different name, nor of an event's.
 *
 * Every name:
 * - quotes and brackets inside it pair up: `Dale "Chip" McElhattan`, but not "(IRGC) Qods Force";
 * - a generation suffix makes another person: "Donald Trump Jr.";
 * - "Battle of Badr", "Siege of Karbala" are events.
 *
 * A one-word name (oneWordStandsApart): "Ivanka Trump", "Trump Tower", "Hashd al-Watani", "Badr bin Abdullah",
 * "Prince Badr", "a Sherpa named Dawa", مجتبی خامنه‌ای are other names.
 *
 * A name of an organization or place of several words (groupStandsApart): "Pennsylvania Department of State",
 * "Department of State Development", "K-1 World Grand Prix" are other names.
 */
export function isPartOfAnotherName(entry: AliasEntry, t: Tokens, i: number, last: number, caches: Caches, suffixed: boolean): boolean {
  if (last > i && !balancedInside(t, i, last)) return true;
  const next = last + 1;
  if (
    reach(t, next) &&
    (t.sep[next] === SEP_SPACE || t.sep[next] === SEP_HARD) &&
    mayBeShortWord(t, next) &&
    GENERATION_SUFFIXES.has(infoAt(t, next).light) &&
    !t.possessive[last]
  ) {
    return true;
  }
  if (isInEventName(t, i)) return true;
  if (entry.alias.lookalike) return false;
  if (entry.words === 1 && !entry.alias.caseSensitive) return !oneWordStandsApart(entry, t, i, last, caches, suffixed);
  if (entry.words > 1 && entry.capitalized && isGroup(entry)) return !groupStandsApart(t, i, last, caches);
  return false;
}

function isGroup(entry: AliasEntry): boolean {
  const type = entry.alias.entityType;
  return type === 'organization' || type === 'place';
}

/** The word before the name at word i, stepping over the name's own article ("Laith al-Khaz'ali": Laith), or -1. */
function wordBefore(t: Tokens, i: number): number {
  const viaArticle = i >= 2 && isArticleAt(t, i - 1) && (t.sep[i] === SEP_SPACE || t.sep[i] === SEP_HYPHEN);
  return viaArticle ? i - 2 : i - 1;
}

/**
 * Is word k a capitalized word joined by a space to the word after it, so that the two may be one name? Not when
 * it ends with a possessive or a Turkish case suffix (Kerkük'te), nor when it ends a name found just before
 * ("IRGC Quds Force", "Devrim Muhafızları Kudüs Gücü": two names of the dataset side by side).
 */
function capitalJoinedAfter(t: Tokens, k: number, caches: Caches): boolean {
  if (k < 0 || t.sep[k + 1] !== SEP_SPACE || !isCapital(t.caseOf[k]) || t.possessive[k]) return false;
  if (caches.lastNameEnd === t.end[k]) return false;
  return !(mayHaveSuffix(t, k) && suffixLength(rawAt(t, k)) > 0);
}

/** Can word k carry a Turkish case suffix: an apostrophe inside it? */
function mayHaveSuffix(t: Tokens, k: number): boolean {
  return t.joined[k] === 1 || t.plain[k] !== 1;
}

/**
 * One-word names. A capitalized word right before makes the name part of a longer one ("Ivanka Trump", "Mojtaba
 * Khamenei", "Leila Soleimani"), unless it is a title, office, nationality or a common sentence opener
 * ("President Trump", "Ayatollah Khamenei", "Later Khazali"); so does a capitalized word right after ("Trump
 * Tower"), unless it is a reporting verb ("Khamenei Said"). On a headline (isHeadline) capitals say nothing, and
 * only the dataset's known longer names decide ("Will Trump Be Impeached?" is Trump; "Trump Tower Opens" is not:
 * see `lookalikes`). In any line:
 * - an Arabic article and a capital after it continue the name: "Hashd al-Watani" is not the Hashd;
 * - a patronymic after it makes it a given name: "Prince Badr bin Abdullah";
 * - a person's title or "named" before a name of an organization or place makes it a person's: "Prince Badr",
 *   "a Sherpa named Dawa";
 * - in a script without capitals, a common given name before it: مجتبی خامنه‌ای (Mojtaba Khamenei).
 */
function oneWordStandsApart(entry: AliasEntry, t: Tokens, i: number, last: number, caches: Caches, suffixed: boolean): boolean {
  const next = last + 1;
  const prev = wordBefore(t, i);
  const hasNext = reach(t, next) && !t.possessive[last] && !suffixed;
  if (hasNext && t.sep[next] === SEP_SPACE && startsArticleName(t, next)) return false;
  if (hasNext && (t.sep[next] === SEP_SPACE || t.sep[next] === SEP_HARD) && mayBeShortWord(t, next)) {
    if (PATRONYMICS.has(infoAt(t, next).light)) return false;
  }
  if (prev >= 0 && t.sep[prev + 1] === SEP_SPACE && !t.possessive[prev]) {
    const before = infoAt(t, prev).light;
    if (isGroup(entry) && (PERSON_TITLES.has(before) || NAMING_WORDS.has(before))) return false;
    if (t.caseOf[prev] === CASE_NONE && t.caseOf[i] === CASE_NONE && ARABIC_SCRIPT_GIVEN_NAMES.has(before)) return false;
  }
  const prevJoined = capitalJoinedAfter(t, prev, caches);
  const nextJoined = hasNext && t.sep[next] === SEP_SPACE && isCapital(t.caseOf[next]);
  if (!prevJoined && !nextJoined) return true;
  if (isHeadline(t, i, caches.headlines)) return !usedAsCommonWord(t, i, caches);
  if (prevJoined) {
    const before = infoAt(t, prev).light;
    if (!STANDALONE_BEFORE.has(before) && !isArticleAt(t, prev)) return false;
  }
  return !nextJoined || FOLLOWERS.has(infoAt(t, next).light);
}

/** Does word k start "al-Watani": an Arabic article hyphen- or space-joined to a capitalized word? */
function startsArticleName(t: Tokens, k: number): boolean {
  if (!isArticleAt(t, k) || !reach(t, k + 1)) return false;
  const s = t.sep[k + 1];
  return (s === SEP_HYPHEN || s === SEP_SPACE) && isCapital(t.caseOf[k + 1]);
}

/**
 * Names of organizations and places of several words. Many are made of common words (Department of State, Green
 * Zone, Revolutionary Guard), and so stand inside other names: a capitalized word right before that is no title,
 * nationality or opener ("Pennsylvania Department of State"), or the head noun of an institution right after
 * ("Department of State Development", "Department of State Health Services"), makes the name another one.
 * "U.S. State Department", "La Guardia Revolucionaria", "the IRGC Quds Force", "the PMU Abu Mahdi al-Muhandis":
 * the name itself. Headlines are left to the known longer names, as for one word.
 */
function groupStandsApart(t: Tokens, i: number, last: number, caches: Caches): boolean {
  const prev = wordBefore(t, i);
  const next = last + 1;
  const prevJoined = capitalJoinedAfter(t, prev, caches) && !STANDALONE_BEFORE.has(infoAt(t, prev).light) && !isArticleAt(t, prev);
  const nextJoined =
    reach(t, next) &&
    !t.possessive[last] &&
    t.sep[next] === SEP_SPACE &&
    isCapital(t.caseOf[next]) &&
    INSTITUTION_WORDS.has(infoAt(t, next).light);
  if (!prevJoined && !nextJoined) return true;
  return isHeadline(t, i, caches.headlines);
}

/**
 * Does the text use the name's word in lowercase, as a common word ("drew trump in two rounds")? Then a Title
 * Case line's capital says nothing of a name: "When to Draw Trump" above it is the card game.
 */
function usedAsCommonWord(t: Tokens, i: number, caches: Caches): boolean {
  const word = infoAt(t, i).light;
  let used = caches.commonWords.get(word);
  if (used === undefined) {
    used = /^[a-z]+$/.test(word) && new RegExp(`(?:^|[^\\p{L}])${word}s?(?![\\p{L}])`, 'u').test(t.text);
    caches.commonWords.set(word, used);
  }
  return used;
}

/**
 * Headlines. A line (the words between two line breaks) is a headline when it is written in Title Case or capitals,
 * whatever its markup: at least three words of four letters or more with case, three in four of them capitalized,
 * and no closing full stop (a question or exclamation mark may close it). There every word has a capital, so a
 * capital next to a name says nothing.
 *
 * - "Ex-Spy Who Compiled Trump Dossier, Goes to Ground", "Will Trump Be Impeached?", "PM VISITS BASRA": headlines.
 * - "Khamenei Said on Tuesday That Iran Would Respond." and "Qais al-Khazali met Hadi al-Amiri in Baghdad": not.
 */
export function isHeadline(t: Tokens, i: number, cache: Map<number, boolean>): boolean {
  const text = t.text;
  const at = t.start[i] as number;
  const a = text.lastIndexOf('\n', at) + 1;
  const known = cache.get(a);
  if (known !== undefined) return known;
  let b = text.indexOf('\n', at);
  if (b < 0) b = text.length;
  const line = tokenizeRange(text, a, b, Number.POSITIVE_INFINITY);
  let long = 0;
  let capitalized = 0;
  for (let k = 0; k < line.count; k++) {
    const c = line.caseOf[k];
    if ((line.end[k] as number) - (line.start[k] as number) >= 4 && c !== CASE_NONE) {
      long++;
      if (c === CASE_TITLE) capitalized++;
    }
  }
  const lastEnd = line.end[line.count - 1] as number;
  const tail = text.slice(lastEnd, lastEnd + 3).trimStart();
  const headline = long >= 3 && capitalized / long >= 0.75 && !tail.startsWith('.');
  cache.set(a, headline);
  return headline;
}

const TITLE_NONE = 0;
const TITLE_FITS = 1;
const TITLE_UNFIT = 2;
type TitleVerdict = typeof TITLE_NONE | typeof TITLE_FITS | typeof TITLE_UNFIT;

/** How many words before a name a title may take ("Secretary of State", "Supreme Leader Ayatollah"). */
const TITLE_WORDS = 4;

/**
 * Titles. The words right before a one-word name of a person may be a title that fits the entity (its `titles`
 * in the dataset), one that does not, or none:
 * - fits: "Prime Minister Kadhimi", "Gen. Soleimani", "Ayatollah Khamenei", "Secretary Pompeo", "Iraqi Prime
 *   Minister al-Kadhimi";
 * - does not fit: an office, rank or occupation that is not the entity's ("Vice President al-Hashimi", "Iranian
 *   diplomat Kazemi", "nuclear scientist Amiri"), or the entity's office qualified into another ("Vice President
 *   Trump" is not "President Trump");
 * - none: anything else, honorifics included ("Mr Khazali", "Dr. Yacoub" when Dr. is not listed).
 * Before a name of an organization, the titles are its country: another country there makes it another
 * country's body ("Libya's Revolutionary Guard", "the Libyan Revolutionary Guard", "Revolutionary Guard of Libya").
 */
function titleBefore(entry: AliasEntry, t: Tokens, i: number, last: number): TitleVerdict {
  const type = entry.alias.entityType;
  if (type === 'organization') return countryFits(entry, t, i, last);
  if (type !== 'person' || entry.words !== 1) return TITLE_NONE;
  const before = wordsBefore(t, i, TITLE_WORDS + 1);
  if (before.length === 0) return TITLE_NONE;
  for (const title of entry.titles) {
    if (!endsWith(before, title)) continue;
    const qualifier = before[before.length - title.length - 1];
    if (qualifier === undefined || !OFFICE_QUALIFIERS.has(qualifier)) return TITLE_FITS;
  }
  return ROLE_WORDS.has(before[before.length - 1] as string) ? TITLE_UNFIT : TITLE_NONE;
}

function countryFits(entry: AliasEntry, t: Tokens, i: number, last: number): TitleVerdict {
  if (entry.titles.length === 0) return TITLE_NONE;
  const fitting = new Set(entry.titles.map((title) => title[title.length - 1]));
  const foreign = (word: string | undefined) => word !== undefined && NATIONALITIES.has(word.replace(/'s$/, '')) && !fitting.has(word);
  if (foreign(wordsBefore(t, i, 1)[0])) return TITLE_UNFIT;
  // "the Revolutionary Guard of Libya"
  const of = last + 1;
  if (reach(t, of + 1) && t.sep[of] === SEP_SPACE && t.sep[of + 1] === SEP_SPACE && infoAt(t, of).light === 'of') {
    const k = isArticleAt(t, of + 1) || infoAt(t, of + 1).light === 'the' ? of + 2 : of + 1;
    if (reach(t, k) && foreign(infoAt(t, k).light)) return TITLE_UNFIT;
  }
  return TITLE_NONE;
}

/**
 * Up to n words right before the name at word i (its own article stepped over), as titleKeys gives them, nearest
 * last. Only words joined by spaces count: a title stands in the same phrase.
 */
function wordsBefore(t: Tokens, i: number, n: number): string[] {
  const out: string[] = [];
  let k = wordBefore(t, i);
  let sep = t.sep[k + 1];
  while (k >= 0 && out.length < n && (sep === SEP_SPACE || sep === SEP_HYPHEN)) {
    out.unshift(infoAt(t, k).light + (t.possessive[k] ? "'s" : ''));
    sep = t.sep[k];
    k--;
  }
  return out;
}

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length === 0 || tail.length > words.length) return false;
  const offset = words.length - tail.length;
  for (let m = 0; m < tail.length; m++) if (words[offset + m] !== tail[m]) return false;
  return true;
}

/**
 * Surnames (`after-full-name`). A surname shared by many people counts when the person is named in full anywhere
 * on the page, before or after it (the headline "Kadhimi Replaces Fayyadh" above a body that names both), or when
 * a title that fits stands before it ("Prime Minister Kadhimi"). The dataset decides per person which surnames
 * are distinctive enough to stand alone (`surnames`): those are `always` aliases and need neither.
 *
 * - "Mustafa al-Kadhimi ... Kadhimi said", "Kadhimi said ... Mustafa al-Kadhimi", "Prime Minister Kadhimi said": him.
 * - "Kadhimi flew to Riyadh" alone on a page: not known.
 */
export function surnameVerdict(named: boolean, title: TitleVerdict): Verdict {
  return named || title === TITLE_FITS ? ACCEPTED : IF_NAMED_ON_PAGE;
}

/**
 * Context words (`context`). A word that is a name in one sense only counts when one of its context words is in the
 * same block, or the entity is named in full anywhere on the page.
 *
 * - "Badr fighters and other militias": the Badr Organization ("militias").
 * - "the badr of the month", "Badr Hari won the fight": not.
 */
export function contextVerdict(entry: AliasEntry, t: Tokens, i: number, named: boolean, caches: Caches): Verdict {
  if (named || hasContextWord(entry, t, i, caches)) return ACCEPTED;
  return IF_NAMED_ON_PAGE;
}

function hasContextWord(entry: AliasEntry, t: Tokens, i: number, caches: Caches): boolean {
  if (entry.context.length === 0) return false;
  const info = blockInfoOf(t, i, caches);
  return entry.context.some((seq) => containsSequence(info, seq));
}

/**
 * Acronyms. Letters in capitals stand for many names (NCRI is also the UK's National Cancer Research Institute,
 * CNRI the Corporation for National Research Initiatives), so an acronym counts only on a page about its entity:
 * the entity named in full anywhere on the page, one of its context words in the same block, or another entity
 * of the dataset named in the same block.
 *
 * - "The National Council of Resistance of Iran (NCRI) said", "the NCRI and Maryam Rajavi's MEK ... Tehran": the NCRI.
 * - "a grant from the National Cancer Research Institute (NCRI)": not.
 */
export function acronymVerdict(entry: AliasEntry, t: Tokens, i: number, named: boolean, caches: Caches): Verdict {
  if (named || hasContextWord(entry, t, i, caches)) return ACCEPTED;
  return IF_PAGE_IS_ABOUT_IT;
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

/** Is the name at word i (or its article) preceded by "Battle of", "Siege of"? */
function isInEventName(t: Tokens, i: number): boolean {
  const k = i > 0 && isArticleAt(t, i - 1) ? i - 1 : i;
  if (k < 2 || t.sep[k] !== SEP_SPACE || t.sep[k - 1] !== SEP_SPACE) return false;
  return mayBeShortWord(t, k - 1) && infoAt(t, k - 1).light === 'of' && EVENTS_BEFORE_OF.has(infoAt(t, k - 2).light);
}

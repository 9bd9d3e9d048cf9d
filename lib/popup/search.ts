import type { CompiledEntity } from '../dataset/types';

const MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2018\u2019\u02BC\u02BE\u02BF\u02BB\u0060\u00B4\u2032]/g;
const SEPARATORS = /[\s\u00a0\-\u2010-\u2015_.,;:()/]+/g;

/** Folds case, diacritics, apostrophes and hyphens so that "qais al khazali" finds "Qays al-Khazʿali". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(SEPARATORS, ' ')
    .trim();
}

/** A search index of one entity: its folded name, aliases and descriptor, built once per dataset. */
export interface SearchKeys {
  names: string[];
}

export function searchKeysOf(entity: CompiledEntity): SearchKeys {
  return { names: [entity.name, ...entity.aliases].map(fold) };
}

/**
 * Does the entity answer the query? Every word of the query must start a word of one alias (or the
 * canonical name), so "khaz" finds Khazali and "al kh" finds al-Khazali, but "azal" does not.
 */
export function matchesQuery(keys: SearchKeys, query: string): boolean {
  const q = fold(query);
  if (!q) return true;
  const words = q.split(' ');
  return keys.names.some((name) => {
    const padded = ` ${name}`;
    return words.every((w) => padded.includes(` ${w}`));
  });
}

/** The alias that made the entity match, when it is not the canonical name (shown as "also: …"). */
export function matchedAlias(entity: CompiledEntity, query: string): string | null {
  const q = fold(query);
  if (!q) return null;
  const words = q.split(' ');
  const hit = (s: string) => words.every((w) => ` ${fold(s)}`.includes(` ${w}`));
  if (hit(entity.name)) return null;
  return entity.aliases.find(hit) ?? null;
}

import type { MatcherAlias, MatchRule } from './types';

/**
 * The aliases as a match pack stores them: a column per field, so that a tab parses two arrays of strings rather
 * than an object per alias (100,000 objects cost a tab ~70 ms), and makes an alias object only when a walk reaches
 * it (aliasList).
 */
export interface AliasColumns {
  entityIds: string[];
  texts: string[];
  /** One character per alias: its match rule (see RULE_CODES). */
  rules: string;
  /** One character per alias: its entity's type (see TYPE_CODES), '-' for none. */
  types: string;
  /** By alias index, the fields few aliases have: context words, titles, case sensitivity, look-alike. */
  more: Record<string, Pick<MatcherAlias, 'context' | 'titles' | 'caseSensitive' | 'lookalike'>>;
}

const RULE_CODES: Record<MatchRule, string> = { always: 'a', 'after-full-name': 'f', context: 'c' };
const TYPE_CODES: Record<NonNullable<MatcherAlias['entityType']>, string> = { person: 'p', organization: 'o', place: 'l' };
const RULES = new Map(Object.entries(RULE_CODES).map(([rule, code]) => [code, rule as MatchRule]));
const TYPES = new Map(Object.entries(TYPE_CODES).map(([type, code]) => [code, type as NonNullable<MatcherAlias['entityType']>]));

/** What a matcher reads its aliases from: an array, or a pack's columns (aliasList). */
export interface AliasList {
  readonly length: number;
  at(index: number): MatcherAlias | undefined;
}

export function aliasColumns(aliases: readonly MatcherAlias[]): AliasColumns {
  const more: AliasColumns['more'] = {};
  aliases.forEach((a, i) => {
    const extra: AliasColumns['more'][string] = {};
    if (a.context) extra.context = a.context;
    if (a.titles) extra.titles = a.titles;
    if (a.caseSensitive) extra.caseSensitive = true;
    if (a.lookalike) extra.lookalike = true;
    if (Object.keys(extra).length > 0) more[i] = extra;
  });
  return {
    entityIds: aliases.map((a) => a.entityId),
    texts: aliases.map((a) => a.text),
    rules: aliases.map((a) => RULE_CODES[a.match]).join(''),
    types: aliases.map((a) => (a.entityType ? TYPE_CODES[a.entityType] : '-')).join(''),
    more,
  };
}

/** Whether stored columns have the shape aliasList reads (the background wrote them from validated aliases). */
export function isAliasColumns(v: unknown): v is AliasColumns {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<AliasColumns>;
  const n = Array.isArray(c.texts) ? c.texts.length : -1;
  return (
    Array.isArray(c.entityIds) &&
    c.entityIds.length === n &&
    typeof c.rules === 'string' &&
    c.rules.length === n &&
    typeof c.types === 'string' &&
    c.types.length === n &&
    typeof c.more === 'object' &&
    c.more !== null
  );
}

/** The aliases of stored columns, each made on first use. */
export function aliasList(columns: AliasColumns): AliasList {
  const made: Array<MatcherAlias | undefined> = [];
  const length = columns.texts.length;
  return {
    length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
      const alias = made[index] ?? aliasAt(columns, index);
      made[index] = alias;
      return alias;
    },
  };
}

function aliasAt(columns: AliasColumns, i: number): MatcherAlias {
  const alias: MatcherAlias = {
    entityId: columns.entityIds[i] as string,
    text: columns.texts[i] as string,
    match: RULES.get(columns.rules[i] as string) ?? 'context',
  };
  const type = TYPES.get(columns.types[i] as string);
  if (type) alias.entityType = type;
  const more = columns.more[i];
  if (more?.context) alias.context = more.context;
  if (more?.titles) alias.titles = more.titles;
  if (more?.caseSensitive) alias.caseSensitive = true;
  if (more?.lookalike) alias.lookalike = true;
  return alias;
}

import type { z } from 'zod';
import { aliasKeySequences, createMatcherFromTables, lightKey, type MatcherAlias, matcherTables, modeOf } from '../match';
import { deriveExcerpts } from './excerpts';
import { type ArticleMeta, type DatasetInput, datasetSchema, type EntityInput, type SurnameDecision } from './schema';
import type { CompiledDataset } from './types';

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset is invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'DatasetError';
  }
}

export interface ArticleSource {
  meta: ArticleMeta;
  text: string;
}

export interface CompileOptions {
  /** The bundled dataset must be grounded: every entity mentioned at least once in the article set. */
  requireMentions?: boolean;
}

const MAX_PROBLEMS = 50;
const MAX_TOTAL_ALIASES = 1_000_000;

/** Where a schema problem is, for people: `entity "id", field aliases[2].text`. */
export function describePath(input: unknown, path: ReadonlyArray<PropertyKey>): string {
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const entities = (input as { entities?: unknown[] }).entities;
    const entity = entities?.[path[1]] as { id?: unknown } | undefined;
    const id = typeof entity?.id === 'string' ? `entity "${entity.id}"` : `entity #${path[1] + 1}`;
    const rest = path
      .slice(2)
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return rest ? `${id}, field ${rest}` : id;
  }
  return path.length ? `field ${path.map(String).join('.')}` : 'the file';
}

function schemaProblems(input: unknown, error: z.ZodError): string[] {
  return error.issues.slice(0, MAX_PROBLEMS).map((issue) => `${describePath(input, issue.path)}: ${issue.message}`);
}

function wordCount(text: string): number {
  return text.trim().split(/[\s\u00a0-]+/).length;
}

/** The entity's decision on a one-word name, if it made one (`surnames`). */
function surnameDecision(e: EntityInput, text: string): SurnameDecision | undefined {
  if (!e.surnames || wordCount(text) > 1) return undefined;
  const key = lightKey(text);
  return e.surnames.find((d) => lightKey(d.text) === key);
}

const MATCH_OF_SURNAME_RULE = { 'stands-alone': 'always', 'needs-full-name': 'after-full-name' } as const;

function aliasOf(e: EntityInput, a: EntityInput['aliases'][number]): MatcherAlias {
  const words = wordCount(a.text);
  const decision = surnameDecision(e, a.text);
  const decided = decision && decision.rule !== 'not-a-surname' ? MATCH_OF_SURNAME_RULE[decision.rule] : undefined;
  const alias: MatcherAlias = {
    entityId: e.id,
    text: a.text,
    match: a.match ?? decided ?? (a.caseSensitive || words > 1 ? 'always' : 'after-full-name'),
  };
  if (a.context?.length) alias.context = a.context;
  if (a.caseSensitive) alias.caseSensitive = true;
  return withEntityRules(e, alias);
}

/** What the acceptance rules need of the entity: its type, and its titles where they are read (see MatcherAlias). */
function withEntityRules(e: EntityInput, alias: MatcherAlias): MatcherAlias {
  alias.entityType = e.type;
  if (e.titles?.length && (e.type !== 'person' || wordCount(alias.text) === 1)) alias.titles = e.titles;
  return alias;
}

const LATIN_WORD = /^[\p{Script=Latin}'’]{4,}$/u;

/**
 * A person named in full may then be called by surname alone: "Hadi al-Amiri ... Amiri said". The surname of
 * every full name becomes an `after-full-name` alias, unless the dataset lists it already or another entity
 * claims that spelling.
 */
function derivedSurnames(entities: readonly EntityInput[], explicit: readonly MatcherAlias[]): MatcherAlias[] {
  const claimed = new Map<string, string>();
  for (const a of explicit) if (!a.caseSensitive) claimed.set(lightKey(a.text), a.entityId);
  // By entity: a scan of every alias per person is quadratic (minutes for an imported dataset of 100,000 aliases).
  const byEntity = new Map<string, MatcherAlias[]>();
  for (const a of explicit) {
    const list = byEntity.get(a.entityId);
    if (list) list.push(a);
    else byEntity.set(a.entityId, [a]);
  }
  const out: MatcherAlias[] = [];
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const a of byEntity.get(e.id) ?? []) {
      if (a.match !== 'always' || a.caseSensitive) continue;
      const words = a.text.trim().split(/[\s\u00a0]+/);
      if (words.length < 2) continue;
      const surname = (words[words.length - 1] as string).replace(/^(?:al|el|Al|El)-/, '');
      if (!LATIN_WORD.test(surname)) continue;
      const key = lightKey(surname);
      if (claimed.has(key)) continue;
      claimed.set(key, e.id);
      const decision = surnameDecision(e, surname);
      if (decision?.rule === 'not-a-surname') continue;
      const match = decision?.rule === 'stands-alone' ? 'always' : 'after-full-name';
      out.push(withEntityRules(e, { entityId: e.id, text: surname, match }));
    }
  }
  return out;
}

/**
 * The matcher's aliases: the dataset's, in its order, then the derived surnames, then the lookalikes (last, so that
 * an alias of the same spelling wins).
 */
export function toMatcherAliases(entities: readonly EntityInput[]): MatcherAlias[] {
  const explicit = entities.flatMap((e) =>
    e.aliases.filter((a) => surnameDecision(e, a.text)?.rule !== 'not-a-surname').map((a) => aliasOf(e, a)),
  );
  const lookalikes = entities.flatMap((e) =>
    (e.lookalikes ?? []).map((text) => withEntityRules(e, { entityId: e.id, text, match: 'always', lookalike: true })),
  );
  return [...explicit, ...derivedSurnames(entities, explicit), ...lookalikes];
}

/** Surname decisions that contradict an alias, or decide on a name the entity does not have. */
function surnameProblems(e: EntityInput): string[] {
  const problems: string[] = [];
  for (const d of e.surnames ?? []) {
    const where = `entity "${e.id}", surname "${d.text}"`;
    if (e.type !== 'person') problems.push(`${where}: surnames are decided for people only`);
    if (wordCount(d.text) > 1) problems.push(`${where}: a surname is one word`);
    const alias = e.aliases.find((a) => lightKey(a.text) === lightKey(d.text));
    if (alias?.match && d.rule !== 'not-a-surname' && alias.match !== MATCH_OF_SURNAME_RULE[d.rule]) {
      problems.push(`${where}: rule "${d.rule}" contradicts the alias's match "${alias.match}"`);
    }
    if (alias && d.rule === 'not-a-surname') problems.push(`${where}: rule "not-a-surname" for a listed alias; remove the alias instead`);
    const derivable = e.aliases.some((a) => {
      const words = a.text.trim().split(/[\s\u00a0]+/);
      return words.length > 1 && lightKey((words[words.length - 1] as string).replace(/^(?:al|el|Al|El)-/, '')) === lightKey(d.text);
    });
    if (!alias && !derivable) problems.push(`${where}: neither an alias nor the last word of a full name`);
  }
  return problems;
}

function ruleProblems(data: DatasetInput, articles: readonly ArticleSource[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of data.entities) {
    if (ids.has(e.id)) problems.push(`entity "${e.id}": the id is used by two entities`);
    ids.add(e.id);
  }
  const articleIds = new Set(articles.map((a) => a.meta.id));
  for (const e of data.entities) {
    for (const c of e.note.citations) {
      if (!articleIds.has(c))
        problems.push(`entity "${e.id}", field note.citations: cites article "${c}", which is not in the article set`);
    }
    problems.push(...surnameProblems(e));
    for (const a of e.aliases) {
      if (a.match === 'context' && !a.context?.length)
        problems.push(`entity "${e.id}", alias "${a.text}": match "context" needs a non-empty context list`);
    }
  }
  // Two entities may not claim the same spelling unless both say it is ambiguous.
  const claims = new Map<string, { entityId: string; alias: string; ambiguous: boolean }>();
  for (const e of data.entities) {
    e.aliases.forEach((a) => {
      const mode = modeOf(aliasOf(e, a));
      for (const seq of aliasKeySequences(a.text, mode)) {
        const key = `${mode}:${seq.join(' ')}`;
        const prior = claims.get(key);
        if (!prior) {
          claims.set(key, { entityId: e.id, alias: a.text, ambiguous: !!a.ambiguous });
        } else if (prior.entityId !== e.id && !(prior.ambiguous && a.ambiguous)) {
          problems.push(
            `entity "${e.id}", alias "${a.text}": the same spelling as alias "${prior.alias}" of entity "${prior.entityId}"; mark both "ambiguous": true or remove one`,
          );
          break;
        }
      }
    });
  }
  return problems;
}

/**
 * Validates a dataset and compiles it for the content script: matcher input, and excerpts derived by the
 * matcher itself from the article set. Throws DatasetError listing every problem it found.
 */
export function compileDataset(input: unknown, articles: readonly ArticleSource[], options: CompileOptions = {}): CompiledDataset {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) throw new DatasetError(schemaProblems(input, parsed.error));
  const data = parsed.data;
  const totalAliases = data.entities.reduce((n, e) => n + e.aliases.length, 0);
  if (totalAliases > MAX_TOTAL_ALIASES)
    throw new DatasetError([`the dataset has ${totalAliases} aliases; at most ${MAX_TOTAL_ALIASES} are supported`]);

  const problems = ruleProblems(data, articles);
  if (problems.length) throw new DatasetError(problems.slice(0, MAX_PROBLEMS));

  const aliases = toMatcherAliases(data.entities);
  const fullNames = new Set(aliases.filter((a) => a.match === 'always').map((a) => a.text));
  const tables = matcherTables(aliases);
  const excerpts = deriveExcerpts(
    createMatcherFromTables(aliases, tables),
    articles.map((a) => ({ id: a.meta.id, text: a.text })),
    (alias) => fullNames.has(alias),
  );
  if (options.requireMentions) {
    const unmentioned = data.entities
      .filter((e) => !excerpts[e.id]?.length)
      .map((e) => `entity "${e.id}": no alias is mentioned anywhere in the article set`);
    if (unmentioned.length) throw new DatasetError(unmentioned.slice(0, MAX_PROBLEMS));
  }

  return {
    version: 1,
    name: data.name,
    entities: data.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      descriptor: e.descriptor,
      note: { text: e.note.text, citations: e.note.citations },
      aliases: e.aliases.map((a) => a.text),
    })),
    aliases,
    matcher: tables,
    excerpts,
    articles: articles.map((a) => a.meta),
  };
}

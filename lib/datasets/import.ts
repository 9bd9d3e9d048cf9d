import { compileDataset, DatasetError, describePath } from '../dataset/compile';
import type { CompiledDataset } from '../dataset/types';

/**
 * Checks of an imported dataset file that the compiler cannot make (it sees parsed values), then the
 * compiler itself, the one the build uses. Every failure is an ImportError whose problems say what and where;
 * nothing is stored before all of them passed.
 */

/** Largest dataset file accepted: a 100,000-alias dataset is about 10 MB. Checked before the file is read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The format's own limit (lib/dataset/schema.ts), checked before the schema walks a huge array. */
export const MAX_IMPORT_ENTITIES = 100_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MARKUP = /<\s*[a-z!/?]/i;
const MAX_PROBLEMS = 20;

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset was not imported:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ImportError';
  }
}

/** checking: JSON, keys, markup, size of arrays; compiling: the schema, the rules, the matcher tables. */
export type ImportPhase = 'checking' | 'compiling';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Refuses a file by its size alone, before anything reads it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError([`the file is ${megabytes(bytes)}; datasets of at most ${megabytes(MAX_IMPORT_BYTES)} can be imported`]);
  }
  if (bytes === 0) throw new ImportError(['the file is empty']);
}

/** Line and column (1-based) of an offset in `text`. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Where a JSON syntax error is: engines say "at position N" (V8) or "at line L column C" (SpiderMonkey). */
function syntaxWhere(text: string, message: string): string {
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  const lc = /line (\d+) column (\d+)/.exec(message);
  return lc ? `line ${lc[1]}, column ${lc[2]}` : 'somewhere in the file';
}

/** The first place a key is written in the raw text, for the message. */
function keyWhere(text: string, key: string): string {
  const at = text.search(new RegExp(`"${key}"\\s*:`));
  return at === -1 ? 'in the file' : `at ${lineColumn(text, at)}`;
}

/**
 * JSON.parse that refuses `__proto__`, `constructor` and `prototype` keys. The reviver sees every key, own
 * `__proto__` included (JSON.parse defines it as a plain own property, which a later spread or merge could
 * turn into a prototype change).
 */
export function parseDatasetText(text: string): unknown {
  const found = new Set<string>();
  // The reviver costs a call per value: only pay it when one of the words is in the text at all.
  const suspect = [...FORBIDDEN_KEYS].some((k) => text.includes(k));
  let value: unknown;
  try {
    value = suspect
      ? JSON.parse(text, function reviver(key, v) {
          if (FORBIDDEN_KEYS.has(key) && !Array.isArray(this)) found.add(key);
          return v;
        })
      : JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    throw new ImportError([`the file is not valid JSON (${syntaxWhere(text, message)}): ${message}`]);
  }
  if (found.size) {
    throw new ImportError([...found].map((k) => `the key "${k}" is not allowed (${keyWhere(text, k)})`));
  }
  return value;
}

/** Every string of the file that contains markup; the schema checks notes, this checks names and aliases too. */
export function markupProblems(root: unknown): string[] {
  const problems: string[] = [];
  // One path, pushed and popped: a copy per value costs more than the check itself on a large file.
  const path: (string | number)[] = [];
  const walk = (v: unknown) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (typeof v === 'string') {
      if (MARKUP.test(v)) problems.push(`${describePath(root, path)}: must be plain text (no HTML or script)`);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        path.push(k);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(root);
  return problems;
}

/** Shape checks cheap enough to run before the schema walks the file. */
function quickProblems(root: unknown): string[] {
  if (!root || typeof root !== 'object' || Array.isArray(root))
    return ['the file must hold one JSON object (a dataset), not a list or a value'];
  const entities = (root as { entities?: unknown }).entities;
  if (Array.isArray(entities) && entities.length > MAX_IMPORT_ENTITIES) {
    return [
      `field entities: the dataset has ${entities.length.toLocaleString('en')} entities; at most ${MAX_IMPORT_ENTITIES.toLocaleString('en')} are supported`,
    ];
  }
  return [];
}

/**
 * Validates and compiles a dataset file's text with the build's compiler. Imported datasets have no article
 * set: their entities get no excerpts, and their notes may cite nothing. Throws ImportError.
 */
export function compileImport(text: string, onPhase: (phase: ImportPhase) => void = () => {}): CompiledDataset {
  onPhase('checking');
  const root = parseDatasetText(text);
  const quick = quickProblems(root);
  if (quick.length) throw new ImportError(quick);
  const markup = markupProblems(root);
  if (markup.length) throw new ImportError(markup);
  try {
    onPhase('compiling');
    return compileDataset(root, []);
  } catch (e) {
    if (e instanceof DatasetError) throw new ImportError(e.problems);
    throw e;
  }
}

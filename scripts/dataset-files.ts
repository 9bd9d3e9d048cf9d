import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ArticleSource, compileDataset } from '../lib/dataset/compile';
import { articleIndexSchema } from '../lib/dataset/schema';
import type { CompiledDataset } from '../lib/dataset/types';

// import.meta.dirname: vitest's DOM environments give import.meta.url a non-file scheme.
export const ROOT = resolve(import.meta.dirname, '..');
export const ENTITIES_FILE = join(ROOT, 'assets/entities.json');
export const ARTICLES_DIR = join(ROOT, 'assets/articles');

export function readArticles(dir = ARTICLES_DIR): ArticleSource[] {
  const index = articleIndexSchema.parse(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
  return index.map((meta) => ({ meta, text: readFileSync(join(dir, meta.file), 'utf8') }));
}

export function readBundledSources(): { dataset: unknown; articles: ArticleSource[] } {
  return { dataset: JSON.parse(readFileSync(ENTITIES_FILE, 'utf8')), articles: readArticles() };
}

export function loadBundledDataset(): CompiledDataset {
  const { dataset, articles } = readBundledSources();
  return compileDataset(dataset, articles, { requireMentions: true });
}

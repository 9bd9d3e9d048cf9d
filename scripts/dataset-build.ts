import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledDataset, ROOT } from './dataset-files';

export const COMPILED_FILE = join(ROOT, 'assets/generated/dataset.json');
/** Its revision alone: the background imports this, and fetches the dataset (PUBLIC_FILE) only to publish it. */
export const REVISION_FILE = join(ROOT, 'assets/generated/dataset-revision.json');
/** The same dataset as a file of the extension (public/ is copied as is), read by the background with fetch. */
export const PUBLIC_FILE = join(ROOT, 'public/dataset.json');

/** Compiles the bundled dataset for the extension; throws (and so fails the build) on any rule broken. */
export async function writeCompiledDataset(): Promise<void> {
  const compiled = loadBundledDataset();
  mkdirSync(join(ROOT, 'assets/generated'), { recursive: true });
  const revision = createHash('sha256').update(JSON.stringify(compiled)).digest('hex').slice(0, 16);
  const text = JSON.stringify({ ...compiled, revision });
  writeFileSync(COMPILED_FILE, text);
  writeFileSync(PUBLIC_FILE, text);
  writeFileSync(REVISION_FILE, JSON.stringify({ revision }));
}


import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledDataset, ROOT } from './dataset-files';

export const COMPILED_FILE = join(ROOT, 'assets/generated/dataset.json');

/** Compiles the bundled dataset for the extension; throws (and so fails the build) on any rule broken. */
export async function writeCompiledDataset(): Promise<void> {
  const compiled = loadBundledDataset();
  mkdirSync(join(ROOT, 'assets/generated'), { recursive: true });
  const revision = createHash('sha256').update(JSON.stringify(compiled)).digest('hex').slice(0, 16);
  writeFileSync(COMPILED_FILE, JSON.stringify({ ...compiled, revision }));
}


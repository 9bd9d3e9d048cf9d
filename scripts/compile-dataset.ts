import { DatasetError } from '../lib/dataset/compile';
import { COMPILED_FILE, writeCompiledDataset } from './dataset-build';

try {
  await writeCompiledDataset();
  console.log(`Dataset compiled to ${COMPILED_FILE}`);
} catch (e) {
  console.error(e instanceof DatasetError ? e.message : e);
  process.exit(1);
}

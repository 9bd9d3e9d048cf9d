import type { ImportedDataset } from '../datasets/merge';
import { BUNDLED_DATASET_ID } from '../datasets/merge';
import type { CompiledDataset } from '../dataset/types';
import type { GlossDatabase } from './database';

/** Dataset metadata without its (large) compiled body, for lists. */
export type DatasetSummary = Omit<ImportedDataset, 'compiled'> & { entities: number; aliases: number };

/** An id for a new dataset from its name: lowercase words joined by hyphens, unique among `taken`, never "bundled". */
export function datasetIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'dataset';
  let id = base;
  for (let n = 2; id === BUNDLED_DATASET_ID || taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Stores a compiled dataset as a new, enabled imported dataset. */
export async function addDataset(db: GlossDatabase, compiled: CompiledDataset, now = Date.now()): Promise<ImportedDataset> {
  return db.transaction('rw', db.datasets, async () => {
    const taken = new Set(await db.datasets.toCollection().primaryKeys());
    const dataset: ImportedDataset = {
      id: datasetIdFor(compiled.name, taken),
      name: compiled.name,
      enabled: true,
      importedAt: now,
      compiled,
    };
    await db.datasets.add(dataset);
    return dataset;
  });
}

export async function setDatasetEnabled(db: GlossDatabase, id: string, enabled: boolean): Promise<void> {
  await db.datasets.update(id, { enabled });
}

export function removeDataset(db: GlossDatabase, id: string): Promise<void> {
  return db.datasets.delete(id);
}

/** Every imported dataset, in import order (the order mergeDatasets gives them precedence in). */
export async function allDatasets(db: GlossDatabase): Promise<ImportedDataset[]> {
  return (await db.datasets.toArray()).sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id));
}

export async function enabledDatasets(db: GlossDatabase): Promise<ImportedDataset[]> {
  return (await allDatasets(db)).filter((d) => d.enabled);
}

export function summarize(d: ImportedDataset): DatasetSummary {
  return {
    id: d.id,
    name: d.name,
    enabled: d.enabled,
    importedAt: d.importedAt,
    entities: d.compiled.entities.length,
    aliases: d.compiled.aliases.length,
  };
}

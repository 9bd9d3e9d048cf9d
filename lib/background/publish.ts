import bundledJson from '@/assets/generated/dataset.json';
import type { CompiledDataset } from '../dataset/types';
import { BUNDLED_DATASET_ID, type ImportedDataset, mergeDatasets } from '../datasets/merge';
import { CARD_PACK_KEY, cardPackOf, MATCH_PACK_KEY, matchPackOf, PACK_REVISION_KEY } from '../datasets/pack';

const bundled = bundledJson as unknown as CompiledDataset;

/** Names the set of datasets a tab would get: the bundled build, and each enabled import as imported. */
export function packRevision(imported: readonly ImportedDataset[]): string {
  const parts = imported.filter((d) => d.enabled).map((d) => `${d.id}@${d.importedAt}`);
  return [bundled.revision ?? 'dev', ...parts].join('|');
}

let last: Promise<void> = Promise.resolve();

/**
 * Writes what tabs need of the bundled dataset and the enabled imports to storage.local (docs/dataset-delivery.md).
 * Skipped when the stored packs are already of this revision, so a service worker that wakes for a message does
 * not rewrite them (every open tab would rebuild its matcher on the change). Calls run one after the other.
 */
export function publishDatasets(imported: readonly ImportedDataset[]): Promise<void> {
  last = last.catch(() => undefined).then(() => publish(imported));
  return last;
}

async function publish(imported: readonly ImportedDataset[]): Promise<void> {
  const revision = packRevision(imported);
  const stored = await browser.storage.local.get(PACK_REVISION_KEY);
  if (stored[PACK_REVISION_KEY] === revision) return;
  const merged = mergeDatasets(bundled, imported);
  const datasetNames: Record<string, string> = { [BUNDLED_DATASET_ID]: bundled.name };
  for (const d of imported) if (d.enabled) datasetNames[d.id] = d.name;
  await browser.storage.local.set({
    [MATCH_PACK_KEY]: JSON.stringify(matchPackOf(merged, revision)),
    [CARD_PACK_KEY]: JSON.stringify(cardPackOf(merged, revision, datasetNames)),
    [PACK_REVISION_KEY]: revision,
  });
}

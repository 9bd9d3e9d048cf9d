import bundledMeta from '@/assets/generated/dataset-revision.json';
import type { CompiledDataset } from '../dataset/types';
import { BUNDLED_DATASET_ID, type ImportedDataset, mergeDatasets } from '../datasets/merge';
import { CARD_PACK_KEY, cardPackOf, MATCH_PACK_KEY, matcherOfPack, matchPackOf, PACK_REVISION_KEY, parseMatchPack } from '../datasets/pack';
import { AUTOMATON_VERSION } from '../match';

/** Names the set of datasets a tab would get: the bundled build, and each enabled import as imported. */
export function packRevision(imported: readonly ImportedDataset[]): string {
  const parts = imported.filter((d) => d.enabled).map((d) => `${d.id}@${d.importedAt}`);
  // The automaton's layout is part of it: an update that changes the layout publishes the packs again.
  return [`${bundledMeta.revision}.a${AUTOMATON_VERSION}`, ...parts].join('|');
}

/**
 * The bundled dataset, read from the extension's files when it is to be published, not compiled into the
 * background: the worker wakes for every navigation (the badge), and would parse it each time.
 */
export async function fetchBundled(): Promise<CompiledDataset> {
  const response = await fetch(browser.runtime.getURL('/dataset.json'));
  return (await response.json()) as CompiledDataset;
}

let last: Promise<void> = Promise.resolve();

/**
 * Writes what tabs need of the bundled dataset and the enabled imports to storage.local (docs/dataset-delivery.md).
 * Skipped when the stored packs are already of this revision, so a service worker that wakes for a message does
 * not rewrite them (every open tab would rebuild its matcher on the change). Calls run one after the other.
 */
export function publishDatasets(
  imported: readonly ImportedDataset[],
  loadBundled: () => Promise<CompiledDataset> = fetchBundled,
  options: { repair?: boolean } = {},
): Promise<void> {
  last = last.catch(() => undefined).then(() => publish(imported, loadBundled, options.repair === true));
  return last;
}

/**
 * With `repair` (a tab found no usable pack), the stored match pack is also read, and written again when it is
 * missing or damaged although its revision is current.
 */
async function publish(imported: readonly ImportedDataset[], loadBundled: () => Promise<CompiledDataset>, repair: boolean): Promise<void> {
  const revision = packRevision(imported);
  const stored = await browser.storage.local.get(repair ? [PACK_REVISION_KEY, MATCH_PACK_KEY] : PACK_REVISION_KEY);
  if (stored[PACK_REVISION_KEY] === revision && !(repair && !isUsable(stored[MATCH_PACK_KEY]))) return;
  const bundled = await loadBundled();
  const merged = mergeDatasets(bundled, imported);
  const datasetNames: Record<string, string> = { [BUNDLED_DATASET_ID]: bundled.name };
  for (const d of imported) if (d.enabled) datasetNames[d.id] = d.name;
  await browser.storage.local.set({
    [MATCH_PACK_KEY]: JSON.stringify(matchPackOf(merged, revision)),
    [CARD_PACK_KEY]: JSON.stringify(cardPackOf(merged, revision, datasetNames)),
    [PACK_REVISION_KEY]: revision,
  });
}

function isUsable(stored: unknown): boolean {
  const pack = parseMatchPack(stored);
  return pack !== null && !(matcherOfPack(pack) instanceof Error);
}

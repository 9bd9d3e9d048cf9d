import bundledMeta from '@/assets/generated/dataset-revision.json';
import type { CompiledDataset } from '../dataset/types';
import { BUNDLED_DATASET_ID, type ImportedDataset, mergeDatasets } from '../datasets/merge';
import {
  CARD_PACK_KEY,
  cardPackOf,
  isShardedPack,
  MATCH_PACK_KEY,
  matcherOfPack,
  matchPackItems,
  PACK_REVISION_KEY,
  parseMatchPack,
  parseShard,
  type StoredMatchPack,
  shardKey,
} from '../datasets/pack';
import { AUTOMATON_VERSION, ShardSet } from '../match';

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

/** Above what size a match pack is sharded, and about how big a shard is (lib/match/shards.ts; tests set them small). */
type ShardSizes = { aboveBytes?: number; targetBytes?: number };

/**
 * Writes what tabs need of the bundled dataset and the enabled imports to storage.local (docs/dataset-delivery.md).
 * Skipped when the stored packs are already of this revision, so a service worker that wakes for a message does
 * not rewrite them (every open tab would rebuild its matcher on the change). Calls run one after the other.
 */
export function publishDatasets(
  imported: readonly ImportedDataset[],
  loadBundled: () => Promise<CompiledDataset> = fetchBundled,
  options: { repair?: boolean; shardSizes?: ShardSizes } = {},
): Promise<void> {
  last = last.catch(() => undefined).then(() => publish(imported, loadBundled, options.repair === true, options.shardSizes));
  return last;
}

/**
 * With `repair` (a tab found no usable pack, or a shard of it missing or damaged), the stored match pack is also
 * read, and written again when it (or one of its shards) is missing or damaged although its revision is current.
 * A big pack is written as a header and shards (lib/match/shards.ts); the shards of an earlier publish that this
 * one does not have are removed.
 */
async function publish(
  imported: readonly ImportedDataset[],
  loadBundled: () => Promise<CompiledDataset>,
  repair: boolean,
  shardSizes: ShardSizes | undefined,
): Promise<void> {
  const revision = packRevision(imported);
  const current = (await browser.storage.local.get(PACK_REVISION_KEY))[PACK_REVISION_KEY] === revision;
  if (current && !repair) return;
  // The header of a sharded pack is small, and a whole pack is below the sharding threshold (~1 MB).
  const stored = parseMatchPack((await browser.storage.local.get(MATCH_PACK_KEY))[MATCH_PACK_KEY]);
  if (current && (await isUsable(stored))) return;
  const bundled = await loadBundled();
  const merged = mergeDatasets(bundled, imported);
  const datasetNames: Record<string, string> = { [BUNDLED_DATASET_ID]: bundled.name };
  for (const d of imported) if (d.enabled) datasetNames[d.id] = d.name;
  const items = matchPackItems(merged, revision, shardSizes);
  await browser.storage.local.set({
    ...items,
    [CARD_PACK_KEY]: JSON.stringify(cardPackOf(merged, revision, datasetNames)),
    [PACK_REVISION_KEY]: revision,
  });
  const earlier = stored && isShardedPack(stored) ? stored.sharded.shards : 0;
  const stale: string[] = [];
  for (let i = 0; i < earlier; i++) if (!(shardKey(i) in items)) stale.push(shardKey(i));
  if (stale.length > 0) await browser.storage.local.remove(stale);
}

/** Whether a tab can match with the stored pack: the whole automaton fits its aliases, or every shard is there and fits. */
async function isUsable(pack: StoredMatchPack | null): Promise<boolean> {
  if (pack === null) return false;
  if (!isShardedPack(pack)) return !(matcherOfPack(pack) instanceof Error);
  const set = ShardSet.of(pack.sharded);
  if (set instanceof Error) return false;
  const keys = Array.from({ length: pack.sharded.shards }, (_, i) => shardKey(i));
  const shards = await browser.storage.local.get(keys);
  return keys.every((key, i) => set.add(i, parseShard(shards[key], pack.revision)));
}

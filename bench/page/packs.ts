/**
 * Match packs for the dataset-scale runs, made in node with the repo's own code (the same path as the
 * background's publish: a compiled dataset, matchPackItems, tables from matcherTables), and how a run puts one into
 * the extension's storage.local.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { compileDataset } from '../../lib/dataset/compile';
import type { CompiledDataset } from '../../lib/dataset/types';
import { mergeDatasets } from '../../lib/datasets/merge';
import { isShardedPack, MATCH_PACK_KEY, matcherOfPack, matchPackItems, parseMatchPack, parseShard, shardKey } from '../../lib/datasets/pack';
import { type Matcher, type MatcherAlias, matcherTables, newPageMemory, ShardSet } from '../../lib/match';
import { loadBundledDataset, readArticles } from '../../scripts/dataset-files';
import type { GlossBrowser } from '../../tests/e2e/harness';
import { generatedAliases } from '../lib';

export interface BenchPack {
  label: string;
  aliases: MatcherAlias[];
  /** The JSON string as stored under MATCH_PACK_KEY (a sharded pack's header). */
  json: string;
  /** Every storage.local item of the pack: MATCH_PACK_KEY, and a sharded pack's shards (lib/match/shards.ts). */
  items: Record<string, string>;
  /** The items' bytes. */
  bytes: number;
}

/**
 * The pack as the background publishes it (sharded when big), or with `whole`, as one pack whatever its size (as
 * before shards: the arm they are compared with).
 */
function packOf(label: string, dataset: CompiledDataset, whole = false): BenchPack {
  const revision = `bench:${label}`;
  const items = matchPackItems(dataset, revision, whole ? { aboveBytes: Number.POSITIVE_INFINITY } : undefined);
  const bytes = Object.values(items).reduce((sum, json) => sum + Buffer.byteLength(json), 0);
  return { label, aliases: dataset.aliases, json: items[MATCH_PACK_KEY] as string, items, bytes };
}

/** A sharded pack's shards, read as a tab reads them, from the items; null when the pack is whole. */
function shardSetOf(pack: BenchPack): { set: ShardSet; read(index: number): number } | null {
  const parsed = parseMatchPack(pack.json);
  if (!parsed || !isShardedPack(parsed)) return null;
  const set = ShardSet.of(parsed.sharded);
  if (set instanceof Error) throw set;
  return {
    set,
    read(index) {
      const json = pack.items[shardKey(index)];
      set.add(index, parseShard(json, parsed.revision));
      return json ? Buffer.byteLength(json) : 0;
    },
  };
}

/**
 * The bytes of the pack a tab reads for this text: the whole pack, or a sharded pack's header and the shards of
 * its rounds (match, read the shards the words reached, match again, until none is missing), as entrypoints/content/gloss.ts.
 */
export function tabReadBytes(pack: BenchPack, text: string): number {
  const sharded = shardSetOf(pack);
  if (!sharded) return pack.bytes;
  let bytes = Buffer.byteLength(pack.json);
  for (;;) {
    sharded.set.matcher().find(text, { memory: newPageMemory() });
    if (sharded.set.missing.size === 0) return bytes;
    for (const i of [...sharded.set.missing]) bytes += sharded.read(i);
  }
}

/** The pack's matcher with every shard read (for matching speed: the lookups a tab's last round makes). */
export function fullMatcherOf(pack: BenchPack): Matcher | Error {
  const sharded = shardSetOf(pack);
  if (!sharded) {
    const parsed = parseMatchPack(pack.json);
    return parsed ? matcherOfPack(parsed) : new Error(`${pack.label}: the pack does not parse`);
  }
  for (let i = 0; i < sharded.set.header.shards; i++) sharded.read(i);
  return sharded.set.matcher();
}

/**
 * The bundled dataset's aliases followed by generated names up to `count` (as in bench:match); `count` below the
 * bundled size takes bundled aliases evenly and generated names for the other half, as bench:match's "100".
 */
export function generatedPack(bundled: CompiledDataset, count: number, options: { whole?: boolean } = {}): BenchPack {
  const stride = Math.max(1, Math.floor(bundled.aliases.length / (count / 2)));
  const own =
    count < bundled.aliases.length ? bundled.aliases.filter((_, i) => i % stride === 0).slice(0, count / 2) : bundled.aliases;
  const extra = generatedAliases(count - own.length).map((a) => ({ ...a, entityType: 'person' as const }));
  const aliases = [...own, ...extra];
  const entities = [
    ...bundled.entities,
    ...extra.map((a) => ({ id: a.entityId, name: a.text, type: 'person' as const, descriptor: '', note: { text: '', citations: [] }, aliases: [a.text] })),
  ];
  const label = `${count.toLocaleString('en-US')}${options.whole ? ' (one pack, before shards)' : ''}`;
  return packOf(label, { ...bundled, entities, aliases, matcher: matcherTables(aliases) }, options.whole);
}

export function bundledPack(bundled: CompiledDataset): BenchPack {
  return packOf('bundled', bundled);
}

/**
 * A dataset file (docs/dataset-schema.md) compiled against the repo's article set, then joined to the bundled
 * dataset as an enabled import would be (lib/datasets/merge.ts). Throws the compiler's DatasetError on a bad file.
 */
export async function datasetFilePack(bundled: CompiledDataset, file: string): Promise<BenchPack> {
  const input: unknown = JSON.parse(await readFile(file, 'utf8'));
  const compiled = compileDataset(input, readArticles());
  const merged = mergeDatasets(bundled, [{ id: 'bench', name: compiled.name, enabled: true, importedAt: 0, compiled }]);
  return packOf(`${basename(file)} (+bundled)`, merged);
}

export { loadBundledDataset };

/** Writes a match pack into storage.local from the extension's service worker (Chromium). */
export async function storeMatchPack(b: GlossBrowser, pack: BenchPack): Promise<void> {
  const [sw] = b.context?.serviceWorkers() ?? [];
  if (!sw) throw new Error('storeMatchPack: the extension has no service worker to write from');
  const error = await sw.evaluate(
    async ([items]) => {
      try {
        const api = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
        await api.storage.local.set(items);
        return null;
      } catch (e) {
        return String(e);
      }
    },
    [pack.items] as const,
  );
  if (error) throw new Error(`storage.local refused the ${pack.label} pack (${(pack.bytes / 1e6).toFixed(1)} MB): ${error}`);
}

/**
 * A copy of the built extension with `unlimitedStorage`: storage.local holds 10 MB without it, and the 100,000-alias
 * pack is larger. The scale runs measure what a tab does with such a pack once it is stored.
 */
export async function unlimitedStorageCopy(extDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-unlimited-'));
  await cp(extDir, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { permissions?: string[] };
  manifest.permissions = [...new Set([...(manifest.permissions ?? []), 'unlimitedStorage'])];
  await writeFile(file, JSON.stringify(manifest));
  return dir;
}

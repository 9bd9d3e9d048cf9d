import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { packRevision, publishDatasets as publishWith } from '@/lib/background/publish';
import type { CompiledDataset } from '@/lib/dataset/types';
import { cardPackReader, readMissingShards, watchMatchPack } from '@/lib/datasets/load';
import { datasetOf, type ImportedDataset, mergeDatasets, namespacedId } from '@/lib/datasets/merge';
import {
  CARD_PACK_KEY,
  isShardedPack,
  MATCH_PACK_KEY,
  type MatchPack,
  matcherOfPack,
  parseCardPack,
  parseMatchPack,
  PACK_REVISION_KEY,
  type ShardedMatchPack,
  shardKey,
} from '@/lib/datasets/pack';
import { aliasList, createMatcherFromTables, type Matcher, newPageMemory, ShardSet } from '@/lib/match';
import { afterPageLoad, hasTextWorthMatching } from '@/lib/page/text-probe';

/** What a content script's entry reads (entrypoints/content/index.ts), parsed as startGloss parses it. */
async function readMatchPack(): Promise<MatchPack | null> {
  const pack = parseMatchPack((await fakeBrowser.storage.local.get(MATCH_PACK_KEY))[MATCH_PACK_KEY]);
  if (pack && isShardedPack(pack)) throw new Error('a sharded pack where a whole one was expected');
  return pack;
}

const bundled = JSON.parse(readFileSync(join(__dirname, '../../assets/generated/dataset.json'), 'utf8')) as CompiledDataset;
/** The background's publish, with the bundled dataset read from the build's file instead of fetched. */
const publishDatasets = (imported: ImportedDataset[]) => publishWith(imported, async () => bundled);

/** A small imported dataset whose entity id collides with nothing, and one whose id collides with a bundled one. */
function imported(id: string, enabled = true): ImportedDataset {
  const entityId = 'ali-khamenei';
  return {
    id,
    name: `Newsroom list ${id}`,
    enabled,
    importedAt: 1_700_000_000_000,
    compiled: {
      version: 1,
      name: `Newsroom list ${id}`,
      entities: [
        {
          id: entityId,
          name: 'Zorblax Quentworth',
          type: 'person',
          descriptor: 'a made-up official',
          note: { text: 'Our own note.', citations: [] },
          aliases: ['Zorblax Quentworth'],
        },
      ],
      aliases: [{ entityId, text: 'Zorblax Quentworth', match: 'always' }],
      excerpts: {},
      articles: [],
    },
  };
}

describe('merging datasets', () => {
  it('namespaces an imported id, so an id shared with the bundled dataset is never merged', () => {
    const merged = mergeDatasets(bundled, [imported('news')]);
    const ids = merged.entities.map((e) => e.id);
    expect(ids).toContain('ali-khamenei');
    expect(ids).toContain('news/ali-khamenei');
    expect(merged.entities.find((e) => e.id === 'news/ali-khamenei')?.name).toBe('Zorblax Quentworth');
    expect(merged.entities.find((e) => e.id === 'ali-khamenei')?.name).toBe('Ali Khamenei');
    expect(datasetOf('news/ali-khamenei')).toBe('news');
    expect(datasetOf('ali-khamenei')).toBe('bundled');
    expect(namespacedId('bundled', 'x')).toBe('x');
  });
  it('leaves switched-off imports out, and the bundled dataset untouched', () => {
    expect(mergeDatasets(bundled, [imported('off', false)])).toBe(bundled);
  });
  it('drops the prepared tables when an import has none, and the matcher still finds every dataset', () => {
    const merged = mergeDatasets(bundled, [imported('news')]);
    expect(merged.matcher).toBeUndefined();
    const found = createMatcherFromTables(merged.aliases, merged.matcher)
      .find('Ali Khamenei met Zorblax Quentworth.', { memory: newPageMemory() })
      .map((m) => m.entityId);
    expect(found).toEqual(['ali-khamenei', 'news/ali-khamenei']);
  });
});

describe('publishing datasets to tabs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes a match pack and a card pack that a content script reads back', async () => {
    await publishDatasets([]);
    const pack = await readMatchPack();
    if (!pack) throw new Error('no pack');
    const aliases = aliasList(pack.aliases);
    expect(bundled.aliases.map((_, i) => aliases.at(i))).toEqual(bundled.aliases);
    expect(aliases.length).toBe(bundled.aliases.length);
    const matcher = matcherOfPack(pack);
    if (matcher instanceof Error) throw matcher;
    const found = matcher.find('Qais al-Khazali spoke. So did Kataib Hezbollah.', { memory: newPageMemory() });
    expect(found.map((m) => m.entityId)).toEqual(['qais-al-khazali', 'kataib-hezbollah']);
    expect(found.map((m) => matcher.typeOf(m.entityId))).toEqual(['person', 'organization']);
    const cards = await cardPackReader().get(pack?.revision ?? '');
    expect(cards?.entities.length).toBe(bundled.entities.length);
    expect(cards?.datasetNames.bundled).toBe(bundled.name);
  });
  it('does not rewrite current packs (open tabs would rebuild their matcher for nothing)', async () => {
    await publishDatasets([]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await publishDatasets([]);
    expect(set).not.toHaveBeenCalled();
    await publishDatasets([imported('news')]);
    expect(set).toHaveBeenCalledTimes(1);
  });
  it('tells open tabs about an import through storage.onChanged', async () => {
    await publishDatasets([]);
    const seen: string[] = [];
    const stop = watchMatchPack((p) => seen.push(p.revision));
    await publishDatasets([imported('news')]);
    stop();
    await publishDatasets([]);
    expect(seen).toEqual([packRevision([imported('news')])]);
    const pack = await readMatchPack();
    expect(pack?.revision).toBe(packRevision([]));
  });
  it('a damaged or missing pack reads as none, never as an exception', async () => {
    expect(await readMatchPack()).toBeNull();
    await fakeBrowser.storage.local.set({ [MATCH_PACK_KEY]: '{"revision": 3', [CARD_PACK_KEY]: '[]', [PACK_REVISION_KEY]: 'x' });
    expect(await readMatchPack()).toBeNull();
    expect(await cardPackReader().get('x')).toBeNull();
    expect(parseMatchPack(JSON.stringify({ revision: 'r', aliases: [], types: {}, automaton: 'x' }))).toBeNull();
    expect(parseCardPack(undefined)).toBeNull();
  });
  it('a pack of an older layout reads as none, and a tab that finds none gets a usable one even at the same revision', async () => {
    await publishDatasets([]);
    const current = await readMatchPack();
    if (!current) throw new Error('no pack');
    // Stored by a version with the prepared-alias tables instead of an automaton.
    const { automaton: _, ...older } = current;
    await fakeBrowser.storage.local.set({ [MATCH_PACK_KEY]: JSON.stringify({ ...older, matcher: { version: 2, aliases: [] } }) });
    expect(await readMatchPack()).toBeNull();
    await publishDatasets([]);
    expect(await readMatchPack()).toBeNull();
    await publishWith([], async () => bundled, { repair: true });
    expect(await readMatchPack()).toEqual(current);
    // An automaton that names aliases the pack does not have is refused by the tab, and repaired the same way.
    const few = { ...current.aliases, entityIds: current.aliases.entityIds.slice(0, 3), texts: current.aliases.texts.slice(0, 3) };
    await fakeBrowser.storage.local.set({
      [MATCH_PACK_KEY]: JSON.stringify({ ...current, aliases: { ...few, rules: few.rules.slice(0, 3), types: few.types.slice(0, 3) } }),
    });
    const cut = await readMatchPack();
    expect(cut && matcherOfPack(cut)).toBeInstanceOf(Error);
    await publishWith([], async () => bundled, { repair: true });
    expect(await readMatchPack()).toEqual(current);
  });
  it('a card pack of another revision is read again, not served from the cache', async () => {
    await publishDatasets([]);
    const reader = cardPackReader();
    const first = await reader.get(packRevision([]));
    await publishDatasets([imported('news')]);
    const second = await reader.get(packRevision([imported('news')]));
    expect(first?.entities.some((e) => e.id === 'news/ali-khamenei')).toBe(false);
    expect(second?.entities.some((e) => e.id === 'news/ali-khamenei')).toBe(true);
    expect(second?.datasetNames.news).toBe('Newsroom list news');
  });
});

describe('publishing a big dataset in shards', () => {
  beforeEach(() => fakeBrowser.reset());
  /** The bundled dataset stands in for a big one: sharded from any size, in shards of ~2 KB. */
  const small = { aboveBytes: 0, targetBytes: 2_000 };
  const publishSharded = (imported: ImportedDataset[], shardSizes = small, repair = false) =>
    publishWith(imported, async () => bundled, { shardSizes, repair });

  async function readHeader(): Promise<ShardedMatchPack> {
    const pack = parseMatchPack((await fakeBrowser.storage.local.get(MATCH_PACK_KEY))[MATCH_PACK_KEY]);
    if (!pack || !isShardedPack(pack)) throw new Error('no sharded pack');
    return pack;
  }

  /** What a tab does: match, read the shards the text's words reached, match again with a new matcher, until none is missing. */
  async function tabFinds(text: string): Promise<{ ids: string[]; read: number; set: ShardSet; matcher: Matcher }> {
    const header = await readHeader();
    const set = ShardSet.of(header.sharded);
    if (set instanceof Error) throw set;
    let read = 0;
    for (;;) {
      const matcher = set.matcher();
      const ids = matcher.find(text, { memory: newPageMemory() }).map((m) => m.entityId);
      if (set.missing.size === 0) return { ids, read, set, matcher };
      const { added } = await readMissingShards(set, header.revision);
      read += added;
      if (added === 0) return { ids, read, set, matcher };
    }
  }

  it('writes a small header under the match key and shards under their own keys, which a tab reads as its words reach them', async () => {
    await publishSharded([imported('news')]);
    const header = await readHeader();
    expect(header.sharded.shards).toBeGreaterThan(10);
    const stored = await fakeBrowser.storage.local.get(null);
    const shardKeys = Object.keys(stored).filter((k) => k.startsWith(`${MATCH_PACK_KEY}:`));
    expect(shardKeys.length).toBe(header.sharded.shards);
    const text = 'Qais al-Khazali spoke. So did Kataib Hezbollah, and Zorblax Quentworth.';
    const { ids, read, matcher } = await tabFinds(text);
    expect(ids).toEqual(['qais-al-khazali', 'kataib-hezbollah', 'news/ali-khamenei']);
    expect(matcher.typeOf('qais-al-khazali')).toBe('person');
    // Only the shards the text's words reach, not the pack.
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(header.sharded.shards / 2);
  });
  it('removes the shards of an earlier publish that the new one does not have', async () => {
    await publishSharded([]);
    const many = (await readHeader()).sharded.shards;
    await publishSharded([imported('news')], { aboveBytes: 0, targetBytes: 20_000 });
    const few = (await readHeader()).sharded.shards;
    expect(few).toBeLessThan(many);
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith(`${MATCH_PACK_KEY}:`));
    expect(keys.sort()).toEqual(Array.from({ length: few }, (_, i) => shardKey(i)).sort());
    // Back to a whole pack: every shard goes.
    await publishWith([], async () => bundled);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith(`${MATCH_PACK_KEY}:`))).toEqual([]);
  });
  it('a missing or damaged shard is a missing part for the tab, never an exception, and a repair writes it again', async () => {
    await publishSharded([]);
    const header = await readHeader();
    const healthy = await tabFinds('Qais al-Khazali spoke in Baghdad.');
    expect(healthy.ids).toEqual(['qais-al-khazali', 'baghdad']);
    // Break every shard the text needed: one removed, the others damaged.
    const needed = Array.from({ length: header.sharded.shards }, (_, i) => i).filter((i) => healthy.set.has(i));
    expect(needed.length).toBeGreaterThan(0);
    const [gone, ...rest] = needed;
    await fakeBrowser.storage.local.remove(shardKey(gone as number));
    for (const i of rest) await fakeBrowser.storage.local.set({ [shardKey(i)]: '{"revision": "x"' });
    const broken = await tabFinds('Qais al-Khazali spoke in Baghdad.');
    expect(broken.ids).toEqual([]);
    expect(broken.set.broken.size).toBeGreaterThan(0);
    for (const i of broken.set.broken) expect(needed).toContain(i);
    // Without repair a current revision is left alone; with it, the damaged shards are written again.
    await publishSharded([]);
    expect((await tabFinds('Qais al-Khazali spoke in Baghdad.')).ids).toEqual([]);
    await publishSharded([], small, true);
    expect((await tabFinds('Qais al-Khazali spoke in Baghdad.')).ids).toEqual(['qais-al-khazali', 'baghdad']);
  });
  it('a shard of another revision or one that names aliases it does not hold is refused', async () => {
    await publishSharded([]);
    const header = await readHeader();
    const set = ShardSet.of(header.sharded);
    if (set instanceof Error) throw set;
    const raw = (await fakeBrowser.storage.local.get(shardKey(0)))[shardKey(0)] as string;
    const shard = JSON.parse(raw);
    expect(set.add(0, { ...shard, index: 1 })).toBe(false);
    expect(set.add(0, { ...shard, aliasIndexes: [], aliases: { entityIds: [], texts: [], rules: '', types: '', more: {} } })).toBe(
      shard.aliasIndexes.length === 0,
    );
    expect(set.add(0, null)).toBe(false);
    expect(set.broken.has(0)).toBe(true);
    expect(set.add(0, shard)).toBe(true);
    expect(set.broken.has(0)).toBe(false);
  });
});

describe('the text probe', () => {
  it('says no for frames without text worth matching, yes for an article', () => {
    document.body.innerHTML = '<div><script>var a = "a long script that is not text at all";</script> 12 34 <img alt=""></div>';
    expect(hasTextWorthMatching(document)).toBe(false);
    document.body.innerHTML = '<p>Qais al-Khazali said on Monday</p>';
    expect(hasTextWorthMatching(document)).toBe(true);
  });
  it('waits for the page load before resolving', async () => {
    let state: DocumentReadyState = 'loading';
    const listeners: Array<() => void> = [];
    const win = {
      document: { get readyState() { return state; } },
      addEventListener: (_: string, f: () => void) => listeners.push(f),
      removeEventListener: () => undefined,
      setTimeout: (f: () => void, ms: number) => (ms >= 1000 ? 0 : setTimeout(f, ms)),
      clearTimeout: () => undefined,
    } as unknown as Window;
    let done = false;
    const p = afterPageLoad(win).then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    state = 'complete';
    for (const f of listeners) f();
    await p;
    expect(done).toBe(true);
  });
});

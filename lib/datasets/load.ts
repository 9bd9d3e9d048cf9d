import { extensionApi, watchLocalStorage } from '../extension-api';
import { shardIndexOf } from './pack-keys';
import type { ShardSet } from '../match';
import {
  CARD_PACK_KEY,
  type CardPack,
  MATCH_PACK_KEY,
  parseCardPack,
  parseMatchPack,
  parseShard,
  type StoredMatchPack,
  shardKey,
} from './pack';

/** The content script's side of dataset delivery: reads the packs the background wrote (lib/background/publish.ts). */

/**
 * The card pack, read on the first card and kept while its revision is current. A failed read is not kept: the
 * next card tries again.
 */
export function cardPackReader(): { get(revision: string): Promise<CardPack | null> } {
  let cached: CardPack | null = null;
  return {
    async get(revision) {
      if (cached?.revision === revision) return cached;
      const stored = await extensionApi().storage.local.get(CARD_PACK_KEY);
      const pack = parseCardPack(stored[CARD_PACK_KEY]);
      if (pack?.revision === revision) cached = pack;
      return pack;
    },
  };
}

/** Calls back with each new match pack the background publishes (an import, a dataset switched on or off). */
export function watchMatchPack(onPack: (pack: StoredMatchPack) => void): () => void {
  return watchLocalStorage((changes) => {
    if (!changes[MATCH_PACK_KEY]) return;
    const pack = parseMatchPack(changes[MATCH_PACK_KEY].newValue);
    if (pack) onPack(pack);
  });
}

/**
 * Reads the shards a tab's matchers looked for and did not have, in one storage round trip, into the set. Returns
 * how many came in, and how many were missing or damaged (noted in set.broken: the background is to be asked).
 */
export async function readMissingShards(set: ShardSet, revision: string): Promise<{ added: number; broken: number }> {
  const wanted = [...set.missing];
  if (wanted.length === 0) return { added: 0, broken: 0 };
  let stored: Record<string, unknown> = {};
  try {
    stored = await extensionApi().storage.local.get(wanted.map(shardKey));
  } catch {
    // the extension reloading: the shards count as missing
  }
  let added = 0;
  for (const index of wanted) if (set.add(index, parseShard(stored[shardKey(index)], revision))) added++;
  return { added, broken: wanted.length - added };
}

/** Calls back with the index of each shard written anew (a repair), for a tab that found it missing or damaged. */
export function watchShards(onShard: (index: number) => void): () => void {
  return watchLocalStorage((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      const index = shardIndexOf(key);
      if (index !== null && change.newValue !== undefined) onShard(index);
    }
  });
}

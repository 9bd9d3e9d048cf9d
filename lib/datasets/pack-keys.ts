/**
 * The storage.local keys of the packs (./pack.ts), apart from the code that makes and reads them: the content
 * script's entry runs in every frame and imports only these.
 */
export const MATCH_PACK_KEY = 'dataset:match';
export const CARD_PACK_KEY = 'dataset:cards';
/** Written with the packs: tells the background whether they are current without reading them. */
export const PACK_REVISION_KEY = 'dataset:revision';
const SHARD_PREFIX = `${MATCH_PACK_KEY}:`;
/** A shard of a big match pack (lib/match/shards.ts): the header stays under MATCH_PACK_KEY. */
export const shardKey = (index: number): string => `${SHARD_PREFIX}${index}`;
/** The shard a storage key holds, or null for any other key. */
export const shardIndexOf = (key: string): number | null => (key.startsWith(SHARD_PREFIX) ? Number(key.slice(SHARD_PREFIX.length)) : null);

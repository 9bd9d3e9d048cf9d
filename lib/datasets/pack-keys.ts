/**
 * The storage.local keys of the packs (./pack.ts), apart from the code that makes and reads them: the content
 * script's entry runs in every frame and imports only these.
 */
export const MATCH_PACK_KEY = 'dataset:match';
export const CARD_PACK_KEY = 'dataset:cards';
/** Written with the packs: tells the background whether they are current without reading them. */
export const PACK_REVISION_KEY = 'dataset:revision';
/** A shard of a big match pack (lib/match/shards.ts): the header stays under MATCH_PACK_KEY. */
export const shardKey = (index: number): string => `${MATCH_PACK_KEY}:${index}`;

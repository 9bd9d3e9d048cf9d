import { CARD_PACK_KEY, type CardPack, MATCH_PACK_KEY, type MatchPack, parseCardPack, parseMatchPack } from './pack';

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
      const stored = await browser.storage.local.get(CARD_PACK_KEY);
      const pack = parseCardPack(stored[CARD_PACK_KEY]);
      if (pack?.revision === revision) cached = pack;
      return pack;
    },
  };
}

/** Calls back with each new match pack the background publishes (an import, a dataset switched on or off). */
export function watchMatchPack(onPack: (pack: MatchPack) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[MATCH_PACK_KEY]) return;
    const pack = parseMatchPack(changes[MATCH_PACK_KEY].newValue);
    if (pack) onPack(pack);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

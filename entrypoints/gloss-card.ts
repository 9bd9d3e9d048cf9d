import { createCardHost } from './content/card-host';
import { PARTS } from './content/load-main';

/** The hover card and Preact, loaded on the first card a reader opens (entrypoints/content/lazy-card-host.ts). */
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[PARTS.card.global] = createCardHost;
});

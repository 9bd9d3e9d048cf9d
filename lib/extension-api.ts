import type { Browser } from 'webextension-polyfill';

/**
 * The extension API without webextension-polyfill, for the content script's entry and what it imports
 * (entrypoints/content/index.ts, load-main.ts, lib/content-context.ts). The entry runs in every frame of every page,
 * and the polyfill was two thirds of it (14.0 → 4.3 KB); a frame's measured cost did not move beyond the bench's
 * noise (`npm run bench:page -- --frames 20`), but a smaller entry is less to parse in every frame. The few calls the entry makes need no polyfill: Firefox's
 * `browser` is native, and Chrome MV3's `chrome` returns promises (storage.local.get) or plain values (runtime.getURL,
 * runtime.id). Everywhere else (the body module, the card, extension pages) `browser` stays the polyfill.
 * Same choice as the polyfill's: `browser` when it is a live extension API, else `chrome`.
 */
export function extensionApi(): Browser {
  const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
  return (g.browser?.runtime?.id ? g.browser : (g.chrome ?? g.browser)) as Browser;
}

import type { browser } from 'wxt/browser';

type Browser = typeof browser;

/**
 * The extension API without webextension-polyfill, for everything Gloss runs inside a page: the content script's
 * entry (in every frame of every page), its body module and its card, and the storage readers they share with the
 * extension pages (lib/settings.ts, lib/datasets/load.ts). The polyfill was two thirds of the entry (14.0 → 4.3 KB)
 * and 10 KB of the body module, evaluated in every tab that has text. None of these calls needs it: Firefox's
 * `browser` is native, and Chrome MV3's `chrome` returns promises (storage, runtime.sendMessage) or plain values
 * (runtime.getURL, runtime.id), and its onMessage listeners answer through sendResponse as Firefox's do. The
 * background and the extension pages keep the polyfill's `browser`.
 * Same choice as the polyfill's: `browser` when it is a live extension API, else `chrome`.
 */
export function extensionApi(): Browser {
  const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
  return (g.browser?.runtime?.id ? g.browser : (g.chrome ?? g.browser)) as Browser;
}

/** Calls back with each change to storage.local (not sync or session); returns the unsubscribe function. */
export function watchLocalStorage(onChange: (changes: Record<string, { newValue?: unknown }>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local') onChange(changes);
  };
  extensionApi().storage.onChanged.addListener(listener);
  return () => extensionApi().storage.onChanged.removeListener(listener);
}

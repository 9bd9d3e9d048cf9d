import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Where entrypoints/gloss-main.ts leaves startGloss: a global of the content script's own world, not the page's. */
export const MAIN_GLOBAL = '__glossStart';
export const MAIN_FILE = '/gloss-main.js';

type Start = (ctx: ContentScriptContext) => Promise<void>;

/**
 * Loads the body of Gloss (matcher, scanner, painter, card) into the content script's world, only for a frame
 * that has text to match. A web-accessible file: in Chrome behind a per-session URL (use_dynamic_url), so no page
 * can probe for it at a fixed address; Firefox's extension URLs are random per install.
 */
export async function loadGlossMain(): Promise<Start> {
  const g = globalThis as unknown as Record<string, Start | undefined>;
  if (!g[MAIN_GLOBAL]) await import(/* @vite-ignore */ browser.runtime.getURL(MAIN_FILE));
  const start = g[MAIN_GLOBAL];
  if (!start) throw new Error(`Gloss: ${MAIN_FILE} did not load`);
  return start;
}

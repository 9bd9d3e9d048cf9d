import type { PublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionApi } from '@/lib/extension-api';
import type { createCardHost } from './card-host';

/**
 * Loads one of the content script's later parts (an unlisted script of entrypoints/) into the content script's
 * world, and returns what it left in a global of that world (never the page's). Web-accessible files: in Chrome
 * behind a per-session URL (use_dynamic_url), so no page can probe for them at a fixed address; Firefox's
 * extension URLs are random per install. A failed load is not remembered: the next call tries again.
 */
async function loadPart<T>(file: PublicPath, global: string): Promise<T> {
  const g = globalThis as unknown as Record<string, T | undefined>;
  if (g[global] === undefined) await import(/* @vite-ignore */ extensionApi().runtime.getURL(file));
  const part = g[global];
  if (part === undefined) throw new Error(`Gloss: ${file} did not load`);
  return part;
}

export const PARTS = {
  /** The body of Gloss (matcher, scanner, painter), for frames with text to match: entrypoints/gloss-main.ts. */
  main: { file: '/gloss-main.js', global: '__glossStart' },
  /** The hover card (Preact), for the first card a reader opens: entrypoints/gloss-card.ts. */
  card: { file: '/gloss-card.js', global: '__glossCard' },
} as const;

/** startGloss (entrypoints/content/gloss.ts): the context, and what the entry read of storage.local meanwhile. */
export type StartGloss = (ctx: ContentScriptContext, stored: Promise<Record<string, unknown>>) => Promise<void>;

export const loadGlossMain = () => loadPart<StartGloss>(PARTS.main.file, PARTS.main.global);
export const loadCardHost = () => loadPart<typeof createCardHost>(PARTS.card.file, PARTS.card.global);

import type { GlossPage } from './page';

type Local = { get(k: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

/** The extension's storage.local, read from one of its pages (`browser` in Firefox, `chrome` in Chromium). */
export function readExtensionStorage(ext: GlossPage, key: string): Promise<unknown> {
  return ext.evaluate(async (k) => {
    const g = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
    return (await (g.browser ?? g.chrome)?.storage.local.get(k))?.[k];
  }, key);
}

/** Writes items to the extension's storage.local from one of its pages, as the background would. */
export async function writeExtensionStorage(ext: GlossPage, items: Record<string, unknown>): Promise<void> {
  await ext.evaluate(async (stored) => {
    const g = globalThis as unknown as { browser?: { storage: { local: Local } }; chrome?: { storage: { local: Local } } };
    await (g.browser ?? g.chrome)?.storage.local.set(stored);
  }, items);
}

import type { GlossPage } from './page';

/** Waits until one of Gloss's highlights holds a range whose text is `text`. */
export async function waitPainted(page: GlossPage, text: string): Promise<void> {
  // Page functions cannot name inner functions (tsx adds a `__name` helper the page lacks).
  await page.waitForFunction((t: string) => {
    for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) {
      for (const r of (CSS.highlights.get(name) as Iterable<AbstractRange> | undefined) ?? []) {
        if ((r as Range).toString() === t) return true;
      }
    }
    return false;
  }, text);
}

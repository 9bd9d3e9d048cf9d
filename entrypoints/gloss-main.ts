import { benchMark } from '@/lib/page/bench-marks';
import { startGloss } from './content/gloss';
import { PARTS } from './content/load-main';

/**
 * The body of the content script, loaded by its entry (entrypoints/content/index.ts) with import() only in frames
 * with text to match. WXT bundles unlisted scripts as a classic script; imported as a module it runs the same, and
 * hands startGloss over through a global of the content script's world.
 */
export default defineUnlistedScript(() => {
  benchMark('gloss:imported');
  (globalThis as unknown as Record<string, unknown>)[PARTS.main.global] = startGloss;
});

/** Slots of a cache: open hashing on the surface, one spelling per slot (a collision replaces it). */
const SLOTS = 1 << 16;
/** Only the first characters of a word are hashed. */
export const HASHED = 12;

/** The slot of a word whose first HASHED characters hash to h (h = h * 31 + char code, from 0). */
export function slotFromHash(h: number, length: number): number {
  const x = Math.imul(h, 31) + length;
  return (x ^ (x >>> 15)) & (SLOTS - 1);
}

/**
 * Small verdicts (a byte) on the spellings of words, kept per matcher: a page repeats its words, and pages repeat
 * each other's, so each distinct spelling is judged once. Looked up in place in the text, without slicing it.
 */
export class SurfaceCache {
  // Filled up front: assigning at random indices of an empty array would turn it into a slow dictionary.
  private readonly surfaces: Array<string | undefined> = new Array(SLOTS).fill(undefined);
  private readonly verdicts = new Uint8Array(SLOTS);

  slotOf(text: string, s: number, e: number): number {
    let h = 0;
    const stop = Math.min(e, s + HASHED);
    for (let k = s; k < stop; k++) h = Math.imul(h, 31) + text.charCodeAt(k);
    return slotFromHash(h, e - s);
  }

  /** The verdict stored for text[s, e) in its slot, or 0. */
  get(slot: number, text: string, s: number, e: number): number {
    const surface = this.surfaces[slot];
    if (surface === undefined || surface.length !== e - s) return 0;
    for (let k = 0; k < surface.length; k++) if (text.charCodeAt(s + k) !== surface.charCodeAt(k)) return 0;
    return this.verdicts[slot] as number;
  }

  set(slot: number, surface: string, verdict: number): void {
    this.surfaces[slot] = surface;
    this.verdicts[slot] = verdict;
  }
}

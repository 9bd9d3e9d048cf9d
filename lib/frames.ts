import type { TabSummary } from './messaging';

/**
 * A tab's summary as its frames report it: the top frame (frameId 0) gives the page's address, title and pause
 * state; same-origin frames, where the content script runs too, add their mentions to the counts.
 */
export class FrameSummaries {
  private readonly frames = new Map<number, TabSummary>();

  set(frameId: number, summary: TabSummary): void {
    this.frames.set(frameId, summary);
  }

  clear(): void {
    this.frames.clear();
  }

  get size(): number {
    return this.frames.size;
  }

  /** The tab's summary, or null until the top frame has reported. */
  merged(): TabSummary | null {
    const top = this.frames.get(0);
    if (!top) return null;
    // No prototype: an entity id such as "__proto__" or "constructor" is a plain key here.
    const counts: Record<string, number> = Object.assign(Object.create(null), top.counts);
    for (const [frameId, s] of this.frames) {
      if (frameId === 0 || top.paused) continue;
      for (const [id, n] of Object.entries(s.counts)) counts[id] = (counts[id] ?? 0) + n;
    }
    return { ...top, counts };
  }

  /** The frame to ask for an entity's mentions: the top frame when it has some, else the first frame that does. */
  frameOf(entityId: string): number {
    if ((this.frames.get(0)?.counts[entityId] ?? 0) > 0) return 0;
    for (const [frameId, s] of this.frames) if ((s.counts[entityId] ?? 0) > 0) return frameId;
    return 0;
  }
}

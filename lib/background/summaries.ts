import { FrameSummaries } from '../frames';
import type { TabSummary } from '../messaging';
import { setBadge } from './badge';
import { sightingsRecorder } from './sightings';

/**
 * The frames' summaries of each tab, for the badge. Kept in memory: when an MV3 worker restarts it starts empty,
 * and the next report of each frame fills it again.
 */
const tabs = new Map<number, FrameSummaries>();

/** Returns the tab's merged summary, null until its top frame reported. */
export function recordSummary(tabId: number, frameId: number, summary: TabSummary): TabSummary | null {
  let frames = tabs.get(tabId);
  if (!frames) {
    frames = new FrameSummaries();
    tabs.set(tabId, frames);
  }
  frames.set(frameId, summary);
  const merged = frames.merged();
  if (merged) void setBadge(tabId, merged);
  return merged;
}

/** The tab is loading a new document: its frames will report again. */
export function forgetTab(tabId: number): void {
  tabs.delete(tabId);
  sightingsRecorder.forgetTab(tabId);
}

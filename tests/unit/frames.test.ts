import { describe, expect, it } from 'vitest';
import { FrameSummaries } from '@/lib/frames';
import type { TabSummary } from '@/lib/messaging';

const summary = (counts: Record<string, number>, extra: Partial<TabSummary> = {}): TabSummary => ({
  url: 'http://127.0.0.1/page',
  title: 'Page',
  counts,
  paused: null,
  ...extra,
});

describe('FrameSummaries', () => {
  it('adds the counts of same-origin frames to the top frame’s summary', () => {
    const frames = new FrameSummaries();
    frames.set(3, summary({ karbala: 1, 'qassem-soleimani': 1 }, { url: 'http://127.0.0.1/child' }));
    expect(frames.merged()).toBeNull();
    frames.set(0, summary({ 'qassem-soleimani': 2, 'nouri-al-maliki': 1 }));
    expect(frames.merged()).toEqual(summary({ 'qassem-soleimani': 3, 'nouri-al-maliki': 1, karbala: 1 }));
    // a frame's new report replaces its old one
    frames.set(3, summary({}));
    expect(frames.merged()?.counts).toEqual({ 'qassem-soleimani': 2, 'nouri-al-maliki': 1 });
  });

  it('shows nothing from the frames of a paused page', () => {
    const frames = new FrameSummaries();
    frames.set(0, summary({}, { paused: 'site' }));
    frames.set(5, summary({ karbala: 1 }));
    expect(frames.merged()).toEqual(summary({}, { paused: 'site' }));
  });

  it('sends "show on page" to the top frame when it has the entity, else to a frame that has it', () => {
    const frames = new FrameSummaries();
    frames.set(0, summary({ baghdad: 1 }));
    frames.set(7, summary({ karbala: 2, baghdad: 1 }));
    expect(frames.frameOf('baghdad')).toBe(0);
    expect(frames.frameOf('karbala')).toBe(7);
    expect(frames.frameOf('tehran')).toBe(0);
  });
});

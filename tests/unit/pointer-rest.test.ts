import { describe, expect, it, vi } from 'vitest';
import { createPointerRest, type PointerAt } from '@/lib/page/pointer-rest';

describe('pointer rest', () => {
  it('calls rested once per rest, with the last position, and moved on every move', () => {
    vi.useFakeTimers();
    try {
      const moved: PointerAt[] = [];
      const rested: PointerAt[] = [];
      const rest = createPointerRest({
        restMs: 80,
        timers: { setTimeout: (cb, ms) => setTimeout(cb, ms) as unknown as number, clearTimeout: (id) => clearTimeout(id) },
        moved: (at) => moved.push(at),
        rested: (at) => rested.push(at),
      });
      for (let i = 0; i < 50; i++) {
        rest.move({ x: i, y: 0, target: null });
        vi.advanceTimersByTime(16);
      }
      expect(moved).toHaveLength(50);
      expect(rested).toHaveLength(0);
      vi.advanceTimersByTime(80);
      expect(rested).toEqual([{ x: 49, y: 0, target: null }]);
      rest.move({ x: 1, y: 1, target: null });
      rest.cancel();
      vi.advanceTimersByTime(500);
      expect(rested).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

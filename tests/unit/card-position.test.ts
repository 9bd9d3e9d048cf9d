import { describe, expect, it } from 'vitest';
import { placeCard } from '@/lib/page/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 200 };

describe('placeCard', () => {
  it('goes below the mention when there is room', () => {
    const p = placeCard({ left: 100, top: 100, width: 80, height: 20 }, card, viewport);
    expect(p).toEqual({ left: 100, top: 126, side: 'below' });
  });
  it('flips above near the bottom of the viewport', () => {
    const p = placeCard({ left: 100, top: 700, width: 80, height: 20 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - 6 - 200);
  });
  it('never leaves the viewport horizontally', () => {
    const p = placeCard({ left: 900, top: 100, width: 80, height: 20 }, card, viewport);
    expect(p.left).toBe(1000 - 8 - 360);
    const q = placeCard({ left: -50, top: 100, width: 80, height: 20 }, card, viewport);
    expect(q.left).toBe(8);
  });
  it('picks the larger side and clamps when neither side fits', () => {
    const tall = { width: 360, height: 500 };
    const p = placeCard({ left: 10, top: 300, width: 80, height: 20 }, tall, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBe(800 - 8 - 500);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });
  it('keeps the top of a card larger than the viewport visible', () => {
    const huge = { width: 360, height: 2000 };
    const p = placeCard({ left: 10, top: 300, width: 80, height: 20 }, huge, viewport);
    expect(p.top).toBe(8);
  });
});

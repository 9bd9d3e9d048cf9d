import { describe, expect, it } from 'vitest';
import { type HitIndex, mentionNearCaret } from '@/lib/page/hit-test';

/** A block of n mentions, each 10 units wide on one line at x = 20 i; the caret is at offset 20 i + k of `node`. */
function block(n: number) {
  const node = document.createTextNode('x');
  let rectReads = 0;
  let comparisons = 0;
  const ranges = Array.from({ length: n }, (_, i) => ({
    i,
    comparePoint: (_node: Node, offset: number) => {
      comparisons++;
      return offset < 20 * i ? -1 : offset > 20 * i + 10 ? 1 : 0;
    },
    getClientRects: () => {
      rectReads++;
      return [{ left: 20 * i, right: 20 * i + 10, top: 0, bottom: 10 }] as unknown as DOMRectList;
    },
  }));
  const index: HitIndex<(typeof ranges)[number]> = {
    byRange: () => undefined,
    near: (n) => (n === node ? ranges : []),
    rangeOf: (m) => m as unknown as Range,
    isShown: () => true,
  };
  return { node, index, counts: () => ({ rectReads, comparisons }) };
}

describe('hit test at a caret', () => {
  it('finds the mention under the point among thousands with a bounded number of reads', () => {
    const { node, index, counts } = block(6000);
    expect(mentionNearCaret({ node, offset: 20 * 4321 + 3 }, 20 * 4321 + 5, 5, index)?.i).toBe(4321);
    expect(counts().rectReads).toBeLessThanOrEqual(3);
    expect(counts().comparisons).toBeLessThanOrEqual(14);
  });

  it('finds the mention when the caret snapped to its edge, and none in the gap between names or off the line', () => {
    const { node, index } = block(100);
    expect(mentionNearCaret({ node, offset: 20 * 7 + 10 }, 20 * 7 + 9, 5, index)?.i).toBe(7);
    expect(mentionNearCaret({ node, offset: 20 * 8 }, 20 * 8 + 1, 5, index)?.i).toBe(8);
    expect(mentionNearCaret({ node, offset: 20 * 7 + 12 }, 20 * 7 + 15, 5, index)).toBeNull();
    expect(mentionNearCaret({ node, offset: 20 * 7 + 3 }, 20 * 7 + 3, 50, index)).toBeNull();
    expect(mentionNearCaret({ node: document.createTextNode('y'), offset: 0 }, 0, 0, index)).toBeNull();
  });
});

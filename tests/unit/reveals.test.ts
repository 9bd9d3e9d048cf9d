import { describe, expect, it } from 'vitest';
import { createRevealWatch } from '@/lib/page/reveals';

describe('createRevealWatch', () => {
  it('hands back skipped elements once they are visible, outermost only, and forgets detached ones', () => {
    document.body.innerHTML = '<div id="a"><p id="b">x</p></div><div id="c">y</div><div id="d">z</div>';
    const hidden = new Set(['a', 'b', 'c', 'd']);
    const watch = createRevealWatch((el) => hidden.has(el.id));
    const el = (id: string) => document.getElementById(id)!;
    for (const id of ['a', 'b', 'c', 'd']) watch.skipped(el(id));
    expect(watch.waiting).toBe(true);
    expect(watch.takeRevealed()).toEqual([]);

    hidden.delete('a');
    hidden.delete('b');
    el('d').remove();
    expect(watch.takeRevealed().map((e) => e.id)).toEqual(['a']);
    // b was revealed with a; d left the document: only c is still watched.
    hidden.delete('c');
    expect(watch.takeRevealed().map((e) => e.id)).toEqual(['c']);
    expect(watch.waiting).toBe(false);
  });

  it('keeps at most 2,000 elements, forgetting the oldest', () => {
    const watch = createRevealWatch(() => false);
    const els = Array.from({ length: 2001 }, () => document.createElement('p'));
    for (const e of els) {
      document.body.append(e);
      watch.skipped(e);
    }
    const revealed = watch.takeRevealed();
    expect(revealed).toHaveLength(2000);
    expect(revealed).not.toContain(els[0]);
  });
});

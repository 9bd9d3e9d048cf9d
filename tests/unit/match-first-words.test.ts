import { describe, expect, it } from 'vitest';
import { createMatcher, type MatcherAlias, newPageMemory } from '@/lib/match';
import { SurfaceCache } from '@/lib/match/surface-cache';

// The matcher judges each spelling of a word once (can a name start here? can it be a name's second word?) and
// skips the words that cannot; these tests pin that the shortcuts never lose a name the full walk would find.
const aliases: MatcherAlias[] = [
  { entityId: 'un', text: 'United Nations', match: 'always' },
  { entityId: 'pompeo', text: 'Mike Pompeo', match: 'always' },
  { entityId: 'mek', text: "People's Mojahedin", match: 'always' },
  { entityId: 'kh', text: 'Kataib Hezbollah', match: 'always' },
  { entityId: 'amiri', text: 'Hadi al-Amiri', match: 'always' },
  { entityId: 'trump', text: 'Trump', match: 'always' },
];
/** Finds with a matcher of the given aliases, each text a page of its own: [entity id, surface text] pairs. */
function finder(list: MatcherAlias[]) {
  const m = createMatcher(list);
  return (text: string) => m.find(text, { memory: newPageMemory() }).map((x) => [x.entityId, x.text]);
}
const found = finder(aliases);

describe('first and second words', () => {
  it('finds a name whose first word also stood alone earlier on the page', () => {
    expect(found('United we stand, said the United Nations envoy. United, the Nations met.')).toEqual([['un', 'United Nations']]);
  });

  it('judges the second word by its spelling, whatever came before', () => {
    expect(found('Mike said it. Mike Pompeo said it. Mike POMPEO and Mike Pompeo’s aide.')).toEqual([
      ['pompeo', 'Mike Pompeo'],
      ['pompeo', 'Mike POMPEO'],
      ['pompeo', 'Mike Pompeo'],
    ]);
  });

  it('lets a middle initial, an article, a possessive and transliterations through to the walk', () => {
    expect(found('Mike R. Pompeo met Hadi Al-Ameri, the People’s Mojahedin and Kata’ib Hizballah.')).toEqual([
      ['pompeo', 'Mike R. Pompeo'],
      ['amiri', 'Hadi Al-Ameri'],
      ['mek', 'People’s Mojahedin'],
      ['kh', 'Kata’ib Hizballah'],
    ]);
  });

  it('looks across line breaks but not across a blank line', () => {
    expect(found('Kataib\nHezbollah')).toEqual([['kh', 'Kataib\nHezbollah']]);
    expect(found('Kataib\n\nHezbollah')).toEqual([]);
  });

  it('gives the same answers on a second page (the verdicts are kept per matcher)', () => {
    const page = 'Kataib fighters. Kataib Hezbollah and Trump. United Nations.';
    const first = found(page);
    expect(first).toEqual([
      ['kh', 'Kataib Hezbollah'],
      ['trump', 'Trump'],
      ['un', 'United Nations'],
    ]);
    expect(found(page)).toEqual(first);
  });
});

describe('aliases written lowercase', () => {
  const f = finder([
    { entityId: 'tahrir', text: 'place Tahrir', match: 'always' },
    { entityId: 'state', text: 'département d’État', match: 'always' },
    { entityId: 'trump', text: 'Trump', match: 'always' },
  ]);

  it('are found lowercase, capitalized and between capitals, but not inside other words', () => {
    expect(f('Sur la place Tahrir, Trump. Place Tahrir. Le département d’État et Trump.')).toEqual([
      ['tahrir', 'place Tahrir'],
      ['trump', 'Trump'],
      ['tahrir', 'Place Tahrir'],
      ['state', 'département d’État'],
      ['trump', 'Trump'],
    ]);
    expect(f('They replace Tahrir signs; the subdépartement d’État.')).toEqual([]);
  });

  it('are found from a capitalized word further on (the anchor), back to their lowercase start', () => {
    const g = finder([
      { entityId: 'quds', text: 'force Al-Qods', match: 'always' },
      { entityId: 'quds', text: 'brigate al Quds', match: 'always' },
      { entityId: 'embassy', text: 'embajada de Estados Unidos en Bagdad', match: 'always' },
      { entityId: 'baghdad', text: 'Bagdad', match: 'always' },
      { entityId: 'gardiens', text: 'gardiens de la révolution', match: 'always' },
    ]);
    expect(
      g('la force Al-Qods, les brigate Quds, la embajada de Estados Unidos en Bagdad et les gardiens de la révolution à Bagdad.'),
    ).toEqual([
      ['quds', 'force Al-Qods'],
      ['quds', 'brigate Quds'],
      ['embassy', 'embajada de Estados Unidos en Bagdad'],
      ['gardiens', 'gardiens de la révolution'],
      ['baghdad', 'Bagdad'],
    ]);
    // an anchor without its lowercase start is just a word
    expect(g('Estados Unidos en Bagdad; la fuerza Al-Qods.')).toEqual([['baghdad', 'Bagdad']]);
  });
});

describe('SurfaceCache', () => {
  it('keeps one spelling per slot and never answers for another spelling in the same slot', () => {
    const cache = new SurfaceCache();
    const words = Array.from({ length: 200_000 }, (_, i) => `W${i.toString(36)}`);
    const bySlot = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (const w of words) {
      const slot = cache.slotOf(w, 0, w.length);
      const other = bySlot.get(slot);
      if (other) {
        pair = [other, w];
        break;
      }
      bySlot.set(slot, w);
    }
    expect(pair).not.toBeNull();
    const [a, b] = pair!;
    const slot = cache.slotOf(a, 0, a.length);
    expect(cache.get(slot, a, 0, a.length)).toBe(0);
    cache.set(slot, a, 5);
    const text = `x ${a} ${b}`;
    expect(cache.get(slot, text, 2, 2 + a.length)).toBe(5);
    expect(cache.get(slot, text, 3 + a.length, 3 + a.length + b.length)).toBe(0);
    cache.set(slot, b, 7);
    expect(cache.get(slot, text, 2, 2 + a.length)).toBe(0);
    expect(cache.get(slot, text, 3 + a.length, 3 + a.length + b.length)).toBe(7);
  });
});

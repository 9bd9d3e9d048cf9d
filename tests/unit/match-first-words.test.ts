import { describe, expect, it } from 'vitest';
import { createMatcher, type MatcherAlias, newPageMemory } from '@/lib/match';
import { hashAt, lastHash2, SpellingTable, SpellingVerdicts } from '@/lib/match/spelling-table';

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

  it('goes on from a first word only to the second words of its own names, pair by pair', () => {
    // A matcher of its own: the verdicts on pairs are kept per matcher. Hezbollah follows Kataib in a name, never
    // United; Nations follows United, never Kataib.
    const found = finder(aliases);
    expect(found('United Hezbollah. Kataib Nations. Kataib Hezbollah. United Nations.')).toEqual([
      ['kh', 'Kataib Hezbollah'],
      ['un', 'United Nations'],
    ]);
    // the same pairs again, judged from the kept verdicts
    expect(found('Kataib Nations, United Hezbollah, United Nations and Kataib Hezbollah.')).toEqual([
      ['un', 'United Nations'],
      ['kh', 'Kataib Hezbollah'],
    ]);
  });

  it('lets through second words written as a hyphenated pair or with a Turkish case ending', () => {
    const find = finder([
      { entityId: 'sm', text: 'Hassan Shariatmadari', match: 'always' },
      { entityId: 'am', text: 'Abu Mahdi', match: 'always' },
    ]);
    expect(find('Hassan Shariat-Madari spoke; Abu Mahdi’nin adamları geldi.')).toEqual([
      ['sm', 'Hassan Shariat-Madari'],
      ['am', 'Abu Mahdi'],
    ]);
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

describe('third words and middle initials', () => {
  const find = finder([
    { entityId: 'state', text: 'United States Department of State', match: 'always' },
    { entityId: 'embassy', text: 'United States Embassy', match: 'always' },
    { entityId: 'muhandis', text: 'Abu Mahdi al-Muhandis', match: 'always' },
    { entityId: 'sm', text: 'Ayatollah Mohammad Shariatmadari', match: 'always' },
    { entityId: 'trump', text: 'Donald J. Trump', match: 'always' },
    { entityId: 'pompeo', text: 'Mike Pompeo', match: 'always' },
    { entityId: 'erdogan', text: 'Recep Tayyip Erdoğan', match: 'always' },
  ]);

  it('finds a name that goes on past a pair no name ends at, with every spelling of its third word', () => {
    expect(find('The United States said no. The United States Embassy and the United States Department of State.')).toEqual([
      ['embassy', 'United States Embassy'],
      ['state', 'United States Department of State'],
    ]);
    expect(find('Abu Mahdi Muhandis, Abu Mahdi al-Muhandis’s men and Abu Mahdi el Mohandes came; Abu Mahdi left.')).toEqual([
      ['muhandis', 'Abu Mahdi Muhandis'],
      ['muhandis', 'Abu Mahdi al-Muhandis'],
      ['muhandis', 'Abu Mahdi el Mohandes'],
    ]);
  });

  it('finds the third word glued by a hyphen, across a middle initial, or with a Turkish case ending', () => {
    expect(find('Ayatollah Mohammad Shariat-Madari, Abu Mahdi M. al-Muhandis and Recep Tayyip Erdoğan’ın sözleri.')).toEqual([
      ['sm', 'Ayatollah Mohammad Shariat-Madari'],
      ['muhandis', 'Abu Mahdi M. al-Muhandis'],
      ['erdogan', 'Recep Tayyip Erdoğan'],
    ]);
  });

  it('steps over a middle initial the name does not have, and keeps one it has', () => {
    expect(find('Mike R. Pompeo, Mike R. said, Donald J. Trump and Donald R. Trump.')).toEqual([
      ['pompeo', 'Mike R. Pompeo'],
      ['trump', 'Donald J. Trump'],
    ]);
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

describe('spelling tables', () => {
  const put = <V>(table: SpellingTable<V>, text: string, s: number, e: number, value: V) => {
    const h = hashAt(text, s, e);
    table.set(h, lastHash2, value);
  };
  const look = <V>(table: SpellingTable<V>, text: string, s: number, e: number): V | undefined => {
    const h = hashAt(text, s, e);
    return table.get(h, lastHash2);
  };

  it('answers for the spelling in the text at the given place, and only for it', () => {
    const table = new SpellingTable<number>();
    const text = 'The Tehran tehran Tehranis';
    put(table, 'Tehran', 0, 6, 5);
    expect(look(table, text, 4, 10)).toBe(5);
    expect(look(table, text, 11, 17)).toBeUndefined();
    expect(look(table, text, 18, 26)).toBeUndefined();
    put(table, 'Tehran', 0, 6, 7);
    expect(look(table, text, 4, 10)).toBe(7);
  });

  it('tells apart words that differ anywhere, however long, and words one hash alone confuses', () => {
    const a = `${'x'.repeat(40)}ab`;
    const b = `${'x'.repeat(40)}ba`;
    const table = new SpellingTable<string>();
    put(table, a, 0, a.length, 'a');
    expect(look(table, b, 0, b.length)).toBeUndefined();
    put(table, b, 0, b.length, 'b');
    expect([look(table, a, 0, a.length), look(table, b, 0, b.length)]).toEqual(['a', 'b']);
    // Two spellings with the same first hash are still two. FNV-1a: two first characters whose products agree in
    // their high bits give a second character for each that makes the two hashes equal.
    const seed = 0x811c9dc5 | 0;
    const byHigh = new Map<number, number>();
    let pair: [string, string] | null = null;
    for (let a = 0x41; a < 0xd000 && !pair; a++) {
      const x = Math.imul(seed ^ a, 0x01000193);
      const other = byHigh.get(x >>> 16);
      if (other !== undefined) {
        const y = Math.imul(seed ^ other, 0x01000193);
        const b = 0x61;
        pair = [String.fromCharCode(other, b), String.fromCharCode(a, (x ^ y ^ b) & 0xffff)];
      }
      byHigh.set(x >>> 16, a);
    }
    expect(pair).not.toBeNull();
    const [c, d] = pair as [string, string];
    expect(hashAt(c, 0, 2)).toBe(hashAt(d, 0, 2));
    put(table, c, 0, c.length, 'c');
    expect(look(table, d, 0, d.length)).toBeUndefined();
  });

  it('keeps every spelling as it grows, so a page full of distinct words does not throw any out', () => {
    const table = new SpellingTable<number>();
    const words = Array.from({ length: 50_000 }, (_, i) => `W${i.toString(36)}`);
    for (const [i, w] of words.entries()) put(table, w, 0, w.length, i);
    const missing = words.filter((w, i) => look(table, w, 0, w.length) !== i);
    expect(missing).toEqual([]);
  });

  it('starts over past its limit instead of growing without end, and never answers wrong', () => {
    const table = new SpellingTable<number>();
    const words = Array.from({ length: 70_000 }, (_, i) => `X${i.toString(36)}`);
    for (const [i, w] of words.entries()) put(table, w, 0, w.length, i);
    const answers = words.map((w) => look(table, w, 0, w.length));
    expect(answers.filter((v, i) => v !== undefined && v !== i)).toEqual([]);
    // the spellings since the fresh start are all there; the ones before it are gone
    expect(answers.at(-1)).toBe(words.length - 1);
    expect(answers[0]).toBeUndefined();
  });

  it('keeps small numbers in the slots (verdicts): 0 for a spelling never judged', () => {
    const verdicts = new SpellingVerdicts();
    const words = Array.from({ length: 20_000 }, (_, i) => `V${i.toString(36)}`);
    const key = (w: string) => [hashAt(w, 0, w.length), lastHash2] as const;
    const value = (i: number) => ((i * 7919) % 0xffff) + 1;
    for (const [i, w] of words.entries()) verdicts.set(...key(w), value(i));
    expect(words.filter((w, i) => verdicts.get(...key(w)) !== value(i))).toEqual([]);
    expect(verdicts.get(...key('never seen'))).toBe(0);
    verdicts.set(...key('V0'), 0xffff);
    expect(verdicts.get(...key('V0'))).toBe(0xffff);
    expect(() => verdicts.set(...key('V1'), 0x10000)).toThrow(RangeError);
    expect(() => verdicts.set(...key('V1'), 0)).toThrow(RangeError);
  });

  it('starts the verdicts over past their limit, and never answers wrong', () => {
    const verdicts = new SpellingVerdicts();
    const words = Array.from({ length: 120_000 }, (_, i) => `W${i.toString(36)}`);
    const key = (w: string) => [hashAt(w, 0, w.length), lastHash2] as const;
    for (const [i, w] of words.entries()) verdicts.set(...key(w), (i % 0xffff) + 1);
    const answers = words.map((w) => verdicts.get(...key(w)));
    expect(answers.filter((v, i) => v !== 0 && v !== (i % 0xffff) + 1)).toEqual([]);
    expect(answers.at(-1)).toBe(((words.length - 1) % 0xffff) + 1);
    expect(answers[0]).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createMatcher, heavyKey, lightKey, type MatcherAlias, newPageMemory } from '@/lib/match';

const aliases: MatcherAlias[] = [
  { entityId: 'qais', text: 'Qais al-Khazali', match: 'always' },
  { entityId: 'qais', text: 'Khazali', match: 'after-full-name' },
  { entityId: 'kh', text: "Kata'ib Hezbollah", match: 'always' },
  { entityId: 'kh', text: 'Hezbollah Brigades', match: 'always' },
  { entityId: 'trump', text: 'Donald Trump', match: 'always' },
  { entityId: 'trump', text: 'Trump', match: 'always' },
  { entityId: 'irgc', text: 'IRGC', match: 'always', caseSensitive: true },
  { entityId: 'quds', text: 'IRGC-QF', match: 'always', caseSensitive: true },
  { entityId: 'hadi', text: 'Hadi al-Amiri', match: 'always' },
  { entityId: 'falih', text: 'Falih al-Fayyadh', match: 'always' },
  { entityId: 'mek', text: 'Mujahedin-e-Khalq', match: 'always' },
  { entityId: 'khamenei', text: 'علی خامنه‌ای', match: 'always' },
  { entityId: 'khamenei', text: 'Khamenei', match: 'always' },
  { entityId: 'badr', text: 'Badr Organization', match: 'always' },
  { entityId: 'badr', text: 'Badr', match: 'context', context: ['militia', 'Amiri'] },
];
const matcher = createMatcher(aliases);
const found = (text: string) => matcher.find(text, { memory: newPageMemory() }).map((m) => [m.entityId, m.text]);

describe('normalization keys', () => {
  it('folds case, diacritics and apostrophes in the light key', () => {
    expect(lightKey('Hādī')).toBe('hadi');
    expect(lightKey('Khaz’ali')).toBe('khazali');
    expect(lightKey('ʿĀmirī')).toBe('amiri');
  });
  it('folds transliteration pairs in the heavy key', () => {
    for (const [a, b] of [
      ['qays', 'kais'],
      ['ameri', 'amari'],
      ['mohandess', 'muhandis'],
      ['hizballah', 'hezbollah'],
      ['fayyadh', 'fayad'],
      ['jafarzahdeh', 'jafarzadeh'],
      ['qods', 'quds'],
      ['chaabi', 'shaabi'],
      ['chamenei', 'khamenei'],
      ['nadjaf', 'najaf'],
      ['nadschaf', 'najaf'],
      ['nayaf', 'najaf'],
    ]) {
      expect(heavyKey(a as string), `${a} ~ ${b}`).toBe(heavyKey(b as string));
    }
    expect(heavyKey('khazali')).not.toBe(heavyKey('kazali'));
  });
});

describe('matcher', () => {
  it('finds spellings the dataset does not list', () => {
    expect(found('Qays al-Khaz’ali and Qais al Khazali met Kataeb Hizballah.')).toEqual([
      ['qais', 'Qays al-Khaz’ali'],
      ['qais', 'Qais al Khazali'],
      ['kh', 'Kataeb Hizballah'],
    ]);
  });
  it('handles hyphen and space variants of the article and glued articles', () => {
    expect(found('Hadi Al- Ameri, Hadi-Al Ameri, Hadi al Amari, Hādī al-ʿĀmirī. Falih Alfayyadh, Faleh al-Fayyad.')).toEqual([
      ['hadi', 'Hadi Al- Ameri'],
      ['hadi', 'Hadi-Al Ameri'],
      ['hadi', 'Hadi al Amari'],
      ['hadi', 'Hādī al-ʿĀmirī'],
      ['falih', 'Falih Alfayyadh'],
      ['falih', 'Faleh al-Fayyad'],
    ]);
  });
  it('ignores soft hyphens, zero-width characters and non-breaking spaces inside names', () => {
    expect(found('Qais\u00a0al-Kha\u00adzali and Qa\u200bis al-Khazali')).toEqual([
      ['qais', 'Qais\u00a0al-Kha\u00adzali'],
      ['qais', 'Qa\u200bis al-Khazali'],
    ]);
  });
  it('matches a bare surname only after the full name, and takes the article and possessive into account', () => {
    expect(found('Khazali spoke.')).toEqual([]);
    expect(found("Qais al-Khazali spoke. Later Khazali's men and al-Khazali himself left.")).toEqual([
      ['qais', 'Qais al-Khazali'],
      ['qais', 'Khazali'],
      ['qais', 'al-Khazali'],
    ]);
  });
  it('remembers full names across calls on the same page', () => {
    const memory = newPageMemory();
    matcher.find('Qais al-Khazali', { memory });
    expect(matcher.find('Khazali again', { memory }).map((m) => m.text)).toEqual(['Khazali']);
  });
  it('never matches across a blank line but does across a line wrap', () => {
    expect(found('Qais al-\nKhazali')).toEqual([['qais', 'Qais al-\nKhazali']]);
    expect(found('Qais al-\n\nKhazali')).toEqual([]);
  });
  it('matches acronyms case-sensitively and prefers the longest match', () => {
    expect(found('The IRGC, the irgc, the IRGC-QF and the IRGC’s men.')).toEqual([
      ['irgc', 'IRGC'],
      ['quds', 'IRGC-QF'],
      ['irgc', 'IRGC'],
    ]);
  });
  it('respects word boundaries', () => {
    expect(found('IRGCs and preIRGC and Trumpism')).toEqual([]);
  });
  it('does not take a word for a name or a name inside a longer one', () => {
    expect(found('He played a trump card.')).toEqual([]);
    expect(found('Ivanka Trump visited Trump Tower with Donald Trump Jr.')).toEqual([]);
    expect(found('Mojtaba Khamenei, the son.')).toEqual([]);
    expect(found('President Trump said, and Trump added. Iran’s Khamenei replied.')).toEqual([
      ['trump', 'Trump'],
      ['trump', 'Trump'],
      ['khamenei', 'Khamenei'],
    ]);
  });
  it('lets a headline capitalize the word after a name', () => {
    expect(found('Khamenei Warns Washington Over Embassy Attack')).toEqual([['khamenei', 'Khamenei']]);
  });
  it('lets German titles and place nouns, capitalized as all German nouns, stand before a name', () => {
    expect(found('Revolutionsführer Khamenei sprach, Großajatollah Khamenei schwieg.')).toEqual([
      ['khamenei', 'Khamenei'],
      ['khamenei', 'Khamenei'],
    ]);
    // a first name still makes it another person
    expect(found('Sein Sohn Mojtaba Khamenei schwieg.')).toEqual([]);
  });
  it('lets a headline verb stand before a name, on headlines only', () => {
    expect(found('Pompeo Warns Khamenei Over Embassy Attack')).toEqual([['khamenei', 'Khamenei']]);
    expect(found('US ENVOY SLAMS KHAMENEI AFTER EMBASSY ATTACK')).toEqual([['khamenei', 'KHAMENEI']]);
    // in prose a capital before the name still makes it another person's
    expect(found('Officials said Warns Khamenei was a pseudonym.')).toEqual([]);
  });
  it('lets the known longer names, not capitals, decide on a headline', () => {
    expect(found('Ivanka Trump Visits Tehran Fair')).toEqual([['trump', 'Trump']]);
    const m = createMatcher([...aliases, { entityId: 'trump', text: 'Ivanka Trump', match: 'always', lookalike: true }]);
    expect(m.find('Ivanka Trump Visits Tehran Fair', { memory: newPageMemory() })).toEqual([]);
    // in prose the capital before the name is enough
    expect(found('The report said Ivanka Trump visited.')).toEqual([]);
  });
  it('does not link a name inside the name of a battle or siege', () => {
    expect(found('Ashura recalls the Battle of Badr; the Siege of al-Badr too. Amiri’s militia.')).toEqual([]);
    expect(found('He commands the Badr militia, not the battle of Khamenei.')).toEqual([['badr', 'Badr']]);
  });
  it('takes a detached "el" for the Spanish article, a hyphenated one for the Arabic', () => {
    const m = createMatcher([{ entityId: 'cr', text: 'Consejo de Representantes', match: 'always' }, ...aliases]);
    const f = (text: string) => m.find(text, { memory: newPageMemory() }).map((x) => x.text);
    expect(f('El Consejo de Representantes votó; Hadi el-Amiri habló.')).toEqual(['Consejo de Representantes', 'Hadi el-Amiri']);
  });
  it('leaves a Turkish case suffix out of the name, and only when the whole word is no name', () => {
    const m = createMatcher([
      { entityId: 'kirkuk', text: 'Kerkük', match: 'always' },
      { entityId: 'pmf', text: 'Haşdi Şabi', match: 'always' },
      ...aliases,
    ]);
    const f = (text: string) => m.find(text, { memory: newPageMemory() }).map((x) => [x.entityId, x.text]);
    expect(f("gerginlik Kerkük'te sürüyor; Haşdi Şabi'nin güçleri ve Kata'ib Hezbollah.")).toEqual([
      ['kirkuk', 'Kerkük'],
      ['pmf', 'Haşdi Şabi'],
      ['kh', "Kata'ib Hezbollah"],
    ]);
    expect(f("the Kerkük'tepe hills")).toEqual([]);
    // the suffix ends the name: a capital after it does not make a longer name
    expect(f("Kerkük'te Haşdi Şabi güçleri")).toEqual([
      ['kirkuk', 'Kerkük'],
      ['pmf', 'Haşdi Şabi'],
    ]);
  });
  it('reads a hyphenated compound as the joined name', () => {
    const m = createMatcher([{ entityId: 'shariatmadari', text: 'Hossein Shariatmadari', match: 'always' }]);
    const f = (text: string) => m.find(text, { memory: newPageMemory() }).map((x) => x.text);
    expect(f('editor Hossein Shariat-Madari said, and Hossein Shariat‑Madari’s paper')).toEqual([
      'Hossein Shariat-Madari',
      'Hossein Shariat‑Madari',
    ]);
    expect(f('Hossein Shariat and Madari')).toEqual([]);
  });
  it('links a context alias only with its context', () => {
    expect(found('The Battle of Badr was fought in 624.')).toEqual([]);
    expect(found('The Badr militia deployed.')).toEqual([['badr', 'Badr']]);
  });
  it('matches names in Arabic script with Persian letter variants', () => {
    expect(found('سخنان علی خامنه‌ای')).toEqual([['khamenei', 'علی خامنه‌ای']]);
    expect(found('سخنان علي خامنهاي')).toEqual([['khamenei', 'علي خامنهاي']]);
  });
  it('returns offsets into the searched text', () => {
    const text = 'Then Qais al-Khazali spoke.';
    const [m] = matcher.find(text);
    expect(m && text.slice(m.start, m.end)).toBe('Qais al-Khazali');
  });
});

describe('matcher: abbreviations, possessives inside names, brackets', () => {
  const m = createMatcher([
    { entityId: 'state', text: 'U.S. State Department', match: 'always' },
    { entityId: 'state', text: 'State Department', match: 'always' },
    { entityId: 'embassy', text: 'US Embassy in Baghdad', match: 'always' },
    { entityId: 'mek', text: "People's Mojahedin Organization of Iran", match: 'always' },
    { entityId: 'irgc', text: 'IRGC', match: 'always', caseSensitive: true },
    { entityId: 'quds', text: 'IRGC Qods Force', match: 'always' },
    { entityId: 'quds', text: 'Qods Force', match: 'always' },
    { entityId: 'mcelhattan', text: 'Dale "Chip" McElhattan', match: 'always' },
    { entityId: 'yacoub', text: 'Dr. Reham Yacoub', match: 'always' },
  ]);
  const f = (text: string) => m.find(text).map((x) => [x.entityId, x.text]);
  it('reads through the full stop of an abbreviation', () => {
    expect(f('The U.S. State Department said. Dr. Reham Yacoub spoke.')).toEqual([
      ['state', 'U.S. State Department'],
      ['yacoub', 'Dr. Reham Yacoub'],
    ]);
  });
  it('does not take "US" for the Arabic article', () => {
    expect(f('the US embassy in Baghdad')).toEqual([['embassy', 'US embassy in Baghdad']]);
  });
  it('matches a name with a possessive inside it', () => {
    expect(f('the People’s Mojahedin Organization of Iran (PMOI)')).toEqual([['mek', 'People’s Mojahedin Organization of Iran']]);
  });
  it('keeps quotes and brackets inside a name balanced', () => {
    expect(f('the (IRGC) Qods Force and Dale ‘Chip’ McElhattan')).toEqual([
      ['irgc', 'IRGC'],
      ['quds', 'Qods Force'],
      ['mcelhattan', 'Dale ‘Chip’ McElhattan'],
    ]);
  });
});

describe('matcher: titles, middle initials, possessives, clitics', () => {
  const m = createMatcher([
    { entityId: 'soleimani', text: 'Qassem Soleimani', match: 'always' },
    { entityId: 'soleimani', text: 'Soleimani', match: 'after-full-name' },
    { entityId: 'trump', text: 'Donald Trump', match: 'always' },
    { entityId: 'irgc', text: 'IRGC', match: 'always', caseSensitive: true },
    { entityId: 'quds', text: 'IRGC Quds Force', match: 'always' },
    { entityId: 'quds', text: 'Quds Force', match: 'always' },
    { entityId: 'aah', text: 'عصائب أهل الحق', match: 'always' },
    { entityId: 'khamenei', text: 'علی خامنه‌ای', match: 'always' },
  ]);
  const f = (text: string) => m.find(text).map((x) => [x.entityId, x.text]);
  it('does not take a title and a surname for a full reference', () => {
    expect(f('General Soleimani and Gen. Soleimani')).toEqual([]);
  });
  it('reads over a middle initial', () => {
    expect(f('Donald J. Trump signed it.')).toEqual([['trump', 'Donald J. Trump']]);
  });
  it('ends a name at a possessive unless the alias goes on after it', () => {
    expect(f('the IRGC’s Quds Force')).toEqual([
      ['irgc', 'IRGC'],
      ['quds', 'Quds Force'],
    ]);
  });
  it('finds an Arabic name after a joined conjunction and Persian typed with a space', () => {
    expect(f('وعصائب أهل الحق')).toEqual([['aah', 'عصائب أهل الحق']]);
    expect(f('علی خامنه ای')).toEqual([['khamenei', 'علی خامنه ای']]);
  });
});

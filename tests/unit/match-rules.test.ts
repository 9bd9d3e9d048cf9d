import { describe, expect, it } from 'vitest';
import { compileDataset, toMatcherAliases } from '@/lib/dataset/compile';
import { createMatcher, newPageMemory } from '@/lib/match';
import { createPageScanner, htmlText } from '../../scripts/scan-page';
import { loadBundledDataset, readBundledSources } from '../../scripts/dataset-files';

/** The acceptance rules of issue 12 on the bundled dataset, each with the examples the issue names. */
const dataset = loadBundledDataset();
const matcher = createMatcher(dataset.aliases);
const found = (text: string) => matcher.find(text, { memory: newPageMemory() }).map((m) => `${m.entityId}:${m.text}`);

describe('headlines: Title Case lines let known longer names decide, not capitals', () => {
  it.each([
    'Ex-Spy Who Compiled Trump Dossier, Goes to Ground',
    'Will Trump Be Impeached?',
    'Harsher Tone Than Trump on Russia',
    'Are There Any Un-Angry Trump Supporters?',
  ])('finds Trump in "%s"', (headline) => {
    expect(found(headline)).toEqual(['donald-trump:Trump']);
  });

  it('leaves the known longer names alone', () => {
    expect(found('Melania Trump Visits Troops')).toEqual([]);
    expect(found('Trump Tower Lights Up for the Holidays')).toEqual([]);
    expect(found('Mojtaba Khamenei Gains Ground')).toEqual([]);
  });

  it('reads capitals around a name in prose as a longer name', () => {
    expect(found('The Oil Executive Met Trump Envoys in Erbil on Monday.')).toEqual([]);
  });

  it('does not read a name where the page uses the word in lowercase', () => {
    expect(found('When Experts Draw Trump Early\nThey drew trump in two rounds.')).toEqual([]);
  });
});

describe('glued inline elements', () => {
  it('finds the full name before a glued comment count', () => {
    const page = htmlText('<p><a href="#">President Donald Trump</a><span>42,070 comments</span></p>');
    const mentions = createPageScanner(dataset).scan(page);
    expect(mentions.map((m) => m.text)).toEqual(['Donald Trump']);
    expect(page.text.slice(mentions[0]?.start, mentions[0]?.end)).toBe('Donald Trump');
  });
});

describe('surnames in an earlier block', () => {
  it('the scan CLI links a headline surname to the full name in the body below it', () => {
    const page = htmlText('<h1>Kadhimi Replaces Fayyadh</h1><p>Prime Minister Mustafa al-Kadhimi replaced Falih al-Fayyadh.</p>');
    const mentions = createPageScanner(dataset).scan(page);
    expect(mentions.map((m) => `${m.entityId}:${page.text.slice(m.start, m.end)}`)).toEqual([
      'mustafa-al-kadhimi:Kadhimi',
      'falih-al-fayyadh:Fayyadh',
      'mustafa-al-kadhimi:Mustafa al-Kadhimi',
      'falih-al-fayyadh:Falih al-Fayyadh',
    ]);
  });
});

describe('surnames and titles', () => {
  it('counts a bare surname when the full name is anywhere in the text, after it too', () => {
    expect(found('Kadhimi Replaces Fayyadh\nPrime Minister Mustafa al-Kadhimi replaced Falih al-Fayyadh on Saturday.')).toEqual([
      'mustafa-al-kadhimi:Kadhimi',
      'falih-al-fayyadh:Fayyadh',
      'mustafa-al-kadhimi:Mustafa al-Kadhimi',
      'falih-al-fayyadh:Falih al-Fayyadh',
    ]);
    expect(found('Kadhimi flew to Riyadh on Monday.')).toEqual([]);
  });

  it.each([
    ['Prime Minister Kadhimi flew to Riyadh.', 'mustafa-al-kadhimi:Kadhimi'],
    ['Gen. Soleimani inspected the troops.', 'qassem-soleimani:Soleimani'],
    ['Ayatollah Khamenei spoke on television.', 'ali-khamenei:Khamenei'],
    ['Secretary Pompeo landed in Baghdad.', 'mike-pompeo:Pompeo'],
  ])('lets a fitting title stand for the full name: %s', (text, mention) => {
    expect(found(text)[0]).toBe(mention);
  });

  it.each([
    ['Mustafa al-Kadhimi met reporters. Iranian diplomat Kazemi declined to comment.', 'mustafa-al-kadhimi:Mustafa al-Kadhimi'],
    ['Hadi al-Amiri spoke. The nuclear scientist Amiri defected in 2009.', 'hadi-al-amiri:Hadi al-Amiri'],
    ['Hisham al-Hashimi was killed in July. Vice President al-Hashimi fled to Turkey in 2012.', 'hisham-al-hashimi:Hisham al-Hashimi'],
    ['Abu Mahdi al-Muhandis was killed. Mr Ebrahim, a shopkeeper, saw the strike.', 'abu-mahdi-al-muhandis:Abu Mahdi al-Muhandis'],
  ])('refuses an unfitting title, or a surname the dataset rules out: %s', (text, only) => {
    expect(found(text)).toEqual([only]);
  });

  it('records each surname decision with its evidence, and derives no surname ruled out', () => {
    const sources = readBundledSources();
    const entities = (sources.dataset as { entities: Parameters<typeof toMatcherAliases>[0] }).entities;
    const soleimani = entities.find((e) => e.id === 'qassem-soleimani');
    expect(soleimani?.surnames?.find((s) => s.text === 'Soleimani')).toMatchObject({ rule: 'stands-alone' });
    expect(soleimani?.surnames?.every((s) => s.evidence.length > 20)).toBe(true);
    const derived = toMatcherAliases(entities).map((a) => `${a.entityId}:${a.text}`);
    expect(derived).not.toContain('tahseen-osama-al-shahmani:Osama');
    expect(derived).not.toContain('falih-al-fayyadh:Qaisi');
    expect(found('Tahseen Osama al-Shahmani was shot. Osama was 30.')).toEqual(['tahseen-osama-al-shahmani:Tahseen Osama al-Shahmani']);
    expect(found('Faleh Fayyad al-Qaisi spoke. Qaisi said more.')).toEqual(['falih-al-fayyadh:Faleh Fayyad al-Qaisi']);
  });
});

describe('shorter and longer forms of organizations', () => {
  it('counts the usual short forms once the full name is on the page', () => {
    expect(found('The Washington Examiner reported it first. The Examiner said so.')).toEqual([
      'washington-examiner:Washington Examiner',
      'washington-examiner:Examiner',
    ]);
    expect(found('The Examiner said so.')).toEqual([]);
    expect(found('The National Council of Resistance of Iran met; the National Council of Resistance said.')).toContain(
      'ncri:National Council of Resistance',
    );
    expect(found('The Popular Mobilization Forces paraded; the Popular Mobilisation said.')).toContain(
      'popular-mobilization-forces:Popular Mobilisation',
    );
  });

  it('knows the Basij by its formal name and its members', () => {
    expect(found('the Organization for the Mobilization of the Oppressed')).toEqual([
      'basij:Organization for the Mobilization of the Oppressed',
    ]);
    expect(found('Basiji militiamen and Basijis beat protesters.')).toEqual(['basij:Basiji', 'basij:Basijis']);
  });
});

describe('aliases that stay on their own entity', () => {
  it.each([
    'The Pennsylvania Department of State certified the results.',
    'The Texas Department of State Health Services reported new cases.',
    'The Department of State Development approved the plan.',
  ])('no State Department in "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still finds the State Department in ordinary sentences', () => {
    expect(found('The U.S. State Department said on Monday.')).toEqual(['us-state-department:U.S. State Department']);
    expect(found('A State Department spokesman declined to comment.')).toEqual(['us-state-department:State Department']);
  });

  it('applies the longer-name rule in a script without case', () => {
    expect(found('مجتبی خامنه‌ای')).toEqual([]);
    expect(found('آیت‌الله خامنه‌ای گفت')).toEqual(['ali-khamenei:خامنه‌ای']);
  });

  it('takes an acronym only on a page about its entity', () => {
    expect(found('A grant from the UK National Cancer Research Institute (NCRI) paid for the trial.')).toEqual([]);
    expect(found('The Corporation for National Research Initiatives (CNRI) is in Reston.')).toEqual([]);
    expect(found('The NCRI said Tehran had lied.')).toEqual(['ncri:NCRI', 'tehran:Tehran']);
    expect(found('NCRI officials spoke.\n\nThe National Council of Resistance of Iran then published its report.')).toEqual([
      'ncri:NCRI',
      'ncri:National Council of Resistance of Iran',
    ]);
  });

  it.each([
    'Prince Badr bin Abdullah met the World Health Organization chief.',
    'A Sherpa named Dawa led the climbing party.',
    'Turkey trained the Hashd al-Watani near Mosul.',
    "Libya's Revolutionary Guard paraded in Tripoli.",
    'The Libyan Revolutionary Guard paraded in Tripoli.',
    'He won the K-1 World Grand Prix in 2001.',
    'The al-Quds Brigades fired rockets from Gaza.',
  ])('no false link in "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('keeps the real ones', () => {
    expect(found("Iran's Revolutionary Guard seized the tanker.")).toEqual(['irgc:Revolutionary Guard']);
    expect(found('Badr fighters joined other militias.')).toEqual(['badr-organization:Badr']);
    expect(found('Rockets hit the K-1 base near Kirkuk.')).toContain('k1-air-base:K-1');
  });
});

describe('dataset rules for the new fields', () => {
  const base = {
    version: 1,
    name: 'T',
    entities: [
      {
        id: 'p',
        name: 'Ali Tester',
        type: 'person',
        descriptor: 'd',
        note: { text: 'n', citations: [] },
        aliases: [{ text: 'Ali Tester' }, { text: 'Tester', match: 'after-full-name' }],
      },
    ],
  };
  const withSurnames = (surnames: unknown) => ({ ...base, entities: [{ ...base.entities[0], surnames }] });

  it('refuses a surname decision that contradicts its alias or names no surname', () => {
    expect(() => compileDataset(withSurnames([{ text: 'Tester', rule: 'stands-alone', evidence: 'rare' }]), [])).toThrow(/contradicts/);
    expect(() => compileDataset(withSurnames([{ text: 'Nobody', rule: 'needs-full-name', evidence: 'x' }]), [])).toThrow(
      /neither an alias/,
    );
  });

  it('keeps datasets without the new fields valid', () => {
    expect(compileDataset(base, []).aliases.map((a) => a.text)).toEqual(['Ali Tester', 'Tester']);
  });
});

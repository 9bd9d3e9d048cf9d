import { describe, expect, it } from 'vitest';
import { attributedPart, quotedPhrases, sourceForm } from '../../lib/dataset/note-text';
import { createMatcher, newPageMemory } from '../../lib/match';
import { loadBundledDataset, readArticles } from '../../scripts/dataset-files';

const dataset = loadBundledDataset();
const articles = readArticles();
const articleText = new Map(articles.map((a) => [a.meta.id, sourceForm(a.text)]));

/** Entity ids each article names: found by the matcher, or by name inside a longer one ("the US Embassy in Baghdad"). */
const namedIn = (() => {
  const matcher = createMatcher(dataset.aliases);
  return new Map(articles.map((a) => [a.meta.id, new Set(matcher.find(a.text, { memory: newPageMemory() }).map((m) => m.entityId))]));
})();

describe('quotedPhrases', () => {
  it('finds the text inside curly double quotes, split at ellipses', () => {
    expect(quotedPhrases('It calls him “the true ruler of Iraq” and says “why the Iraqi youths … are not”.')).toEqual([
      'the true ruler of Iraq',
      'why the Iraqi youths',
      'are not',
    ]);
  });
  it('ignores apostrophes', () => {
    expect(quotedPhrases("Iran's key allies, the mullahs' agents")).toEqual([]);
  });
});

describe('attributedPart', () => {
  it('is the text after "In the article set:", or nothing when the note has no such part', () => {
    expect(attributedPart('Iraqi politician. In the article set: one article quotes him.')).toBe('one article quotes him.');
    expect(attributedPart('Iraqi politician.')).toBe('');
  });
});

describe('sourceForm', () => {
  it('compares quotations with the articles regardless of curly apostrophes, dashes and runs of spaces', () => {
    expect(sourceForm('Iran’s  key\nallies — “x”')).toBe(sourceForm("Iran's key allies - \"x\""));
  });
});

describe('the notes of the bundled dataset', () => {
  it('lead with who the entity is, then attribute the articles’ claims after "In the article set:"', () => {
    for (const e of dataset.entities) {
      const [lead, rest] = e.note.text.split('In the article set:');
      expect(lead?.trim().length, `${e.id}: a lead before "In the article set:"`).toBeGreaterThan(20);
      if (e.note.citations.length) expect(rest?.trim().length, `${e.id}: claims of the articles it cites`).toBeGreaterThan(20);
    }
  });

  it('quote only words found in an article they cite', () => {
    const misquoted: string[] = [];
    for (const e of dataset.entities) {
      for (const phrase of quotedPhrases(attributedPart(e.note.text))) {
        const found = e.note.citations.some((id) => articleText.get(id)?.includes(sourceForm(phrase)));
        if (!found) misquoted.push(`${e.id}: “${phrase}”`);
      }
    }
    expect(misquoted).toEqual([]);
  });

  it('cite only articles that name the entity', () => {
    const names = (id: string, e: (typeof dataset.entities)[number]) =>
      namedIn.get(id)?.has(e.id) || articles.find((a) => a.meta.id === id)?.text.includes(e.name);
    const stray = dataset.entities.flatMap((e) =>
      e.note.citations.filter((id) => !names(id, e)).map((id) => `${e.id} cites ${id}, which does not name it`),
    );
    expect(stray).toEqual([]);
  });

  it('mark quotations with curly double quotes, so that every quotation is checked', () => {
    const straight = dataset.entities.filter((e) => /(?:^|[\s(])['"‘]\p{L}/u.test(e.note.text)).map((e) => e.id);
    expect(straight).toEqual([]);
  });
});

describe('the dates of the article set', () => {
  it('say what an implied date rests on, and leave an unknown date without a basis', () => {
    for (const { meta } of articles) {
      if (meta.date === null) expect(meta.dateBasis, meta.id).toBeNull();
      else expect(meta.dateBasis, meta.id).not.toBeNull();
      if (meta.dateBasis === 'implied') expect(meta.dateNote?.length, meta.id).toBeGreaterThan(40);
    }
  });

  it('call a date stated only when the article gives it as its own (none of the five does)', () => {
    expect(articles.filter((a) => a.meta.dateBasis === 'stated').map((a) => a.meta.id)).toEqual([]);
  });
});

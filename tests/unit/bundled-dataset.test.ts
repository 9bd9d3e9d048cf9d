import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledDataset, readArticles, ROOT } from '../../scripts/dataset-files';

const dataset = loadBundledDataset();
const articles = readArticles();

describe('the bundled dataset', () => {
  it('has people and organizations, each with a descriptor and a note', () => {
    const types = new Set(dataset.entities.map((e) => e.type));
    expect(types).toEqual(new Set(['person', 'organization', 'place']));
    expect(dataset.entities.filter((e) => e.type !== 'place').length).toBeGreaterThanOrEqual(35);
  });

  it('gives every entity at least one excerpt, each found verbatim in its article', () => {
    for (const e of dataset.entities) {
      const excerpts = dataset.excerpts[e.id] ?? [];
      expect(excerpts.length, e.id).toBeGreaterThan(0);
      for (const x of excerpts) {
        const text = articles.find((a) => a.meta.id === x.articleId)?.text;
        expect(text, x.articleId).toBeDefined();
        expect(text?.slice(x.start, x.end)).toBe(x.exact);
        expect(text?.slice(x.start - x.prefix.length, x.start)).toBe(x.prefix);
        expect(text).toContain(x.sentence);
        expect(x.sentence.slice(x.mentionStart, x.mentionEnd)).toBe(x.exact);
      }
    }
  });

  it('cites only articles of the set', () => {
    const ids = new Set(articles.map((a) => a.meta.id));
    for (const e of dataset.entities) for (const c of e.note.citations) expect(ids.has(c), `${e.id} cites ${c}`).toBe(true);
  });

  it('keeps the notes neutral: charged words of the articles appear only inside quotations', () => {
    const charged = /\b(terrorists?|terror|mullahs?|puppet|criminal|mouthpiece|mastermind)\b/i;
    // Official designations are facts about a government's act, named as the government names them.
    const designations = /Specially Designated Global Terrorists?|Foreign Terrorist Organi[sz]ations?|State Sponsors? of Terrorism/g;
    const charged_notes = dataset.entities.flatMap((e) =>
      [e.descriptor, e.note.text]
        .filter((text) => charged.test(text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’|'[^']*'/g, '').replace(designations, '')))
        .map((text) => `${e.id}: ${text}`),
    );
    expect(charged_notes).toEqual([]);
  });

  it('keeps the seed articles verbatim, with their source line', () => {
    expect(articles).toHaveLength(5);
    for (const a of articles) {
      expect(a.text.length).toBeGreaterThan(1000);
      if (a.meta.source) expect(a.text).toContain(`Source » ${a.meta.source}`);
      const seed = join(ROOT, '../shared/seeds', a.meta.file);
      // The seed folder is beside the repo on developer machines; the copy must stay byte-identical to it.
      if (existsSync(seed)) expect(a.text).toBe(readFileSync(seed, 'utf8'));
    }
  });
});

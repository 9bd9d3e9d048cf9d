import { describe, expect, it } from 'vitest';
import { compileDataset, DatasetError } from '@/lib/dataset/compile';
import type { ArticleMeta } from '@/lib/dataset/schema';

const meta = (id: string): ArticleMeta => ({
  id,
  file: `${id}.txt`,
  title: `Article ${id}`,
  titleIsEditorial: true,
  source: null,
  publisher: null,
  date: null,
  dateBasis: null,
  dateNote: null,
  language: 'en',
});
const articles = [
  { meta: meta('a1'), text: 'Qais al-Khazali spoke on Tuesday. Later, Khazali left.\nThe IRGC was blamed.' },
  { meta: meta('a2'), text: 'Mike Pompeo said the IRGC orchestrated it.' },
];

function entity(id: string, aliases: object[], extra: object = {}) {
  return { id, name: id, type: 'person', descriptor: 'Someone.', note: { text: 'A note.', citations: ['a1'] }, aliases, ...extra };
}
const valid = () => ({
  version: 1,
  name: 'Test',
  entities: [
    entity('qais-al-khazali', [{ text: 'Qais al-Khazali' }, { text: 'Khazali' }]),
    entity('irgc', [{ text: 'IRGC', caseSensitive: true }], { type: 'organization' }),
    entity('mike-pompeo', [{ text: 'Mike Pompeo' }], { note: { text: 'US Secretary of State.', citations: [] } }),
  ],
});

function problemsOf(input: unknown, options = { requireMentions: true }): string[] {
  try {
    compileDataset(input, articles, options);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  return [];
}

describe('compileDataset', () => {
  it('compiles a valid dataset with excerpts found by the matcher', () => {
    const out = compileDataset(valid(), articles, { requireMentions: true });
    expect(out.entities.map((e) => e.id)).toEqual(['qais-al-khazali', 'irgc', 'mike-pompeo']);
    const qais = out.excerpts['qais-al-khazali'] ?? [];
    expect(qais.map((e) => e.exact)).toEqual(['Qais al-Khazali', 'Khazali']);
    for (const e of Object.values(out.excerpts).flat()) {
      const text = articles.find((a) => a.meta.id === e.articleId)?.text ?? '';
      expect(text.slice(e.start, e.end)).toBe(e.exact);
      expect(text).toContain(e.sentence);
      expect(e.sentence.slice(e.mentionStart, e.mentionEnd)).toBe(e.exact);
    }
    expect(out.excerpts.irgc?.map((e) => e.articleId).sort()).toEqual(['a1', 'a2']);
    expect(out.aliases.find((a) => a.text === 'Khazali')?.match).toBe('after-full-name');
  });

  it('fails on an entity with no mention in the article set', () => {
    const d = valid();
    d.entities.push(entity('nobody', [{ text: 'Nobody Atall' }]));
    expect(problemsOf(d)).toEqual(['entity "nobody": no alias is mentioned anywhere in the article set']);
  });

  it('fails on a citation of an article that does not exist', () => {
    const d = valid();
    d.entities[0]!.note.citations = ['a9'];
    expect(problemsOf(d)).toEqual(['entity "qais-al-khazali", field note.citations: cites article "a9", which is not in the article set']);
  });

  it('fails on two entities with the same id', () => {
    const d = valid();
    d.entities.push(entity('irgc', [{ text: 'Revolutionary Guards' }]));
    expect(problemsOf(d)).toContain('entity "irgc": the id is used by two entities');
  });

  it('fails on an alias claimed by two entities unless both mark it ambiguous', () => {
    const d = valid();
    d.entities.push(entity('other-qais', [{ text: 'Qays al-Khazali' }]));
    expect(problemsOf(d)[0]).toMatch(/alias "Qays al-Khazali": the same spelling as alias "Qais al-Khazali" of entity "qais-al-khazali"/);
    const ok = valid();
    (ok.entities[0]!.aliases[0] as { ambiguous?: boolean }).ambiguous = true;
    ok.entities.push(entity('other-qais', [{ text: 'Qays al-Khazali', ambiguous: true }]));
    expect(problemsOf(ok, { requireMentions: false })).toEqual([]);
  });

  it('names the entity and the field of a schema error', () => {
    const d = valid() as { entities: Array<Record<string, unknown>> };
    d.entities[1]!.type = 'animal';
    d.entities[2]!.descriptor = 'Bold <b>claim</b>';
    const problems = problemsOf(d);
    expect(problems.some((p) => p.startsWith('entity "irgc", field type:'))).toBe(true);
    expect(problems).toContain('entity "mike-pompeo", field descriptor: must be plain text (no HTML)');
  });

  it('refuses hostile input whole', () => {
    expect(problemsOf(JSON.parse('{"version":1,"name":"x","entities":[],"__proto__":{"polluted":true}}')).length).toBeGreaterThan(0);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(problemsOf(null)).toHaveLength(1);
    expect(problemsOf({ version: 2, name: 'x', entities: [] }).length).toBeGreaterThan(0);
  });

  it('requires a context list for a context alias', () => {
    const d = valid();
    d.entities[0]!.aliases.push({ text: 'Qais', match: 'context' } as never);
    expect(problemsOf(d)).toContain('entity "qais-al-khazali", alias "Qais": match "context" needs a non-empty context list');
  });
});

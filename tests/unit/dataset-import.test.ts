import { describe, expect, it } from 'vitest';
import { addDataset, allDatasets, datasetIdFor, enabledDatasets, removeDataset, setDatasetEnabled } from '@/lib/db/datasets';
import { checkImportSize, compileImport, ImportError, MAX_IMPORT_BYTES } from '@/lib/datasets/import';
import { mergeDatasets } from '@/lib/datasets/merge';
import { loadBundledDataset } from '@/scripts/dataset-files';
import { datasetFile, freshDb } from './db-fixture';

function refusal(text: string): string[] {
  try {
    compileImport(text);
  } catch (e) {
    if (e instanceof ImportError) return e.problems;
    throw e;
  }
  throw new Error('the dataset was accepted');
}
const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('imported dataset validation', () => {
  it('compiles a valid file with the build’s compiler (matcher tables, no excerpts)', () => {
    const compiled = compileImport(json(datasetFile()));
    expect(compiled.name).toBe('Newsroom officials');
    expect(compiled.entities.map((e) => e.id)).toEqual(['jane-roe', 'acme-corp']);
    expect(compiled.matcher?.aliases.length).toBe(compiled.aliases.length);
    expect(compiled.excerpts).toEqual({});
  });

  it('refuses invalid JSON and says where', () => {
    const [problem] = refusal('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(problem).toMatch(/not valid JSON \(line 3, column \d+\)/);
  });

  it('refuses wrong types and missing fields, naming the entity and field', () => {
    const file = datasetFile();
    const [jane, acme] = file.entities as Record<string, unknown>[];
    (jane as Record<string, unknown>).type = 'robot';
    delete (acme as Record<string, unknown>).descriptor;
    const problems = refusal(json(file));
    expect(problems.some((p) => p.startsWith('entity "jane-roe", field type'))).toBe(true);
    expect(problems.some((p) => p.startsWith('entity "acme-corp", field descriptor'))).toBe(true);
    expect(refusal('[1, 2]')[0]).toMatch(/one JSON object/);
  });

  it('refuses markup or script in any string, names and aliases included', () => {
    const file = datasetFile();
    const jane = (file.entities as { aliases: { text: string }[] }[])[0];
    if (jane?.aliases[1]) jane.aliases[1].text = '<img src=x onerror=alert(1)>';
    expect(refusal(json(file))).toEqual(['entity "jane-roe", field aliases[1].text: must be plain text (no HTML or script)']);
    expect(refusal(json(datasetFile({ name: '<script>alert(1)</script>' })))[0]).toMatch(/^field name: must be plain text/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key, with its line', (key) => {
    const text = `{\n "version": 1,\n "name": "x",\n "${key}": { "polluted": true },\n "entities": []\n}`;
    expect(refusal(text)).toEqual([`the key "${key}" is not allowed (at line 4, column 2)`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses duplicate ids', () => {
    const file = datasetFile();
    const entities = file.entities as { id: string; aliases: { text: string }[] }[];
    entities.push({ ...structuredClone(entities[0] as object), aliases: [{ text: 'Someone Else' }] } as (typeof entities)[number]);
    expect(refusal(json(file))).toContain('entity "jane-roe": the id is used by two entities');
  });

  it('refuses a file too large before reading it, and an empty one', () => {
    expect(() => checkImportSize(200 * 1024 * 1024)).toThrow(/200 MB; datasets of at most 50 MB/);
    expect(() => checkImportSize(0)).toThrow(ImportError);
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
  });

  it('refuses a million entities without walking them', () => {
    // Small entities: a million full ones would be refused by size first.
    const text = `{"version":1,"name":"big","entities":[${Array(1_000_000).fill('{"id":"a"}').join(',')}]}`;
    expect(refusal(text)).toEqual(['field entities: the dataset has 1,000,000 entities; at most 100,000 are supported']);
  });

  it('refuses citations, since an imported dataset has no article set', () => {
    const file = datasetFile();
    (file.entities as { note: { citations: string[] } }[])[0]?.note.citations.push('001_099a10ef6d6aad87');
    expect(refusal(json(file))[0]).toMatch(/^entity "jane-roe", field note.citations: cites article "001_099a10ef6d6aad87"/);
  });
});

describe('datasets table', () => {
  it('makes ids from names, unique and never "bundled"', () => {
    expect(datasetIdFor('Newsroom Officials 2025', new Set())).toBe('newsroom-officials-2025');
    expect(datasetIdFor('Bundled', new Set())).toBe('bundled-2');
    expect(datasetIdFor('A', new Set(['a', 'a-2']))).toBe('a-3');
    expect(datasetIdFor('<<>>', new Set())).toBe('dataset');
  });

  it('adds, switches off and on, and removes datasets; two with the same entity ids stay apart', async () => {
    const db = freshDb();
    const compiled = compileImport(json(datasetFile()));
    const first = await addDataset(db, compiled, 1);
    const second = await addDataset(db, compiled, 2);
    expect([first.id, second.id]).toEqual(['newsroom-officials', 'newsroom-officials-2']);
    await setDatasetEnabled(db, first.id, false);
    expect((await enabledDatasets(db)).map((d) => d.id)).toEqual(['newsroom-officials-2']);
    await setDatasetEnabled(db, first.id, true);
    const merged = mergeDatasets(loadBundledDataset(), await allDatasets(db));
    expect(merged.entities.filter((e) => e.id.endsWith('/jane-roe')).map((e) => e.id)).toEqual([
      'newsroom-officials/jane-roe',
      'newsroom-officials-2/jane-roe',
    ]);
    await removeDataset(db, first.id);
    expect((await allDatasets(db)).map((d) => d.id)).toEqual(['newsroom-officials-2']);
  });
});

// @vitest-environment node
/**
 * The labelled name set (tests/fixtures/names/): its structure, the scoring used by
 * `npm run names:report`, and one test per passage comparing the matcher's output to the labels.
 * Passage failures are the matcher's to-do list; they are never skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher, type Matcher, newPageMemory } from '@/lib/match';
import { ENTITIES_FILE, loadBundledDataset } from '@/scripts/dataset-files';
import {
  evaluateNames,
  HOLDOUT_FIXTURES_DIR,
  type Label,
  listFixtureFiles,
  loadNamesFixtures,
  NAMES_FIXTURES_DIR,
  namesFixtureSchema,
  scorePassage,
} from '@/scripts/names-report';

/** The people and organizations this set was written for, plus the most frequent places; each must be labelled several times. */
const BUNDLED_IDS = [
  'abu-mahdi-al-muhandis',
  'qais-al-khazali',
  'hadi-al-amiri',
  'falih-al-fayyadh',
  'alireza-jafarzadeh',
  'ali-khamenei',
  'qassem-soleimani',
  'donald-trump',
  'masoumeh-ebtekar',
  'hossein-shariatmadari',
  'mike-pompeo',
  'iraj-masjedi',
  'nouri-al-maliki',
  'mustafa-al-kadhimi',
  'reham-yacoub',
  'hisham-al-hashimi',
  'ihab-al-wazni',
  'kataib-hezbollah',
  'asaib-ahl-al-haq',
  'badr-organization',
  'popular-mobilization-forces',
  'irgc',
  'quds-force',
  'mek',
  'ncri',
  'kayhan',
  'washington-examiner',
  'newsmax-tv',
  'islamic-dawa-party',
  'us-state-department',
  'baghdad',
  'tehran',
  'karbala',
  'basra',
];

const files = listFixtureFiles();
const fixtures = loadNamesFixtures();
const passages = fixtures.flatMap((f) => f.passages.map((p) => ({ file: f.file, ...p })));

describe('names fixtures: structure', () => {
  it('has several theme files and a sizeable set', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(passages.length).toBeGreaterThanOrEqual(120);
  });

  for (const file of files) {
    it(`${file} matches the fixture format`, () => {
      const raw: unknown = JSON.parse(readFileSync(join(NAMES_FIXTURES_DIR, file), 'utf8'));
      const parsed = namesFixtureSchema.safeParse(raw);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    });
  }

  it('passage ids are unique across files', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const p of passages) {
      const other = seen.get(p.id);
      if (other) duplicates.push(`${p.id} (${other}, ${p.file})`);
      seen.set(p.id, p.file);
    }
    expect(duplicates).toEqual([]);
  });

  it('every expected text occurs in its passage, in order and without overlap', () => {
    const problems: string[] = [];
    for (const p of passages) {
      let from = 0;
      for (const e of p.expected) {
        const at = p.text.indexOf(e.text, from);
        if (at < 0) problems.push(`${p.file}/${p.id}: ${JSON.stringify(e.text)} not found after offset ${from}`);
        else from = at + e.text.length;
      }
    }
    expect(problems).toEqual([]);
  });

  it('no expected mention spans a blank line (the matcher never crosses a block boundary)', () => {
    const problems = passages.flatMap((p) =>
      p.expected.filter((e) => /\n\s*\n/.test(e.text)).map((e) => `${p.file}/${p.id}: ${JSON.stringify(e.text)}`),
    );
    expect(problems).toEqual([]);
  });

  it('labels only entity ids of the dataset', () => {
    // Before assets/entities.json exists the fixed id list stands in; afterwards the compiled dataset decides.
    const ids = existsSync(ENTITIES_FILE) ? loadBundledDataset().entities.map((e) => e.id) : BUNDLED_IDS;
    const known = new Set(ids);
    const unknown = [...new Set(passages.flatMap((p) => p.expected.map((e) => e.entityId)))].filter(
      (id) => !known.has(id),
    );
    expect(unknown).toEqual([]);
  });

  it('labels every bundled entity at least three times', () => {
    const counts = new Map<string, number>();
    for (const p of passages) for (const e of p.expected) counts.set(e.entityId, (counts.get(e.entityId) ?? 0) + 1);
    const thin = BUNDLED_IDS.filter((id) => (counts.get(id) ?? 0) < 3);
    expect(thin).toEqual([]);
  });

  it('includes passages where nothing may match', () => {
    expect(passages.filter((p) => p.expected.length === 0).length).toBeGreaterThanOrEqual(30);
  });
});

describe('names report scoring', () => {
  const khazali = (text: string): Label => ({
    entityId: 'qais-al-khazali',
    text,
  });

  it('pairs predictions with labels by entity and identical surface text', () => {
    const score = scorePassage(
      [khazali('Qais al-Khazali'), khazali('Khazali')],
      [khazali('Qais al-Khazali'), khazali('Qais'), { entityId: 'hadi-al-amiri', text: 'Khazali' }],
    );
    expect(score.truePositives).toBe(1);
    expect(score.falsePositives).toEqual([khazali('Qais'), { entityId: 'hadi-al-amiri', text: 'Khazali' }]);
    expect(score.misses).toEqual([khazali('Khazali')]);
  });

  it('uses each label once', () => {
    const score = scorePassage([khazali('Khazali')], [khazali('Khazali'), khazali('Khazali')]);
    expect(score.truePositives).toBe(1);
    expect(score.falsePositives).toEqual([khazali('Khazali')]);
    expect(score.misses).toEqual([]);
  });

  it('computes precision, recall and F1 per file and overall, with null for 0/0', () => {
    const report = evaluateNames(
      [
        {
          file: 'a.json',
          passages: [{ id: 'a1', text: 'Qais Khazali', expected: [khazali('Khazali')], why: '' }],
        },
        {
          file: 'b.json',
          passages: [{ id: 'b1', text: 'y', expected: [], why: '' }],
        },
      ],
      (text) => (text === 'Qais Khazali' ? [khazali('Khazali'), khazali('Qais')] : []),
    );
    expect(report.overall).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      misses: 0,
      precision: 0.5,
      recall: 1,
    });
    expect(report.overall.f1).toBeCloseTo(2 / 3);
    expect(report.files[1]).toMatchObject({
      file: 'b.json',
      precision: null,
      recall: null,
      f1: null,
    });
    expect(report.falsePositives).toEqual([{ file: 'a.json', passageId: 'a1', ...khazali('Qais') }]);
  });

  it('lists a wrong extent of the right entity as a boundary mismatch, still counted as miss + false positive', () => {
    const text = 'Sheikh Qais al-Khazali spoke.';
    const report = evaluateNames(
      [
        {
          file: 'a.json',
          passages: [{ id: 'a1', text, expected: [khazali('Qais al-Khazali')], why: '' }],
        },
      ],
      () => [{ ...khazali('Sheikh Qais al-Khazali'), start: 0, end: 22 }],
    );
    expect(report.overall).toMatchObject({
      truePositives: 0,
      falsePositives: 1,
      misses: 1,
    });
    expect(report.boundaryMismatches).toEqual([
      {
        file: 'a.json',
        passageId: 'a1',
        entityId: 'qais-al-khazali',
        expected: 'Qais al-Khazali',
        predicted: 'Sheikh Qais al-Khazali',
      },
    ]);
    expect(report.lenient).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      misses: 0,
      precision: 1,
      recall: 1,
    });
  });
});

let matcher: Matcher | undefined;
/** Built on first use so that a dataset that does not compile yet fails each passage with the real error. */
function find(text: string): Label[] {
  matcher ??= createMatcher(loadBundledDataset().aliases);
  return matcher.find(text, { memory: newPageMemory() }).map((m) => ({ entityId: m.entityId, text: m.text }));
}

const knownLimits: Record<string, string> = JSON.parse(readFileSync(join(NAMES_FIXTURES_DIR, 'known-limits.json'), 'utf8')).passages;

describe('names: the held-out set (written blind to the matcher; never tuned on)', () => {
  const holdout = loadNamesFixtures(HOLDOUT_FIXTURES_DIR);
  it('is well formed: every label occurs in its passage, in order', () => {
    const problems: string[] = [];
    for (const p of holdout.flatMap((f) => f.passages)) {
      let from = 0;
      for (const e of p.expected) {
        const at = p.text.indexOf(e.text, from);
        if (at < 0) problems.push(`${p.id}: ${JSON.stringify(e.text)}`);
        else from = at + e.text.length;
      }
    }
    expect(problems).toEqual([]);
  });
  it('does not fall below the precision and recall of its first, blind measurement (271 of 276 right both ways: 98.2% / 98.2%)', () => {
    const report = evaluateNames(holdout, find);
    expect(report.overall.precision).toBeGreaterThanOrEqual(271 / 276);
    expect(report.overall.recall).toBeGreaterThanOrEqual(271 / 276);
  });
});

describe('names: the whole set', () => {
  it('scores precision >= 0.98 and recall >= 0.95', () => {
    const report = evaluateNames(fixtures, find);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.95);
  });
  it('lists only passages that exist as known limits', () => {
    const ids = new Set(passages.map((p) => p.id));
    expect(Object.keys(knownLimits).filter((id) => !ids.has(id))).toEqual([]);
  });
});

for (const fixture of fixtures) {
  describe(`names: ${fixture.file}`, () => {
    for (const p of fixture.passages) {
      const limit = knownLimits[p.id];
      if (limit) {
        // A documented disagreement (known-limits.json): asserted so that a fix is noticed and the entry removed.
        it(`${p.id}: known limit (${limit})`, () => {
          expect(find(p.text)).not.toEqual(p.expected);
        });
      } else {
        it(`${p.id} (${p.why})`, () => {
          expect(find(p.text)).toEqual(p.expected);
        });
      }
    }
  });
}

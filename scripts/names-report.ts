/**
 * Precision and recall of the name matcher on the labelled set in tests/fixtures/names/.
 *
 *   npm run names:report            human-readable tables, misses and false positives
 *   npm run names:report -- --json  the same as JSON
 *
 * Each passage is scanned as its own page (fresh PageMemory). A predicted mention is a true positive
 * when an expected mention with the same entityId and the identical surface text is still unmatched
 * in that passage; offsets are not compared, so labels stay readable and survive edits of the prose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { createMatcher, newPageMemory } from '../lib/match';
import { loadBundledDataset } from './dataset-files';

export const NAMES_FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures/names/', import.meta.url));
export const HOLDOUT_FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures/names-holdout/', import.meta.url));

const labelSchema = z.strictObject({
  entityId: z.string().min(1),
  text: z.string().min(1),
});

const passageSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens'),
  text: z.string().min(1),
  expected: z.array(labelSchema),
  why: z.string().min(1),
});

export const namesFixtureSchema = z.strictObject({
  passages: z.array(passageSchema).min(1),
});

export type Label = z.infer<typeof labelSchema>;
export type NamePassage = z.infer<typeof passageSchema>;
export interface NamesFixture {
  file: string;
  passages: NamePassage[];
}

export function listFixtureFiles(dir = NAMES_FIXTURES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'known-limits.json')
    .sort();
}

/** Parses every fixture file; a broken file throws with its name so the fix is obvious. */
export function loadNamesFixtures(dir = NAMES_FIXTURES_DIR): NamesFixture[] {
  return listFixtureFiles(dir).map((file) => {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = namesFixtureSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    return { file, passages: parsed.data.passages };
  });
}

export interface PassageScore<E extends Label = Label, P extends Label = Label> {
  truePositives: number;
  falsePositives: P[];
  misses: E[];
}

/** Pairs predictions with labels in order of appearance: the i-th predicted "Khazali" takes the i-th expected one. */
export function scorePassage<E extends Label, P extends Label>(
  expected: readonly E[],
  predicted: readonly P[],
): PassageScore<E, P> {
  const taken = expected.map(() => false);
  const falsePositives: P[] = [];
  let truePositives = 0;
  for (const p of predicted) {
    const i = expected.findIndex((e, k) => !taken[k] && e.entityId === p.entityId && e.text === p.text);
    if (i < 0) {
      falsePositives.push(p);
      continue;
    }
    taken[i] = true;
    truePositives++;
  }
  const misses = expected.filter((_, k) => !taken[k]);
  return { truePositives, falsePositives, misses };
}

/** A span of the passage text: [start, end) in UTF-16 code units. */
export interface Located extends Label {
  start: number;
  end: number;
}

/** Offsets of the labels, found in order (the structural test guarantees each one is found). */
export function locateExpected(text: string, expected: readonly Label[]): Located[] {
  let from = 0;
  return expected.map((e) => {
    const start = text.indexOf(e.text, from);
    if (start < 0) throw new Error(`label ${JSON.stringify(e.text)} not found in order in ${JSON.stringify(text)}`);
    from = start + e.text.length;
    return { entityId: e.entityId, text: e.text, start, end: from };
  });
}

export interface Counts {
  passages: number;
  expected: number;
  truePositives: number;
  falsePositives: number;
  misses: number;
  /** null when undefined (0/0): no prediction at all, or nothing to find. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Problem extends Label {
  file: string;
  passageId: string;
}

/** A miss and a false positive of the same entity on overlapping text: the right name, a different extent. */
export interface BoundaryMismatch {
  file: string;
  passageId: string;
  entityId: string;
  expected: string;
  predicted: string;
}

export interface NamesReport {
  overall: Counts;
  files: (Counts & { file: string })[];
  entities: (Counts & { entityId: string })[];
  misses: Problem[];
  falsePositives: Problem[];
  /** Already counted in misses and falsePositives; listed so that extent disagreements stand apart from real errors. */
  boundaryMismatches: BoundaryMismatch[];
  /** Precision/recall if each boundary mismatch counted as a hit (a diagnostic, not the headline figure). */
  lenient: Counts;
}

type Tally = Pick<Counts, 'passages' | 'expected' | 'truePositives' | 'falsePositives' | 'misses'>;

const emptyTally = (): Tally => ({
  passages: 0,
  expected: 0,
  truePositives: 0,
  falsePositives: 0,
  misses: 0,
});

function finish(t: Tally): Counts {
  const precision = ratio(t.truePositives, t.truePositives + t.falsePositives);
  const recall = ratio(t.truePositives, t.truePositives + t.misses);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return { ...t, precision, recall, f1 };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Pairs misses with overlapping false positives of the same entity, each used once. */
function boundaryPairs(misses: readonly Located[], falsePositives: readonly Label[]): [Located, Label][] {
  const used = new Set<Label>();
  const pairs: [Located, Label][] = [];
  for (const m of misses) {
    const f = falsePositives.find(
      (p) => !used.has(p) && isLocated(p) && p.entityId === m.entityId && p.start < m.end && m.start < p.end,
    );
    if (!f) continue;
    used.add(f);
    pairs.push([m, f]);
  }
  return pairs;
}

const isLocated = (l: Label): l is Located =>
  typeof (l as Partial<Located>).start === 'number' && typeof (l as Partial<Located>).end === 'number';

/** `find` may return offsets (start, end) with each mention; they are only used to spot boundary mismatches. */
export function evaluateNames(fixtures: readonly NamesFixture[], find: (text: string) => Label[]): NamesReport {
  const overall = emptyTally();
  const perEntity = new Map<string, Tally>();
  const entityTally = (id: string): Tally => {
    const t = perEntity.get(id) ?? emptyTally();
    perEntity.set(id, t);
    return t;
  };
  const files: NamesReport['files'] = [];
  const misses: Problem[] = [];
  const falsePositives: Problem[] = [];
  const boundaryMismatches: BoundaryMismatch[] = [];

  for (const fixture of fixtures) {
    const tally = emptyTally();
    for (const passage of fixture.passages) {
      const score = scorePassage(locateExpected(passage.text, passage.expected), find(passage.text));
      for (const [m, f] of boundaryPairs(score.misses, score.falsePositives)) {
        boundaryMismatches.push({
          file: fixture.file,
          passageId: passage.id,
          entityId: m.entityId,
          expected: m.text,
          predicted: f.text,
        });
      }
      for (const t of [tally, overall]) {
        t.passages++;
        t.expected += passage.expected.length;
        t.truePositives += score.truePositives;
        t.falsePositives += score.falsePositives.length;
        t.misses += score.misses.length;
      }
      const seen = new Set([...passage.expected, ...score.falsePositives].map((l) => l.entityId));
      for (const id of seen) entityTally(id).passages++;
      for (const e of passage.expected) entityTally(e.entityId).expected++;
      for (const m of score.misses) {
        entityTally(m.entityId).misses++;
        misses.push({
          file: fixture.file,
          passageId: passage.id,
          entityId: m.entityId,
          text: m.text,
        });
      }
      for (const f of score.falsePositives) {
        entityTally(f.entityId).falsePositives++;
        falsePositives.push({
          file: fixture.file,
          passageId: passage.id,
          entityId: f.entityId,
          text: f.text,
        });
      }
    }
    files.push({ file: fixture.file, ...finish(tally) });
  }
  for (const t of perEntity.values()) t.truePositives = t.expected - t.misses;

  const entities = [...perEntity]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([entityId, t]) => ({ entityId, ...finish(t) }));
  const b = boundaryMismatches.length;
  const lenient = finish({
    ...overall,
    truePositives: overall.truePositives + b,
    falsePositives: overall.falsePositives - b,
    misses: overall.misses - b,
  });
  return {
    overall: finish(overall),
    files,
    entities,
    misses,
    falsePositives,
    boundaryMismatches,
    lenient,
  };
}

const pct = (x: number | null): string => (x === null ? '   —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

function countsRow(name: string, c: Counts, width: number): string {
  return [
    name.padEnd(width),
    String(c.passages).padStart(5),
    String(c.expected).padStart(5),
    String(c.truePositives).padStart(5),
    String(c.falsePositives).padStart(5),
    String(c.misses).padStart(5),
    pct(c.precision),
    pct(c.recall),
    pct(c.f1),
  ].join('  ');
}

function table(title: string, rows: [string, Counts][]): string[] {
  const width = Math.max(title.length, ...rows.map(([n]) => n.length));
  const head = [title.padEnd(width), 'pass.', ' exp.', '   TP', '   FP', ' miss', ' prec. ', 'recall ', '  F1   '].join(
    '  ',
  );
  return [head, '-'.repeat(head.length), ...rows.map(([n, c]) => countsRow(n, c, width))];
}

/** JSON.stringify shows soft hyphens, no-break spaces and line breaks that would be invisible in a terminal. */
const shown = (p: Problem): string =>
  `${p.file.replace(/\.json$/, '')}/${p.passageId}  ${p.entityId}  ${JSON.stringify(p.text)}`;

export function formatNamesReport(report: NamesReport): string {
  const lines = [
    ...table(
      'file',
      report.files.map((f) => [f.file, f]),
    ),
    countsRow('ALL', report.overall, Math.max(4, ...report.files.map((f) => f.file.length))),
    '',
    ...table(
      'entity',
      report.entities.map((e) => [e.entityId, e]),
    ),
    '',
    `Misses (${report.misses.length}):`,
    ...report.misses.map((m) => `  ${shown(m)}`),
    '',
    `False positives (${report.falsePositives.length}):`,
    ...report.falsePositives.map((f) => `  ${shown(f)}`),
    '',
    `Of which boundary mismatches, same entity on overlapping text (${report.boundaryMismatches.length}):`,
    ...report.boundaryMismatches.map(
      (m) =>
        `  ${m.file.replace(/\.json$/, '')}/${m.passageId}  ${m.entityId}  expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.predicted)}`,
    ),
    '',
    `Overall: precision ${pct(report.overall.precision).trim()}, recall ${pct(report.overall.recall).trim()}, F1 ${pct(report.overall.f1).trim()}`,
    `(counting boundary mismatches as hits: precision ${pct(report.lenient.precision).trim()}, recall ${pct(report.lenient.recall).trim()}, F1 ${pct(report.lenient.f1).trim()})`,
  ];
  return lines.join('\n');
}

function main(argv: string[]): void {
  const dataset = loadBundledDataset();
  const matcher = createMatcher(dataset.aliases);
  const find = (text: string): Located[] =>
    matcher.find(text, { memory: newPageMemory() }).map((m) => ({
      entityId: m.entityId,
      text: m.text,
      start: m.start,
      end: m.end,
    }));
  // --holdout: the set written blind to the matcher (tests/fixtures/names-holdout), never used to tune it.
  const fixtures = loadNamesFixtures(argv.includes('--holdout') ? HOLDOUT_FIXTURES_DIR : NAMES_FIXTURES_DIR);

  const known = new Set(dataset.entities.map((e) => e.id));
  const unknown = [...new Set(fixtures.flatMap((f) => f.passages.flatMap((p) => p.expected.map((e) => e.entityId))))]
    .filter((id) => !known.has(id))
    .sort();

  const report = evaluateNames(fixtures, find);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ ...report, unknownEntityIds: unknown }, null, 2)}\n`);
    return;
  }
  if (unknown.length > 0) console.warn(`Labels use ids missing from the dataset: ${unknown.join(', ')}\n`);
  console.log(formatNamesReport(report));
  const unlabelled = [...known].filter((id) => !report.entities.some((e) => e.entityId === id && e.expected > 0));
  if (unlabelled.length > 0)
    console.log(`Dataset entities without any label in the set: ${unlabelled.sort().join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));

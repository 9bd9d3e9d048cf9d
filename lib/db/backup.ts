import { z } from 'zod';
import { articleMetaSchema, ENTITY_TYPES } from '../dataset/schema';
import type { CompiledDataset } from '../dataset/types';
import { ImportError, markupProblems, parseDatasetText } from '../datasets/import';
import type { ImportedDataset } from '../datasets/merge';
import { matcherTables } from '../match/matcher';
import { parseSettings, type Settings } from '../settings';
import type { GlossDatabase, NoteRecord, SightingRecord } from './database';
import { MAX_NOTE_LENGTH } from './notes';
import { loadPrefs, type Prefs, savePrefs } from './prefs';
import { MAX_SIGHTINGS, pageKey } from './sightings';

/**
 * The reader's data as one JSON file (keep `compiledSchema` in step with CompiledDataset and MatcherAlias): notes, sightings, imported datasets, settings and prefs, with a format
 * version. Imported datasets are kept compiled, without their matcher tables (derived from the aliases, so
 * they are computed again on restore rather than trusted from a file).
 */
export const BACKUP_FORMAT = 'gloss-reader-data';
export const BACKUP_VERSION = 1;

export interface ReaderBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  prefs: Prefs;
  notes: NoteRecord[];
  sightings: SightingRecord[];
  datasets: (Omit<ImportedDataset, 'compiled'> & { compiled: Omit<CompiledDataset, 'matcher'> })[];
}

const epoch = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);
const entityId = z.string().min(1).max(200);

const compiledSchema = z.strictObject({
  version: z.literal(1),
  name: text(120),
  revision: z.string().max(100).optional(),
  entities: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(80),
        name: text(120),
        type: z.enum(ENTITY_TYPES),
        descriptor: text(160),
        note: z.strictObject({ text: text(1200), citations: z.array(text(80)).max(20) }),
        aliases: z.array(text(120)).max(200),
      }),
    )
    .max(100_000),
  aliases: z.array(
    z.strictObject({
      entityId: z.string().min(1).max(80),
      text: text(120),
      match: z.enum(['always', 'after-full-name', 'context']),
      context: z.array(text(60)).max(50).optional(),
      caseSensitive: z.boolean().optional(),
      entityType: z.enum(ENTITY_TYPES).optional(),
      titles: z.array(text(60)).max(50).optional(),
      lookalike: z.boolean().optional(),
    }),
  ),
  excerpts: z.record(
    z.string(),
    z.array(
      z.strictObject({
        entityId: z.string(),
        articleId: z.string(),
        sentence: z.string(),
        mentionStart: epoch,
        mentionEnd: epoch,
        exact: z.string(),
        prefix: z.string(),
        suffix: z.string(),
        start: epoch,
        end: epoch,
      }),
    ),
  ),
  articles: z.array(articleMetaSchema),
});

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  settings: z.unknown(),
  prefs: z.strictObject({ recordSightings: z.boolean() }),
  notes: z.array(z.strictObject({ entityId, text: text(MAX_NOTE_LENGTH), updatedAt: epoch })),
  sightings: z
    .array(
      z.strictObject({
        entityId,
        url: z.string().refine((u) => pageKey(u) === u, 'must be an http(s) address without query or fragment'),
        title: text(1000),
        firstSeen: epoch,
        lastSeen: epoch,
        count: z.number().int().positive(),
      }),
    )
    .max(MAX_SIGHTINGS),
  datasets: z.array(
    z.strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .refine((id) => id !== 'bundled', 'is reserved')
        .max(80),
      name: text(120),
      enabled: z.boolean(),
      importedAt: epoch,
      compiled: compiledSchema,
    }),
  ),
});

/** Everything the reader made, as a backup object (JSON.stringify it to save). */
export async function exportReaderData(db: GlossDatabase, settings: Settings, now = new Date()): Promise<ReaderBackup> {
  return db.transaction('r', [db.notes, db.sightings, db.datasets, db.prefs], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings,
    prefs: await loadPrefs(db),
    notes: await db.notes.toArray(),
    sightings: await db.sightings.toArray(),
    datasets: (await db.datasets.toArray()).map(({ compiled: { matcher: _tables, ...compiled }, ...meta }) => ({ ...meta, compiled })),
  }));
}

/** Reads and checks a backup file's text; throws ImportError saying what and where. */
export function parseBackup(raw: string): ReaderBackup & { settings: Settings } {
  const value = parseDatasetText(raw);
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success) {
    throw new ImportError(
      parsed.error.issues.slice(0, 20).map((i) => `${i.path.length ? `field ${i.path.join('.')}` : 'the file'}: ${i.message}`),
    );
  }
  const markup = markupProblems(parsed.data.datasets);
  if (markup.length) throw new ImportError(markup.map((p) => `datasets: ${p}`));
  return { ...(parsed.data as ReaderBackup), settings: parseSettings(parsed.data.settings) };
}

/**
 * Replaces the reader's data with a backup's, in one transaction: on any failure nothing changes.
 * Returns the settings to store (browser.storage.local is the caller's).
 */
export async function restoreReaderData(db: GlossDatabase, backup: ReaderBackup): Promise<Settings> {
  const datasets: ImportedDataset[] = backup.datasets.map((d) => ({
    ...d,
    compiled: { ...d.compiled, matcher: matcherTables(d.compiled.aliases) },
  }));
  await db.transaction('rw', [db.notes, db.sightings, db.datasets, db.prefs], async () => {
    await Promise.all([db.notes.clear(), db.sightings.clear(), db.datasets.clear(), db.prefs.clear()]);
    await db.notes.bulkAdd(backup.notes);
    await db.sightings.bulkAdd(backup.sightings);
    await db.datasets.bulkAdd(datasets);
    await savePrefs(db, backup.prefs);
  });
  return parseSettings(backup.settings);
}

import Dexie, { type EntityTable } from 'dexie';
import type { ImportedDataset } from '../datasets/merge';

/** The reader's own note on an entity (namespaced id for imported entities). */
export interface NoteRecord {
  entityId: string;
  /** Plain text, shown as text. */
  text: string;
  /** Epoch ms of the last edit. */
  updatedAt: number;
}

/** One entity seen on one page (URL without query and fragment). */
export interface SightingRecord {
  entityId: string;
  url: string;
  title: string;
  /** Epoch ms. */
  firstSeen: number;
  lastSeen: number;
  /** Visits of the page on which the entity was shown. */
  count: number;
}

/** A reader preference the content script does not need (those live in browser.storage.local, lib/settings.ts). */
export interface PrefRecord {
  key: string;
  value: unknown;
}

export const DB_NAME = 'gloss';

/**
 * Every schema version, oldest first. A version is never edited once released: a change adds a new entry
 * (with an upgrade function when records must be rewritten) and a case in tests/unit/db-migration.test.ts.
 * See docs/storage.md.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  {
    version: 1,
    stores: {
      notes: 'entityId',
      sightings: '[entityId+url], entityId, url, lastSeen',
      datasets: 'id',
      prefs: 'key',
    },
  },
];

export class GlossDatabase extends Dexie {
  notes!: EntityTable<NoteRecord, 'entityId'>;
  sightings!: Dexie.Table<SightingRecord, [string, string]>;
  datasets!: EntityTable<ImportedDataset, 'id'>;
  prefs!: EntityTable<PrefRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

let shared: GlossDatabase | null = null;

/** The extension's one database (background, popup and options pages share the extension's origin). */
export function glossDb(): GlossDatabase {
  shared ??= new GlossDatabase();
  return shared;
}

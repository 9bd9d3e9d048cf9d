import { describe, expect, it } from 'vitest';
import { GlossDatabase, SCHEMA_VERSIONS } from '@/lib/db/database';

/**
 * A database as each released schema version wrote it, opened by the current code, keeps every record.
 * The v1 database is made with the raw IndexedDB API from the v1 store definitions (what Dexie 4 creates:
 * IndexedDB version = Dexie version × 10, the first key path the primary key, the rest indexes), so the test
 * does not depend on the code under test to write it. A new schema version adds its own case here: write the
 * previous version's database with its records, open it with GlossDatabase, and check the upgraded records.
 */

function keyPathOf(spec: string): string | string[] {
  const s = spec.trim().replace(/^[&*+]+/, '');
  return s.startsWith('[') ? s.slice(1, -1).split('+') : s;
}

function createRawDatabase(
  name: string,
  version: number,
  stores: Record<string, string>,
  records: Record<string, unknown[]>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version * 10);
    req.onupgradeneeded = () => {
      for (const [table, spec] of Object.entries(stores)) {
        const [primary = '', ...indexes] = spec.split(',');
        const store = req.result.createObjectStore(table, { keyPath: keyPathOf(primary) });
        for (const index of indexes) {
          const path = keyPathOf(index);
          store.createIndex(Array.isArray(path) ? `[${path.join('+')}]` : path, path);
        }
      }
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(Object.keys(records), 'readwrite');
      for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).add(row);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const V1_RECORDS = {
  notes: [
    { entityId: 'qais-al-khazali', text: 'My note', updatedAt: 1 },
    { entityId: 'team/acme', text: 'Imported entity note', updatedAt: 2 },
  ],
  sightings: [
    { entityId: 'qais-al-khazali', url: 'https://a.example/1', title: 'One', firstSeen: 1, lastSeen: 5, count: 3 },
    { entityId: 'team/acme', url: 'https://a.example/1', title: 'One', firstSeen: 2, lastSeen: 2, count: 1 },
  ],
  datasets: [
    {
      id: 'team',
      name: 'Team',
      enabled: true,
      importedAt: 3,
      compiled: { version: 1, name: 'Team', entities: [], aliases: [], excerpts: {}, articles: [] },
    },
  ],
  prefs: [{ key: 'recordSightings', value: false }],
};

describe('database migrations', () => {
  it('the first schema version is 1 and versions only grow', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('opens a version 1 database and keeps every record, with its indexes usable', async () => {
    const v1 = SCHEMA_VERSIONS.find((v) => v.version === 1);
    if (!v1) throw new Error('no version 1 schema');
    const name = 'gloss-migration-v1';
    await createRawDatabase(name, 1, v1.stores, V1_RECORDS);
    const db = new GlossDatabase(name);
    expect(await db.notes.toArray()).toEqual(V1_RECORDS.notes);
    expect(await db.sightings.toArray()).toEqual(V1_RECORDS.sightings);
    expect(await db.datasets.toArray()).toEqual(V1_RECORDS.datasets);
    expect(await db.prefs.toArray()).toEqual(V1_RECORDS.prefs);
    expect(await db.sightings.where('entityId').equals('team/acme').count()).toBe(1);
    expect((await db.sightings.orderBy('lastSeen').last())?.count).toBe(3);
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { exportReaderData, parseBackup, restoreReaderData } from '@/lib/db/backup';
import { addDataset, allDatasets, setDatasetEnabled } from '@/lib/db/datasets';
import { setNote } from '@/lib/db/notes';
import { loadPrefs, savePrefs } from '@/lib/db/prefs';
import { recordVisits } from '@/lib/db/sightings';
import { compileImport, ImportError } from '@/lib/datasets/import';
import { defaultSettings } from '@/lib/settings';
import { datasetFile, freshDb } from './db-fixture';

async function filledDb() {
  const db = freshDb();
  await setNote(db, 'qais-al-khazali', 'Follow the “Fatah” list.\nSecond line.', 10);
  await setNote(db, 'newsroom-officials/jane-roe', 'Our contact', 11);
  await recordVisits(
    db,
    [{ url: 'https://a.example/x', title: 'X <story>', entityIds: ['qais-al-khazali', 'newsroom-officials/jane-roe'], newVisit: true }],
    20,
  );
  const d = await addDataset(db, compileImport(JSON.stringify(datasetFile())), 30);
  await setDatasetEnabled(db, d.id, false);
  await savePrefs(db, { recordSightings: false });
  return db;
}

const settings = { ...defaultSettings(), pausedSites: ['example.org'], types: { person: true, organization: false, place: true } };

describe('export and import of the reader’s data', () => {
  it('round-trips without loss into a fresh database', async () => {
    const source = await filledDb();
    const file = JSON.stringify(await exportReaderData(source, settings, new Date(0)));
    const target = freshDb();
    await setNote(target, 'something-else', 'replaced by the import');
    const restoredSettings = await restoreReaderData(target, parseBackup(file));
    expect(restoredSettings).toEqual(settings);
    expect(await target.notes.toArray()).toEqual(await source.notes.toArray());
    expect(await target.sightings.toArray()).toEqual(await source.sightings.toArray());
    expect(await allDatasets(target)).toEqual(await allDatasets(source));
    expect(await loadPrefs(target)).toEqual({ recordSightings: false });
    // The same data again (key order aside: the file's fields are read through the schema).
    expect(JSON.parse(JSON.stringify(await exportReaderData(target, restoredSettings, new Date(0))))).toEqual(JSON.parse(file));
  });

  it('refuses a broken or hostile file whole and changes nothing stored', async () => {
    const db = await filledDb();
    const before = JSON.stringify(await exportReaderData(db, settings, new Date(0)));
    const good = JSON.parse(before);
    const cases: [string, string, RegExp][] = [
      ['not JSON', '{"format":', /not valid JSON/],
      ['another format', JSON.stringify({ ...good, format: 'other' }), /field format/],
      ['a newer version', JSON.stringify({ ...good, version: 2 }), /field version/],
      [
        'a bad sighting URL',
        JSON.stringify({ ...good, sightings: [{ ...good.sightings[0], url: 'javascript:alert(1)' }] }),
        /field sightings.0.url/,
      ],
      ['a __proto__ key', before.replace('"notes":', '"__proto__":{"x":1},"notes":'), /"__proto__" is not allowed/],
      ['markup in a dataset', before.replace('"Jane Roe"', '"<script>x</script>"'), /datasets: .*plain text/],
    ];
    for (const [what, text, message] of cases) {
      expect(() => parseBackup(text), what).toThrow(ImportError);
      expect(() => parseBackup(text), what).toThrow(message);
    }
    expect(JSON.stringify(await exportReaderData(db, settings, new Date(0)))).toBe(before);
  });

  it('leaves the stored data as it was when writing fails halfway', async () => {
    const db = await filledDb();
    const before = JSON.stringify(await exportReaderData(db, settings, new Date(0)));
    const backup = parseBackup(before);
    // Two notes with one key: the second add fails inside the transaction.
    const broken = { ...backup, notes: [...backup.notes, ...backup.notes] };
    await expect(restoreReaderData(db, broken)).rejects.toThrow();
    expect(JSON.stringify(await exportReaderData(db, settings, new Date(0)))).toBe(before);
  });
});

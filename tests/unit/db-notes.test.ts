import { describe, expect, it } from 'vitest';
import { allNotes, deleteNote, getNote, MAX_NOTE_LENGTH, setNote } from '@/lib/db/notes';
import { freshDb } from './db-fixture';

describe('notes table', () => {
  it('saves, edits and deletes the reader’s note on an entity', async () => {
    const db = freshDb();
    await setNote(db, 'qais-al-khazali', 'Met him in <b>Baghdad</b> reports', 1000);
    expect(await getNote(db, 'qais-al-khazali')).toEqual({
      entityId: 'qais-al-khazali',
      text: 'Met him in <b>Baghdad</b> reports',
      updatedAt: 1000,
    });
    await setNote(db, 'qais-al-khazali', 'Edited', 2000);
    expect((await getNote(db, 'qais-al-khazali'))?.text).toBe('Edited');
    await deleteNote(db, 'qais-al-khazali');
    expect(await getNote(db, 'qais-al-khazali')).toBeUndefined();
  });

  it('treats a blank note as deleted and keeps notes of imported entities apart by their namespaced id', async () => {
    const db = freshDb();
    await setNote(db, 'acme', 'bundled one');
    await setNote(db, 'mine/acme', 'imported one');
    await setNote(db, 'acme', '   \n');
    expect((await allNotes(db)).map((n) => [n.entityId, n.text])).toEqual([['mine/acme', 'imported one']]);
  });

  it('cuts a note at the length limit', async () => {
    const db = freshDb();
    const saved = await setNote(db, 'x', 'a'.repeat(MAX_NOTE_LENGTH + 10));
    expect(saved?.text.length).toBe(MAX_NOTE_LENGTH);
  });
});

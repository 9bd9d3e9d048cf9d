import type { GlossDatabase, NoteRecord } from './database';

/** Longest note kept: a note is a reader's memo, not a document. */
export const MAX_NOTE_LENGTH = 5000;

export function getNote(db: GlossDatabase, entityId: string): Promise<NoteRecord | undefined> {
  return db.notes.get(entityId);
}

/** Saves the note as typed; an empty (or blank) text deletes it. */
export async function setNote(db: GlossDatabase, entityId: string, text: string, now = Date.now()): Promise<NoteRecord | null> {
  const kept = text.slice(0, MAX_NOTE_LENGTH);
  if (!kept.trim()) {
    await db.notes.delete(entityId);
    return null;
  }
  const record = { entityId, text: kept, updatedAt: now };
  await db.notes.put(record);
  return record;
}

export function deleteNote(db: GlossDatabase, entityId: string): Promise<void> {
  return db.notes.delete(entityId);
}

export function allNotes(db: GlossDatabase): Promise<NoteRecord[]> {
  return db.notes.toArray();
}

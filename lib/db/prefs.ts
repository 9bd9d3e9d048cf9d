import type { GlossDatabase } from './database';

/** Reader preferences kept in Dexie: only the background and extension pages read them. */
export interface Prefs {
  /** Record "seen before" sightings. */
  recordSightings: boolean;
}

export function defaultPrefs(): Prefs {
  return { recordSightings: true };
}

export async function loadPrefs(db: GlossDatabase): Promise<Prefs> {
  const out = defaultPrefs();
  const record = await db.prefs.get('recordSightings');
  if (typeof record?.value === 'boolean') out.recordSightings = record.value;
  return out;
}

export async function savePrefs(db: GlossDatabase, prefs: Prefs): Promise<void> {
  await db.prefs.put({ key: 'recordSightings', value: prefs.recordSightings });
}

import type { GlossDatabase, SightingRecord } from './database';

/**
 * At most this many sightings (entity × page) are kept; beyond it the least recently seen go, down to
 * PRUNE_TO so that pruning runs once per few thousand new sightings, not on every write. A year of daily
 * reading at 20 pages a day with 10 names each is 73,000 sightings, within the limit; a row is about 250
 * bytes, so the table stays under 30 MB.
 */
export const MAX_SIGHTINGS = 100_000;
export const PRUNE_TO = 95_000;

/** Most recent other pages listed with "Seen on N other pages". */
export const RECENT_PAGES = 5;

/** The page a sighting belongs to: http(s) URL without query and fragment; null for pages not recorded. */
export function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.origin}${u.pathname}`;
  } catch {
    return null;
  }
}

/** What one page showed: its key (pageKey), title, entity ids, and whether this is a new visit of the page. */
export interface PageVisit {
  url: string;
  title: string;
  entityIds: readonly string[];
  /** A new load of the page counts once; later reports of the same load only refresh lastSeen and title. */
  newVisit: boolean;
}

/** Records a batch of page reports in one transaction. */
export async function recordVisits(db: GlossDatabase, visits: readonly PageVisit[], now = Date.now()): Promise<void> {
  const pairs = new Map<string, { key: [string, string]; title: string; newVisit: boolean }>();
  for (const v of visits) {
    for (const entityId of v.entityIds) {
      const id = `${entityId}\n${v.url}`;
      const prior = pairs.get(id);
      pairs.set(id, { key: [entityId, v.url], title: v.title, newVisit: v.newVisit || !!prior?.newVisit });
    }
  }
  if (!pairs.size) return;
  const wanted = [...pairs.values()];
  await db.transaction('rw', db.sightings, async () => {
    const existing = await db.sightings.bulkGet(wanted.map((w) => w.key));
    const rows: SightingRecord[] = wanted.map((w, i) => {
      const old = existing[i];
      const [entityId, url] = w.key;
      if (!old) return { entityId, url, title: w.title, firstSeen: now, lastSeen: now, count: 1 };
      return { ...old, title: w.title || old.title, lastSeen: now, count: old.count + (w.newVisit ? 1 : 0) };
    });
    await db.sightings.bulkPut(rows);
  });
}

/** Deletes the least recently seen sightings beyond `max`, down to `keep`. Returns how many went. */
export async function pruneSightings(db: GlossDatabase, max = MAX_SIGHTINGS, keep = PRUNE_TO): Promise<number> {
  return db.transaction('rw', db.sightings, async () => {
    const total = await db.sightings.count();
    if (total <= max) return 0;
    const excess = total - keep;
    const oldest = await db.sightings.orderBy('lastSeen').limit(excess).primaryKeys();
    await db.sightings.bulkDelete(oldest);
    return oldest.length;
  });
}

export interface SeenElsewhere {
  /** Pages other than the current one where the entity was seen. */
  count: number;
  /** The most recent of them, newest first. */
  recent: SightingRecord[];
}

/** Where else an entity was seen: every page but `currentUrl` (a pageKey, or null for none). */
export async function seenElsewhere(
  db: GlossDatabase,
  entityId: string,
  currentUrl: string | null,
  limit = RECENT_PAGES,
): Promise<SeenElsewhere> {
  const rows = await db.sightings.where('entityId').equals(entityId).toArray();
  const others = rows.filter((r) => r.url !== currentUrl).sort((a, b) => b.lastSeen - a.lastSeen);
  return { count: others.length, recent: others.slice(0, limit) };
}

/** When each entity was last seen anywhere (for "recently seen" order). */
export async function lastSeenByEntity(db: GlossDatabase): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await db.sightings.each((r) => {
    if ((out.get(r.entityId) ?? 0) < r.lastSeen) out.set(r.entityId, r.lastSeen);
  });
  return out;
}

/** "Clear history": every sighting, or one entity's. */
export async function clearSightings(db: GlossDatabase, entityId?: string): Promise<void> {
  if (entityId === undefined) await db.sightings.clear();
  else await db.sightings.where('entityId').equals(entityId).delete();
}

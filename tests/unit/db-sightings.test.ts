import { describe, expect, it } from 'vitest';
import { clearSightings, lastSeenByEntity, pageKey, pruneSightings, recordVisits, seenElsewhere } from '@/lib/db/sightings';
import { freshDb } from './db-fixture';

describe('sightings table', () => {
  it('keys a page by its address without query and fragment, and records only web pages', () => {
    expect(pageKey('https://news.example/a/b?utm=1#top')).toBe('https://news.example/a/b');
    expect(pageKey('http://127.0.0.1:8080/x.html')).toBe('http://127.0.0.1:8080/x.html');
    expect(pageKey('chrome://extensions')).toBeNull();
    expect(pageKey('not a url')).toBeNull();
  });

  it('records first and last seen, the title, and counts a page once per visit', async () => {
    const db = freshDb();
    const url = 'https://a.example/story';
    await recordVisits(db, [{ url, title: 'Story', entityIds: ['e1', 'e2'], newVisit: true }], 100);
    await recordVisits(db, [{ url, title: 'Story (updated)', entityIds: ['e1'], newVisit: false }], 200);
    await recordVisits(db, [{ url, title: 'Story', entityIds: ['e1'], newVisit: true }], 300);
    const e1 = await db.sightings.get(['e1', url]);
    expect(e1).toEqual({ entityId: 'e1', url, title: 'Story', firstSeen: 100, lastSeen: 300, count: 2 });
    expect((await db.sightings.get(['e2', url]))?.count).toBe(1);
  });

  it('tells where else an entity was seen, newest first, without the current page', async () => {
    const db = freshDb();
    for (const [i, page] of ['p1', 'p2', 'p3'].entries()) {
      await recordVisits(db, [{ url: `https://a.example/${page}`, title: page, entityIds: ['e1'], newVisit: true }], 100 + i);
    }
    const seen = await seenElsewhere(db, 'e1', 'https://a.example/p2', 5);
    expect(seen.count).toBe(2);
    expect(seen.recent.map((r) => r.title)).toEqual(['p3', 'p1']);
    expect((await seenElsewhere(db, 'e1', null, 1)).recent.map((r) => r.title)).toEqual(['p3']);
    expect((await seenElsewhere(db, 'nobody', null)).count).toBe(0);
    expect(await lastSeenByEntity(db)).toEqual(new Map([['e1', 102]]));
  });

  it('prunes the least recently seen beyond the limit', async () => {
    const db = freshDb();
    const visits = Array.from({ length: 12 }, (_, i) => ({
      url: `https://a.example/${i}`,
      title: `${i}`,
      entityIds: ['e'],
      newVisit: true,
    }));
    for (const [i, v] of visits.entries()) await recordVisits(db, [v], 1000 + i);
    expect(await pruneSightings(db, 20, 15)).toBe(0);
    expect(await pruneSightings(db, 10, 8)).toBe(4);
    const left = (await db.sightings.toArray()).map((r) => r.title).sort((a, b) => Number(a) - Number(b));
    expect(left).toEqual(['4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('clears one entity’s history or all of it', async () => {
    const db = freshDb();
    await recordVisits(db, [{ url: 'https://a.example/x', title: 'x', entityIds: ['e1', 'e2'], newVisit: true }]);
    await clearSightings(db, 'e1');
    expect((await db.sightings.toArray()).map((r) => r.entityId)).toEqual(['e2']);
    await clearSightings(db);
    expect(await db.sightings.count()).toBe(0);
  });
});

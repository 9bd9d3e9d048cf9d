import { describe, expect, it } from 'vitest';
import { createSightingsRecorder } from '@/lib/background/sightings';
import { savePrefs } from '@/lib/db/prefs';
import type { TabSummary } from '@/lib/messaging';
import { freshDb } from './db-fixture';

const summary = (url: string, counts: Record<string, number>, paused: TabSummary['paused'] = null): TabSummary => ({
  url,
  title: `Title of ${url}`,
  counts,
  paused,
});

describe('sightings recorder', () => {
  it('writes the reports of a tab in one batch and counts a page once per load', async () => {
    const db = freshDb();
    const rec = createSightingsRecorder(() => db, 60_000);
    rec.report(1, summary('https://a.example/x?utm=1', { e1: 2 }), false);
    rec.report(1, summary('https://a.example/x?utm=1', { e1: 3, e2: 1 }), false);
    expect(await db.sightings.count()).toBe(0);
    await rec.flush();
    expect((await db.sightings.toArray()).map((r) => [r.entityId, r.url, r.count])).toEqual([
      ['e1', 'https://a.example/x', 1],
      ['e2', 'https://a.example/x', 1],
    ]);
    rec.report(1, summary('https://a.example/x', { e1: 3 }), false);
    await rec.flush();
    expect((await db.sightings.get(['e1', 'https://a.example/x']))?.count).toBe(1);
    rec.forgetTab(1);
    rec.report(1, summary('https://a.example/x', { e1: 3 }), false);
    await rec.flush();
    expect((await db.sightings.get(['e1', 'https://a.example/x']))?.count).toBe(2);
  });

  it('records nothing in private windows, on paused pages, for names not shown, or with recording off', async () => {
    const db = freshDb();
    const rec = createSightingsRecorder(() => db, 60_000);
    rec.report(1, summary('https://a.example/private', { e1: 1 }), true);
    rec.report(2, summary('https://a.example/paused', { e1: 1 }, 'site'), false);
    rec.report(3, summary('https://a.example/none', { e1: 0 }), false);
    rec.report(4, summary('about:blank', { e1: 1 }), false);
    await rec.flush();
    expect(await db.sightings.count()).toBe(0);
    await savePrefs(db, { recordSightings: false });
    rec.report(5, summary('https://a.example/off', { e1: 1 }), false);
    await rec.flush();
    expect(await db.sightings.count()).toBe(0);
  });
});

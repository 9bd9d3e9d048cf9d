import { type GlossDatabase, glossDb } from '../db/database';
import { loadPrefs } from '../db/prefs';
import { type PageVisit, pageKey, pruneSightings, recordVisits } from '../db/sightings';
import type { TabSummary } from '../messaging';

/** Reports of the last seconds are written together: a page reports after every scan that changed its counts. */
export const FLUSH_DELAY_MS = 2000;

export interface SightingsRecorder {
  /** A tab's merged summary (every frame's names under the top frame's address). */
  report(tabId: number, summary: TabSummary, incognito: boolean): void;
  /** The tab loads a new document: its next report is a new visit. */
  forgetTab(tabId: number): void;
  /** Writes what is pending now (tests, and before the worker is shut down). */
  flush(): Promise<void>;
}

/**
 * Records "seen before" sightings from the summaries content scripts already send: nothing more runs in the
 * page. Never in private windows, on paused pages, or while the reader has recording off.
 */
export function createSightingsRecorder(db: () => GlossDatabase, delayMs = FLUSH_DELAY_MS): SightingsRecorder {
  /** By tab and page: a single-page app may change address between two flushes. */
  const pending = new Map<string, PageVisit>();
  /** Per tab, the page whose visit was counted already. */
  const counted = new Map<number, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const visits = [...pending.values()];
    pending.clear();
    writing = writing
      .then(async () => {
        if (!visits.length || !(await loadPrefs(db())).recordSightings) return;
        await recordVisits(db(), visits);
        await pruneSightings(db());
      })
      .catch((e: unknown) => console.warn('Gloss: sightings not recorded', e));
    return writing;
  };

  return {
    report(tabId, summary, incognito) {
      const url = pageKey(summary.url);
      if (incognito || summary.paused || !url) return;
      const entityIds = Object.keys(summary.counts).filter((id) => (summary.counts[id] ?? 0) > 0);
      if (!entityIds.length) return;
      const key = `${tabId} ${url}`;
      const newVisit = counted.get(tabId) !== url || pending.get(key)?.newVisit === true;
      counted.set(tabId, url);
      pending.set(key, { url, title: summary.title.slice(0, 300), entityIds, newVisit });
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    forgetTab(tabId) {
      counted.delete(tabId);
    },
    flush,
  };
}

/** The background's recorder, fed by 'summary:update' (messages.ts). */
export const sightingsRecorder = createSightingsRecorder(glossDb);

import { useState } from 'preact/hooks';
import { glossDb } from '@/lib/db/database';
import { loadPrefs } from '@/lib/db/prefs';
import { MAX_SIGHTINGS } from '@/lib/db/sightings';
import { ask } from '@/lib/reader/api';
import { useLiveQuery } from '@/lib/reader/use-live-query';

/** "Seen before": the recording switch, how much is kept, and "Clear history". */
export function HistorySection() {
  const prefs = useLiveQuery(() => loadPrefs(glossDb()), []);
  const count = useLiveQuery(() => glossDb().sightings.count(), []);
  const [cleared, setCleared] = useState(false);
  return (
    <section class="o-section" aria-labelledby="o-history-h">
      <h2 id="o-history-h">Seen before</h2>
      <p class="o-help">
        Gloss remembers on which pages you met each name (address without query, title, dates), to show “Seen on N other pages”. Never in
        private windows or on paused sites. The {MAX_SIGHTINGS.toLocaleString('en')} most recent sightings are kept.
      </p>
      <label>
        <input
          type="checkbox"
          id="o-record"
          checked={prefs?.recordSightings ?? true}
          disabled={!prefs}
          onChange={(e) => void ask('prefs:set', { recordSightings: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        Remember where I see names
      </label>
      <p>
        <span class="o-muted">{count === undefined ? '' : `${count.toLocaleString('en')} sightings stored. `}</span>
        <button
          type="button"
          class="o-button"
          onClick={async () => {
            await ask('sightings:clear', {});
            setCleared(true);
          }}
        >
          Clear history
        </button>{' '}
        <span role="status">{cleared ? 'History cleared.' : ''}</span>
      </p>
    </section>
  );
}

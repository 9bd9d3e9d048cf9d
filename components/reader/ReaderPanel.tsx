import { useEffect, useState } from 'preact/hooks';
import type { NoteRecord } from '@/lib/db/database';
import type { SeenElsewhere } from '@/lib/db/sightings';
import type { ReaderApi } from '@/lib/reader/api';
import { NoteEditor } from './NoteEditor';
import { SeenBefore } from './SeenBefore';

export interface ReaderPanelProps {
  entityId: string;
  /** The page the reader is on (left out of "other pages"); empty when none. */
  pageUrl: string;
  api: ReaderApi;
  classPrefix: string;
}

/** The reader's own layer for an entity: their note and where they met the name before. */
export function ReaderPanel({ entityId, pageUrl, api, classPrefix }: ReaderPanelProps) {
  // Each answer is kept with the entity (and page) it is for: no state is reset to "loading" and back, and an
  // answer for the entity shown before never lands on the one shown now.
  const [note, setNote] = useState<{ entityId: string; record: NoteRecord | null } | null>(null);
  const [seen, setSeen] = useState<{ key: string; seen: SeenElsewhere } | null>(null);
  const seenKey = `${entityId}\n${pageUrl}`;

  useEffect(() => {
    const answer = (record: NoteRecord | null) => setNote({ entityId, record });
    api.getNote(entityId).then(answer, () => answer(null));
  }, [api, entityId]);

  useEffect(() => {
    api.seenElsewhere(entityId, pageUrl).then(
      (s) => setSeen({ key: seenKey, seen: s }),
      () => undefined,
    );
  }, [api, entityId, pageUrl, seenKey]);

  const clearHistory = api.clearHistory
    ? () => void api.clearHistory?.(entityId).then(() => setSeen({ key: seenKey, seen: { count: 0, recent: [] } }))
    : undefined;
  const loaded = note?.entityId === entityId ? note : null;
  const shownSeen = seen?.key === seenKey ? seen.seen : null;
  return (
    <section class={`${classPrefix}-reader`} aria-label="Your notes and history" data-gloss-reader={loaded ? 'ready' : 'loading'}>
      {loaded ? (
        <NoteEditor
          key={entityId}
          entityId={entityId}
          initial={loaded.record?.text ?? null}
          save={(t) => api.setNote(entityId, t)}
          classPrefix={classPrefix}
        />
      ) : null}
      {shownSeen ? <SeenBefore seen={shownSeen} classPrefix={classPrefix} onClear={clearHistory} /> : null}
    </section>
  );
}

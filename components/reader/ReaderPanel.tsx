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
  const [note, setNote] = useState<NoteRecord | null | undefined>(undefined);
  const [seen, setSeen] = useState<SeenElsewhere | null>(null);

  useEffect(() => {
    let alive = true;
    setNote(undefined);
    setSeen(null);
    api.getNote(entityId).then(
      (n) => alive && setNote(n),
      () => alive && setNote(null),
    );
    api.seenElsewhere(entityId, pageUrl).then(
      (s) => alive && setSeen(s),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api, entityId, pageUrl]);

  return (
    <section class={`${classPrefix}-reader`} aria-label="Your notes and history" data-gloss-reader={note === undefined ? 'loading' : 'ready'}>
      {note === undefined ? null : <NoteEditor entityId={entityId} initial={note?.text ?? null} save={(t) => api.setNote(entityId, t)} classPrefix={classPrefix} />}
      {seen ? <SeenBefore seen={seen} classPrefix={classPrefix} /> : null}
    </section>
  );
}

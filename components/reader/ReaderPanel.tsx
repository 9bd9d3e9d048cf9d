import { useEffect, useState } from 'preact/hooks';
import type { NoteRecord } from '@/lib/db/database';
import type { SeenElsewhere } from '@/lib/db/sightings';
import type { ReaderApi } from '@/lib/reader/api';
import { NoteEditor } from './NoteEditor';
import { SeenBefore, seenText } from './SeenBefore';

export interface ReaderPanelProps {
  entityId: string;
  /** The page the reader is on (left out of "other pages"); empty when none. */
  pageUrl: string;
  api: ReaderApi;
  classPrefix: string;
  /**
   * The hover card's form: one line of two buttons ("Your note" / "Add a note", "Seen on N other pages") that open
   * the note and the list, so that a folded card is no taller. The popup shows both open.
   */
  compact?: boolean;
}

/** The reader's own layer for an entity: their note and where they met the name before. */
export function ReaderPanel({ entityId, pageUrl, api, classPrefix, compact = false }: ReaderPanelProps) {
  const [open, setOpen] = useState<{ entityId: string; part: 'note' | 'seen' } | null>(null);
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
  const c = classPrefix;
  const editor = loaded ? (
    <NoteEditor
      key={entityId}
      entityId={entityId}
      initial={loaded.record?.text ?? null}
      save={(t) => api.setNote(entityId, t)}
      classPrefix={c}
    />
  ) : null;
  const history = shownSeen ? <SeenBefore seen={shownSeen} classPrefix={c} onClear={clearHistory} /> : null;
  const state = loaded ? 'ready' : 'loading';
  if (!compact) {
    return (
      <section class={`${c}-reader`} aria-label="Your notes and history" data-gloss-reader={state}>
        {editor}
        {history}
      </section>
    );
  }
  const shown = open?.entityId === entityId ? open.part : null;
  const toggle = (part: 'note' | 'seen') => setOpen(shown === part ? null : { entityId, part });
  return (
    <span class={`${c}-reader`} data-gloss-reader={state}>
      {loaded ? (
        <button type="button" class={`${c}-reader-toggle ${c}-note-toggle`} aria-expanded={shown === 'note'} onClick={() => toggle('note')}>
          {loaded.record ? 'Your note' : 'Add a note'}
        </button>
      ) : null}
      {shownSeen?.count ? (
        <button type="button" class={`${c}-reader-toggle ${c}-seen-toggle`} aria-expanded={shown === 'seen'} onClick={() => toggle('seen')}>
          {seenText(shownSeen.count)}
        </button>
      ) : null}
      {shown === 'note' ? <span class={`${c}-reader-open`}>{editor}</span> : null}
      {shown === 'seen' ? <span class={`${c}-reader-open`}>{history}</span> : null}
    </span>
  );
}

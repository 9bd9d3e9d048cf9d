import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '@/lib/db/notes';

/** Typing pauses this long before the note is saved; leaving the field saves at once. */
export const SAVE_DELAY_MS = 400;

export interface NoteEditorProps {
  entityId: string;
  /** The stored note, or null before it is loaded / when there is none. */
  initial: string | null;
  save(text: string): Promise<unknown>;
  /** A class prefix: the card and the popup style it each their own way. */
  classPrefix: string;
}

type Status = 'idle' | 'saving' | 'saved' | 'failed' | { deleted: string };

/** The reader's own note: saved as typed (no Save button to forget), delete with undo. Plain text in a textarea. */
export function NoteEditor({ entityId, initial, save, classPrefix: c }: NoteEditorProps) {
  const [text, setText] = useState(initial ?? '');
  const [status, setStatus] = useState<Status>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const id = `gloss-note-${entityId.replace(/[^a-z0-9-]/gi, '_')}`;

  const write = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    unsaved.current = null;
    setStatus('saving');
    save(value).then(
      () => setStatus((s) => (typeof s === 'object' ? s : 'saved')),
      () => setStatus('failed'),
    );
  };
  const flush = () => {
    if (unsaved.current !== null) write(unsaved.current);
  };

  useEffect(() => setText(initial ?? ''), [initial]);
  // A note typed just before the card or the popup closes is still saved.
  useEffect(() => () => flush(), [entityId]);

  const onInput = (value: string) => {
    setText(value);
    unsaved.current = value;
    setStatus('idle');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };

  const remove = () => {
    const old = text;
    setText('');
    write('');
    setStatus({ deleted: old });
  };
  const undo = (old: string) => {
    setText(old);
    write(old);
  };

  return (
    <div class={`${c}-note`}>
      <label class={`${c}-note-label`} for={id}>
        Your note
      </label>
      <textarea
        id={id}
        class={`${c}-note-text`}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        placeholder="Write a note for yourself; it is saved as you type."
        value={text}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={flush}
      />
      <div class={`${c}-note-foot`}>
        <span class={`${c}-note-status`} role="status">
          {typeof status === 'object'
            ? 'Note deleted.'
            : status === 'saved'
              ? 'Saved'
              : status === 'saving'
                ? 'Saving…'
                : status === 'failed'
                  ? 'Not saved: try again.'
                  : ''}
        </span>
        {typeof status === 'object' ? (
          <button type="button" class={`${c}-note-button`} onClick={() => undo(status.deleted)}>
            Undo
          </button>
        ) : text ? (
          <button type="button" class={`${c}-note-button`} onClick={remove}>
            Delete note
          </button>
        ) : null}
      </div>
    </div>
  );
}

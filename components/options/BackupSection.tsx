import { useState } from 'preact/hooks';
import { exportReaderData } from '@/lib/db/backup';
import { glossDb } from '@/lib/db/database';
import { ask } from '@/lib/reader/api';
import { loadSettings } from '@/lib/settings';
import { Problems } from './Problems';

type State = { status: 'idle' | 'busy' | 'restored' } | { status: 'refused'; problems: string[] };

/** Export everything the reader made as one JSON file, and restore such a file (replacing what is stored). */
export function BackupSection() {
  const [state, setState] = useState<State>({ status: 'idle' });

  const download = async () => {
    const backup = await exportReaderData(glossDb(), await loadSettings());
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `gloss-data-${backup.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setState({ status: 'busy' });
    const { problems } = await ask('reader:restore', { text: await file.text() }).catch((e: Error) => ({ problems: [e.message] }));
    setState(problems.length ? { status: 'refused', problems } : { status: 'restored' });
  };

  return (
    <section class="o-section" aria-labelledby="o-backup-h">
      <h2 id="o-backup-h">Your data</h2>
      <p class="o-help">
        One file with your notes, the pages where you saw names, your imported datasets and your settings. Importing it replaces what is
        stored here.
      </p>
      <p class="o-row">
        <button type="button" class="o-button" id="o-export" onClick={() => void download()}>
          Export my data
        </button>{' '}
        <label class="o-file">
          <span>Import my data</span>
          <input type="file" accept=".json,application/json" onChange={(e) => void restore(e.currentTarget as HTMLInputElement)} />
        </label>
      </p>
      <div role="status">
        {state.status === 'busy' ? 'Restoring…' : state.status === 'restored' ? 'Your data was restored.' : null}
        {state.status === 'refused' ? (
          <Problems title="The file was not imported; nothing stored changed." problems={state.problems} />
        ) : null}
      </div>
    </section>
  );
}

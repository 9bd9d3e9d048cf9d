import { useState } from 'preact/hooks';
import { glossDb } from '@/lib/db/database';
import { allDatasets, summarize } from '@/lib/db/datasets';
import { compileFile, type ImportProgress } from '@/lib/datasets/import-file';
import { ImportError } from '@/lib/datasets/import';
import { ask } from '@/lib/reader/api';
import { useLiveQuery } from '@/lib/reader/use-live-query';
import { Problems } from './Problems';

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the file…',
  checking: 'Checking the file…',
  compiling: 'Validating and compiling the names…',
  storing: 'Storing and applying to open tabs…',
};

type ImportState =
  | { status: 'idle' }
  | { status: 'busy'; progress: ImportProgress }
  | { status: 'done'; name: string }
  | { status: 'refused'; file: string; problems: string[] };

/** Imported datasets: import a file (validated whole, compiled off the page's thread), switch on or off, remove. */
export function DatasetsSection() {
  const datasets = useLiveQuery(async () => (await allDatasets(glossDb())).map(summarize), []);
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const compiled = await compileFile(file, (progress) => setState({ status: 'busy', progress }));
      setState({ status: 'busy', progress: { phase: 'storing' } });
      const stored = await ask('dataset:add', { compiled });
      setState({ status: 'done', name: stored.name });
    } catch (e) {
      const problems = e instanceof ImportError ? e.problems : [`the dataset could not be stored: ${(e as Error).message}`];
      setState({ status: 'refused', file: file.name, problems });
    }
  };

  return (
    <section class="o-section" aria-labelledby="o-datasets-h">
      <h2 id="o-datasets-h">Datasets</h2>
      <p class="o-help">
        The bundled dataset is always on. Import your own list of names in the Gloss dataset format; it is checked whole before anything is
        stored, and applied to open tabs at once.
      </p>
      <ul class="o-list" aria-label="Imported datasets">
        {datasets?.map((d) => (
          <li key={d.id} class="o-dataset" data-dataset-id={d.id}>
            <label>
              <input
                type="checkbox"
                checked={d.enabled}
                onChange={(e) => void ask('dataset:enable', { id: d.id, enabled: (e.currentTarget as HTMLInputElement).checked })}
              />{' '}
              <strong>{d.name}</strong>
            </label>
            <span class="o-muted">
              {' '}
              {d.entities.toLocaleString('en')} names, {d.aliases.toLocaleString('en')} spellings, imported{' '}
              {new Date(d.importedAt).toISOString().slice(0, 10)}
            </span>{' '}
            <button type="button" class="o-link" onClick={() => void ask('dataset:remove', { id: d.id })}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {datasets?.length === 0 ? <p class="o-muted">No imported dataset.</p> : null}
      <label class="o-file">
        <span>Import a dataset (JSON)</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={state.status === 'busy'}
          onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)}
        />
      </label>
      <div class="o-status" role="status" aria-live="polite">
        {state.status === 'busy' ? (
          <>
            <progress max={1} value={state.progress.phase === 'reading' ? state.progress.fraction : undefined} />
            <span> {PHASES[state.progress.phase]}</span>
          </>
        ) : state.status === 'done' ? (
          <span class="o-ok">Imported “{state.name}”.</span>
        ) : state.status === 'refused' ? (
          <Problems title={`“${state.file}” was not imported; nothing stored changed.`} problems={state.problems} />
        ) : null}
      </div>
    </section>
  );
}

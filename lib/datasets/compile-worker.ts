import { compileImport, ImportError, type ImportPhase } from './import';

/** Messages from the compile worker to the options page. */
export type WorkerReply =
  | { type: 'phase'; phase: ImportPhase }
  | { type: 'done'; compiled: ReturnType<typeof compileImport> }
  | { type: 'refused'; problems: string[] };

// Off the options page's thread: parsing, checking and compiling a large dataset takes seconds.
self.onmessage = (event: MessageEvent<{ text: string }>) => {
  const reply = (r: WorkerReply) => self.postMessage(r);
  try {
    const compiled = compileImport(event.data.text, (phase) => reply({ type: 'phase', phase }));
    reply({ type: 'done', compiled });
  } catch (e) {
    reply({
      type: 'refused',
      problems: e instanceof ImportError ? e.problems : [`the dataset could not be compiled: ${(e as Error).message}`],
    });
  }
};

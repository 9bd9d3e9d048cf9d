import type { CompiledDataset } from '../dataset/types';
import type { WorkerReply } from './compile-worker';
import CompileWorker from './compile-worker?worker';
import { checkImportSize, ImportError, type ImportPhase } from './import';

export type ImportProgress = { phase: 'reading'; fraction: number } | { phase: ImportPhase | 'storing' };

function readText(file: File, onProgress: (p: ImportProgress) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'reading', fraction: e.loaded / e.total });
    };
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new ImportError([`the file could not be read (${reader.error?.message ?? 'unknown error'})`]));
    reader.readAsText(file);
  });
}

function compileInWorker(text: string, onProgress: (p: ImportProgress) => void): Promise<CompiledDataset> {
  return new Promise((resolve, reject) => {
    const worker = new CompileWorker();
    const end = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const r = e.data;
      if (r.type === 'phase') onProgress({ phase: r.phase });
      else if (r.type === 'done') {
        end();
        resolve(r.compiled);
      } else {
        end();
        reject(new ImportError(r.problems));
      }
    };
    worker.onerror = (e) => {
      end();
      reject(new ImportError([`the dataset could not be compiled (${e.message})`]));
    };
    worker.postMessage({ text });
  });
}

/** Size check, read, then validate and compile off the page's thread. Throws ImportError; stores nothing. */
export async function compileFile(file: File, onProgress: (p: ImportProgress) => void): Promise<CompiledDataset> {
  checkImportSize(file.size);
  onProgress({ phase: 'reading', fraction: 0 });
  const text = await readText(file, onProgress);
  return compileInWorker(text, onProgress);
}

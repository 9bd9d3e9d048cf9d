import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileDataset, DatasetError } from '../lib/dataset/compile';
import type { CompiledDataset } from '../lib/dataset/types';
import { loadBundledDataset, readArticles } from './dataset-files';
import { expandPaths, readPage } from './scan-files';
import { formatTable } from './scan-format';
import { createPageScanner, pageText } from './scan-page';

const USAGE = `Usage: npm run --silent scan -- [options] PATH...

Finds the entities of the Gloss dataset in saved pages, with the same text collection and matcher as the extension.
PATH is a file or a folder; folders are searched recursively for .html, .htm and .txt files. A file named
explicitly is read as text if it ends in .txt, as HTML otherwise. In a text file, paragraphs (separated by
blank lines) are the blocks.

Output: one JSON line per file on stdout:
  {"file": "...", "mentions": [{"entityId", "name", "type", "text", "start", "end"}]}
start/end are UTF-16 offsets into the page's collected text: for HTML, the text of its blocks joined by a blank
line (hidden elements, scripts, form controls and editors left out); for a text file, the file's text.

Options:
  --dataset FILE   use this dataset (JSON, the documented Gloss format) instead of the bundled one
  --format FORMAT  json (default) or table: a readable summary per file (entity, type, count, spellings)
  --text           json only: add the collected text ("text") so offsets can be checked
  -h, --help       show this help

Exit status: 0 when every file was scanned, 1 when some file could not be read (the others are still scanned;
each problem is one line on stderr), 2 for a usage error or an invalid dataset.`;

const MAX_DATASET_BYTES = 100 * 1024 * 1024;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(code);
}

function parse() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        dataset: { type: 'string' },
        format: { type: 'string', default: 'json' },
        text: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.format !== 'json' && values.format !== 'table') {
      throw new UsageError(`unknown --format "${values.format}" (use json or table)`);
    }
    return { ...values, format: values.format as 'json' | 'table', paths: positionals };
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

function loadDataset(file: string | undefined): CompiledDataset {
  if (file === undefined) return loadBundledDataset();
  let source: string;
  try {
    if (statSync(file).size > MAX_DATASET_BYTES) fail(`--dataset ${file}: the file is larger than 100 MB`, 2);
    source = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`--dataset ${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (e as Error).message})`, 2);
  }
  let input: unknown;
  try {
    input = JSON.parse(source);
  } catch (e) {
    fail(`--dataset ${file}: not valid JSON (${(e as Error).message})`, 2);
  }
  try {
    // Another dataset may cite the bundled article set; its excerpts come from those articles too.
    return compileDataset(input, readArticles());
  } catch (e) {
    if (e instanceof DatasetError) {
      fail(`--dataset ${file}: the dataset is invalid:\n${e.problems.map((p) => `  - ${p}`).join('\n')}`, 2);
    }
    throw e;
  }
}

function main(): void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.paths.length === 0) fail(`no PATH given\n${USAGE}`, 2);

  const scanner = createPageScanner(loadDataset(args.dataset));
  const { files, problems } = expandPaths(args.paths);
  let failed = problems.length > 0;
  for (const p of problems) process.stderr.write(`scan: ${p.path}: ${p.message}\n`);

  let first = true;
  for (const file of files) {
    const read = readPage(file);
    if ('error' in read) {
      process.stderr.write(`scan: ${file.path}: ${read.error}\n`);
      failed = true;
      continue;
    }
    const page = pageText(read.text, file.kind);
    const mentions = scanner.scan(page);
    if (args.format === 'table') {
      process.stdout.write(first ? formatTable(file.path, mentions) : `\n${formatTable(file.path, mentions)}`);
    } else {
      const line: { file: string; mentions: typeof mentions; text?: string } = { file: file.path, mentions };
      if (args.text) line.text = page.text;
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    first = false;
  }
  // exitCode, not exit(): stdout may still be flushing to a pipe.
  if (failed) process.exitCode = 1;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main();

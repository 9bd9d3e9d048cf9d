/**
 * Extra arms of the corpus bench (`--arms a,b,…`): variants of the built extension, each in a browser of its own,
 * measured in the same rounds as Gloss and the blank extension, to attribute Gloss's cost on a page's load to its
 * parts. Each variant is a copy of a build, changed in one place; none of them waits for Gloss's marks (in several
 * Gloss never runs), so each load is watched for the Gloss run's window of the same round (runs.ts emptyRun).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankExtension } from '../../tests/e2e/harness/blank';

export interface Arm {
  name: string;
  /** What the variant leaves out or adds, for the report. */
  what: string;
  /** Makes the variant's directory (the caller removes it) from the built extension's. */
  make(built: string): Promise<string>;
}

async function copyOf(built: string, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gloss-arm-${name}-`));
  await cp(built, dir, { recursive: true });
  return dir;
}

async function editManifest(dir: string, edit: (m: Manifest) => void): Promise<void> {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

type Manifest = { content_scripts?: Array<Record<string, unknown>> } & Record<string, unknown>;

/** Replaces exactly one occurrence of `from` in a built file; a build that no longer has it fails the arm loudly. */
async function patchOnce(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`${file}: expected one "${from}", found ${n}; the arm needs updating`);
  await writeFile(file, text.replace(from, to));
}

/** A content script that returns at once: what a frame pays for any content script at all. */
const NOOP_SCRIPT = '(function(){})();\n';

/** An arm that is a copy of the build changed by `edit`. */
function variant(name: string, what: string, edit: (dir: string) => Promise<void>): Arm {
  return {
    name,
    what,
    async make(built) {
      const dir = await copyOf(built, name);
      await edit(dir);
      return dir;
    },
  };
}

export const ARMS: Record<string, Arm> = {
  'noop-entry': variant('noop-entry', 'Gloss, its entry a script that returns at once (stylesheet and background kept)', (dir) =>
    writeFile(join(dir, 'content-scripts/content.js'), NOOP_SCRIPT),
  ),
  'no-css': variant('no-css', 'Gloss without the manifest stylesheet (highlights registered, unstyled)', (dir) =>
    editManifest(dir, (m) => {
      for (const cs of m.content_scripts ?? []) delete cs.css;
    }),
  ),
  // hasListener takes the same argument and registers nothing: the worker is no longer told of navigations.
  'no-tabs-listener': variant('no-tabs-listener', 'Gloss without the background’s tabs.onUpdated listener (badge not cleared)', (dir) =>
    patchOnce(join(dir, 'background.js'), '.tabs.onUpdated.addListener(', '.tabs.onUpdated.hasListener('),
  ),
  'no-background': variant('no-background', 'Gloss with an empty service worker (no listeners at all; messages go unanswered)', (dir) =>
    writeFile(join(dir, 'background.js'), ''),
  ),
  'no-content-script': variant('no-content-script', 'Gloss without any content script (no entry, no stylesheet; background kept)', (dir) =>
    editManifest(dir, (m) => {
      delete m.content_scripts;
    }),
  ),
  'blank-cs': {
    name: 'blank-cs',
    what: 'the blank extension plus a no-op content script with Gloss’s keys (every frame, about:blank, document_idle)',
    async make() {
      const dir = await blankExtension('chromium');
      await writeFile(join(dir, 'noop.js'), NOOP_SCRIPT);
      await editManifest(dir, (m) => {
        m.content_scripts = [{ matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_idle', js: ['noop.js'] }];
      });
      return dir;
    },
  },
  blank: {
    name: 'blank',
    what: 'a second blank extension (the same as the baseline: how much two identical browsers differ)',
    make: () => blankExtension('chromium'),
  },
};

export function parseArms(list: string | undefined): Arm[] {
  if (!list) return [];
  return list.split(',').map((name) => {
    const arm = ARMS[name.trim()];
    if (!arm) throw new Error(`--arms: no arm "${name}" (arms: ${Object.keys(ARMS).join(', ')})`);
    return arm;
  });
}

export async function removeArmDirs(dirs: string[]): Promise<void> {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
}

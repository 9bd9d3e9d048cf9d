import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserName } from './page';

/**
 * A blank extension in Gloss's place: the harness launches the same browser, with the same flags, without Gloss
 * (benchmarks and the robustness run compare a page with and without it). The caller removes the directory.
 */
export async function blankExtension(name: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gloss-blank-${name}-`));
  const manifest =
    name === 'chromium'
      ? { manifest_version: 3, name: 'Blank', version: '1.0', background: { service_worker: 'background.js' } }
      : { manifest_version: 2, name: 'Blank', version: '1.0', browser_specific_settings: { gecko: { id: 'blank@gloss-bench.invalid' } } };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'background.js'), '');
  return dir;
}

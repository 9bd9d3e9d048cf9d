#!/usr/bin/env node
// Runs every tests/e2e/**/*.e2e.test.{ts,mjs} with node's test runner against the already-built extension
// (.output/chrome-mv3 and .output/firefox-mv2; `npm test` builds first). One file at a time: each file launches
// its browsers, and the machine is small. Extra arguments are passed to `node --test`, and a path argument
// (e.g. `npm run test:e2e -- tests/e2e/smoke.e2e.test.ts`) narrows the run to those files.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : findTests(p);
    return /\.e2e\.test\.(ts|mjs)$/.test(e.name) ? [p] : [];
  });
}

const args = process.argv.slice(2);
const fileArgs = args.filter((a) => !a.startsWith('-') && existsSync(a));
const flags = args.filter((a) => !fileArgs.includes(a));
const files = (fileArgs.length ? fileArgs.map((f) => resolve(f)) : findTests(here)).sort();
if (!files.length) {
  console.error('test:e2e: no *.e2e.test.* files found');
  process.exit(1);
}

const browsers = (process.env.GLOSS_E2E_BROWSERS ?? 'chromium,firefox').split(',');
// The same overrides as tests/e2e/harness/browsers.ts, for testing a build made elsewhere.
const chromeDir = process.env.GLOSS_EXT_CHROME ?? join(root, '.output/chrome-mv3');
const firefoxDir = process.env.GLOSS_EXT_FIREFOX ?? join(root, '.output/firefox-mv2');
const missing = [
  browsers.includes('chromium') && !existsSync(join(chromeDir, 'manifest.json')) && 'npm run build',
  browsers.includes('firefox') && !existsSync(join(firefoxDir, 'manifest.json')) && 'npm run build:firefox',
].filter(Boolean);
if (missing.length) {
  console.error(`test:e2e: the extension is not built. Run: ${missing.join(' && ')}`);
  process.exit(1);
}

console.log(`test:e2e: ${files.length} file(s), browsers: ${browsers.join(', ')}`);
const started = Date.now();
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...(flags.some((f) => f.startsWith('--test-reporter')) ? [] : ['--test-reporter=spec']), ...flags, ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit' },
);
const forward = (sig) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  console.log(`test:e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(signal ? 1 : (code ?? 1));
});

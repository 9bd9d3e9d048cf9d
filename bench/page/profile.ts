/**
 * Where Gloss's time goes on one saved page: a CPU profile (CDP Profiler, 100 µs samples) of the tab from
 * navigation until the content script marks gloss:found, summed by function for the extension's scripts, with the
 * gloss:start / ready / found marks. Usage (after a build):
 *   node --import tsx bench/page/profile.ts --corpus DIR --page NAME.html [--json FILE]
 */
import { writeFile } from 'node:fs/promises';
import type { Page as PwPage } from 'playwright-core';
import { CHROMIUM_EXT_DIR, launchChromium, startServer } from '../../tests/e2e/harness';
import { OFFLINE_ARGS, option } from './args';
import { INIT_SCRIPT, readState, sleep } from './probe';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const dir = option('--corpus');
  const name = option('--page');
  if (!dir || !name) throw new Error('usage: --corpus DIR --page NAME.html [--json FILE]');
  const server = await startServer(dir);
  const b = await launchChromium(CHROMIUM_EXT_DIR, { extraArgs: OFFLINE_ARGS });
  try {
    // One load first: the profile is of a warm browser, as in the bench.
    await (await b.newPage(server.url(`/${name}`))).close();
    const page = await b.newPage();
    const raw = page.raw as PwPage;
    await raw.addInitScript(INIT_SCRIPT);
    await page.bringToFront();
    const cdp = await raw.context().newCDPSession(raw);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(server.url(`/${name}`));
    let s = await page.evaluate(readState);
    for (let i = 0; i < 300 && s.marks['gloss:found'] === undefined; i++) {
      await sleep(50);
      s = await page.evaluate(readState);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = profile.nodes as ProfileNode[];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const selfUs = new Map<number, number>();
    const deltas = profile.timeDeltas ?? [];
    for (const [i, id] of (profile.samples ?? []).entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
    const sums = new Map<string, number>();
    let extension = 0;
    for (const [id, us] of selfUs) {
      const n = byId.get(id);
      if (!n) continue;
      const { functionName, url, lineNumber } = n.callFrame;
      const key = url.startsWith('chrome-extension://')
        ? `${functionName || '(anonymous)'} ${url.replace(/^chrome-extension:\/\/[^/]+/, '')}:${lineNumber + 1}`
        : n.callFrame.functionName.startsWith('(')
          ? n.callFrame.functionName
          : '(page and browser code)';
      if (url.startsWith('chrome-extension://')) extension += us;
      sums.set(key, (sums.get(key) ?? 0) + us);
    }
    const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25);
    const marks = Object.fromEntries(Object.entries(s.marks).map(([k, v]) => [k, Math.round(v - s.loadEnd)]));
    console.log(`${name}: load ${s.loadEnd.toFixed(0)} ms; marks after load (ms): ${JSON.stringify(marks)}`);
    console.log(`extension scripts, self time: ${(extension / 1000).toFixed(1)} ms\n`);
    for (const [k, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
    const out = option('--json');
    if (out) await writeFile(out, JSON.stringify(profile));
  } finally {
    await b.close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

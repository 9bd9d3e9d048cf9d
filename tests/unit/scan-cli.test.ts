// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real CLI, spawned as `npm run scan` runs it (tsx), on fixture pages and temporary files. */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const PAGES = 'tests/fixtures/pages';
const tmp = mkdtempSync(join(tmpdir(), 'gloss-scan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Mention {
  entityId: string;
  name: string;
  type: string;
  text: string;
  start: number;
  end: number;
}
interface Line {
  file: string;
  mentions: Mention[];
  text?: string;
}

function scan(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, 'scripts/scan.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (stdout: string): Line[] =>
  stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Line);

const summary = (line: Line) => line.mentions.map((m) => `${m.entityId}:${m.text}`);

const SLOW = 60_000;

describe('scan CLI', () => {
  it('prints one JSON line per page with mentions and offsets into the collected text', { timeout: SLOW }, () => {
    const r = scan('--text', `${PAGES}/article.html`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [line, ...rest] = lines(r.stdout);
    expect(rest).toEqual([]);
    expect(line?.file).toBe(`${PAGES}/article.html`);
    // The name in the head, a script, hidden elements, a closed <details>, an editor, a textarea and a button is not read.
    expect(summary(line as Line)).toEqual([
      'baghdad:Baghdad',
      'qais-al-khazali:Qais al-Khazali',
      'asaib-ahl-al-haq:Asaib Ahl al-Haq',
      'kataib-hezbollah:Kataib Hezbollah',
      'qais-al-khazali:Khazali',
    ]);
    const qais = line?.mentions[1] as Mention;
    expect(qais).toMatchObject({ name: 'Qais al-Khazali', type: 'person' });
    for (const m of line?.mentions ?? []) expect(line?.text?.slice(m.start, m.end)).toBe(m.text);
    expect(line?.text).toContain('Later, Khazali said\nthe talks would continue.');
    expect(line?.text).not.toContain('hidden');
  });

  it('reads a text file by paragraphs, with offsets into the file', { timeout: SLOW }, () => {
    const r = scan(`${PAGES}/notes.txt`);
    expect(r.code).toBe(0);
    const [line] = lines(r.stdout);
    expect(line?.text).toBeUndefined();
    const source = readFileSync(join(ROOT, PAGES, 'notes.txt'), 'utf8');
    expect(summary(line as Line)).toEqual([
      'qais-al-khazali:Qais al-Khazali',
      'asaib-ahl-al-haq:Asaib Ahl al-Haq',
      'kataib-hezbollah:Kataib Hezbollah',
      'qais-al-khazali:Khazali',
    ]);
    for (const m of line?.mentions ?? []) expect(source.slice(m.start, m.end)).toBe(m.text);
  });

  it('scans folders recursively (.html, .htm, .txt only) in name order', { timeout: SLOW }, () => {
    const r = scan(PAGES);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => l.file)).toEqual([
      `${PAGES}/article.html`,
      `${PAGES}/more/brief.htm`,
      `${PAGES}/notes.txt`,
    ]);
  });

  it('prints a readable summary with --format table', { timeout: SLOW }, () => {
    const r = scan('--format', 'table', `${PAGES}/article.html`, `${PAGES}/more/brief.htm`);
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(`${PAGES}/article.html: 5 mentions of 4 entities`);
    expect(out[1]).toMatch(/^ {2}Entity +Type +Count +Spellings$/);
    // Most mentioned first, with the spellings in the order seen.
    expect(out[2]).toMatch(/^ {2}Qais al-Khazali +person +2 +Qais al-Khazali, Khazali$/);
    expect(r.stdout).toContain(`\n\n${PAGES}/more/brief.htm: 1 mention of 1 entity\n`);
    expect(r.stdout).toMatch(/Kataib Hezbollah +organization +1 +Kataib Hezbollah\n$/);
  });

  it('scans with another dataset given by --dataset', { timeout: SLOW }, () => {
    const dataset = {
      version: 1,
      name: 'Test set',
      entities: [
        {
          id: 'ada-lovelace',
          name: 'Ada Lovelace',
          type: 'person',
          descriptor: 'English mathematician',
          note: { text: 'Wrote on the Analytical Engine.', citations: [] },
          aliases: [{ text: 'Ada Lovelace' }, { text: 'Augusta Ada King' }],
        },
      ],
    };
    const file = join(tmp, 'dataset.json');
    writeFileSync(file, JSON.stringify(dataset));
    const page = join(tmp, 'ada.html');
    writeFileSync(page, '<p>Augusta Ada King, known as <b>Ada</b> Lovelace, met no militia. Kataib Hezbollah is not in this set.</p>');
    const r = scan('--dataset', file, page);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [line] = lines(r.stdout);
    expect(line?.mentions).toEqual([
      { entityId: 'ada-lovelace', name: 'Ada Lovelace', type: 'person', text: 'Augusta Ada King', start: 0, end: 16 },
      { entityId: 'ada-lovelace', name: 'Ada Lovelace', type: 'person', text: 'Ada Lovelace', start: 27, end: 39 },
    ]);
  });

  it('refuses a broken --dataset with the problems named, exit 2', { timeout: SLOW }, () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, name: 'Bad', entities: [{ id: 'Not An Id', name: 'X', type: 'person' }] }));
    const r = scan('--dataset', bad, `${PAGES}/notes.txt`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`scan: --dataset ${bad}: the dataset is invalid:`);
    expect(r.stderr).toContain('must be lowercase words joined by hyphens');

    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{"version": 1,');
    const r2 = scan('--dataset', notJson, `${PAGES}/notes.txt`);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(new RegExp(`^scan: --dataset ${notJson}: not valid JSON \\(.+\\)\\n$`));

    const r3 = scan('--dataset', join(tmp, 'missing.json'), `${PAGES}/notes.txt`);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toBe(`scan: --dataset ${join(tmp, 'missing.json')}: cannot read the file (no such file)\n`);
  });

  it('reports unreadable, binary and missing paths on one line each, scans the rest, exit 1', { timeout: SLOW }, () => {
    const binary = join(tmp, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const noise = join(tmp, 'noise.txt');
    writeFileSync(noise, Buffer.from([0xc3, 0x28, 0x01, 0x02, 0x03, 0xa0, 0xa1, 0x04, 0x05, 0x06]));
    const missing = join(tmp, 'missing.html');
    const r = scan(binary, `${PAGES}/notes.txt`, missing, noise);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `scan: ${missing}: no such file or folder`,
      `scan: ${binary}: binary file (contains NUL bytes)`,
      `scan: ${noise}: binary file (not UTF-8 text)`,
      '',
    ]);
    expect(lines(r.stdout).map((l) => l.file)).toEqual([`${PAGES}/notes.txt`]);
  });

  it('reads a page in a legacy encoding', { timeout: SLOW }, () => {
    const page = join(tmp, 'legacy.html');
    const latin = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Caf\u00e9 \u0096 Kataib Hezbollah</p></body></html>', 'latin1');
    writeFileSync(page, latin);
    const r = scan('--text', page);
    expect(r.code).toBe(0);
    const [line] = lines(r.stdout);
    expect(line?.text).toBe('Café – Kataib Hezbollah');
    expect(summary(line as Line)).toEqual(['kataib-hezbollah:Kataib Hezbollah']);
  });

  it('prints usage with --help, and refuses bad usage with exit 2', { timeout: SLOW }, () => {
    const help = scan('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run --silent scan -- \[options\] PATH\.\.\./);
    expect(help.stdout).toContain('--dataset FILE');

    const none = scan();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^scan: no PATH given\nUsage:/);

    const unknown = scan('--colour', PAGES);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^scan: .*--colour/);

    const format = scan('--format', 'xml', PAGES);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^scan: unknown --format "xml" \(use json or table\)/);
  });

  it('scans a 20 MB page', { timeout: 240_000 }, () => {
    const filler =
      'the council met again on tuesday and discussed the budget of the city, the roads, the schools and the water supply. ';
    const para = (i: number) =>
      `<p id="p${i}">${filler.repeat(6)}<a href="/x">Kataib</a> <em>Hezbollah</em> was named in paragraph ${i}. ${filler.repeat(3)}</p>\n`;
    const parts: string[] = ['<!doctype html><html><head><title>Big</title></head><body><main>'];
    let size = parts[0]?.length ?? 0;
    let count = 0;
    while (size < 20 * 1024 * 1024) {
      const p = count % 50 === 0 ? `<section><h2>Part ${count / 50}</h2>${para(count)}</section>` : para(count);
      parts.push(p);
      size += p.length;
      count++;
    }
    parts.push('</main></body></html>');
    const page = join(tmp, 'big.html');
    writeFileSync(page, parts.join(''));

    const r = scan(page);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [line] = lines(r.stdout);
    expect(line?.mentions.length).toBe(count);
    expect(new Set(line?.mentions.map((m) => `${m.entityId}:${m.text}`))).toEqual(new Set(['kataib-hezbollah:Kataib Hezbollah']));
    const starts = line?.mentions.map((m) => m.start) ?? [];
    expect(starts.every((s, i) => i === 0 || s > (starts[i - 1] as number))).toBe(true);
  });
});

// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePage, expandPaths } from '../../scripts/scan-files';
import { htmlText, plainText } from '../../scripts/scan-page';

describe('decodePage', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodePage(new Uint8Array(Buffer.from('Qaïs – ok')), 'text')).toEqual({ text: 'Qaïs – ok' });
    expect(decodePage(bytes([0xef, 0xbb, 0xbf], 'abc'), 'text')).toEqual({ text: 'abc' });
  });

  it('reads UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kataib', 'utf16le')]);
    expect(decodePage(new Uint8Array(le), 'html')).toEqual({ text: 'Kataib' });
  });

  it('follows a <meta charset> of an HTML page', () => {
    const page = bytes('<meta charset="windows-1252"><p>Caf', [0xe9], ' ', [0x96], ' done</p>');
    expect(decodePage(page, 'html')).toEqual({ text: '<meta charset="windows-1252"><p>Café – done</p>' });
  });

  it('reads invalid UTF-8 without control characters as a legacy page (windows-1252)', () => {
    expect(decodePage(bytes('Caf', [0xe9], ' ', [0x93], 'quoted', [0x94]), 'text')).toEqual({ text: 'Café \u201cquoted\u201d' });
  });

  it('refuses binary data: NUL bytes, or invalid UTF-8 with control characters', () => {
    expect(decodePage(bytes('PNG', [0, 1, 2]), 'html')).toEqual({ error: 'binary file (contains NUL bytes)' });
    expect(decodePage(bytes([0x89, 0x01, 0x02, 0xff, 0x03, 0x04]), 'text')).toEqual({ error: 'binary file (not UTF-8 text)' });
  });
});

describe('plainText', () => {
  it('makes each paragraph a block with its offset in the file text', () => {
    const source = 'First para\nline two\n\n  \n\nSecond\r\n\r\nThird\n';
    const page = plainText(source);
    expect(page.text).toBe(source);
    expect(page.blocks.map((b) => b.text)).toEqual(['First para\nline two', 'Second\r', 'Third\n']);
    for (const b of page.blocks) expect(source.slice(b.start, b.start + b.text.length)).toBe(b.text);
  });

  it('has no blocks for an empty or blank file', () => {
    expect(plainText('').blocks).toEqual([]);
    expect(plainText('\n \n\n').blocks).toEqual([]);
  });
});

describe('htmlText', () => {
  it('joins the collected blocks with a blank line', () => {
    const page = htmlText('<!doctype html><html><body><p>One <b>two</b></p><script>x</script><p>Three</p></body></html>');
    expect(page.text).toBe('One two\n\nThree');
    expect(page.blocks).toEqual([
      { text: 'One two', start: 0 },
      { text: 'Three', start: 9 },
    ]);
  });

  it('reads fragments and bare text (linkedom needs a whole document)', () => {
    expect(htmlText('<p>frag</p> tail').text).toBe('frag\n\n tail');
    expect(htmlText('just text').text).toBe('just text');
    expect(htmlText('').text).toBe('');
  });
});

describe('expandPaths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-scan-lib-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists pages of folders recursively in name order, named files whatever their extension, each once', () => {
    mkdirSync(join(dir, 'b/c'), { recursive: true });
    for (const f of ['a.html', 'b/z.TXT', 'b/c/y.htm', 'b/skip.md', 'named.xhtml']) writeFileSync(join(dir, f), 'x');
    symlinkSync(join(dir, 'b'), join(dir, 'b/c/loop'));
    symlinkSync(join(dir, 'nowhere.html'), join(dir, 'b/dangling.html'));
    const { files, problems } = expandPaths([dir, join(dir, 'a.html'), join(dir, 'named.xhtml'), join(dir, 'missing')]);
    expect(files).toEqual([
      { path: join(dir, 'a.html'), kind: 'html' },
      { path: join(dir, 'b/c/y.htm'), kind: 'html' },
      { path: join(dir, 'b/z.TXT'), kind: 'text' },
      { path: join(dir, 'named.xhtml'), kind: 'html' },
    ]);
    expect(problems).toEqual([
      { path: join(dir, 'b/dangling.html'), message: 'cannot read: no such file or folder' },
      { path: join(dir, 'missing'), message: 'no such file or folder' },
    ]);
  });

  it('reports a folder without pages', () => {
    mkdirSync(join(dir, 'empty'));
    expect(expandPaths([join(dir, 'empty')]).problems).toEqual([
      { path: join(dir, 'empty'), message: 'no .html, .htm or .txt files in this folder' },
    ]);
  });
});

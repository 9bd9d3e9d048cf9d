import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** What the scan CLI reads: the files named, and the .html/.htm/.txt files of the folders named (recursively). */

export type PageKind = 'html' | 'text';

export interface PageFile {
  path: string;
  kind: PageKind;
}

/** A problem with one path: reported on one line, the other paths are still scanned. */
export interface FileProblem {
  path: string;
  message: string;
}

const FOLDER_EXTENSIONS: Record<string, PageKind> = { '.html': 'html', '.htm': 'html', '.txt': 'text' };

/** A page larger than this would take linkedom gigabytes of memory and end the whole run; it is refused alone. */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

function kindOfNamedFile(path: string): PageKind {
  // A file named explicitly is scanned whatever its extension: as text if .txt, otherwise as HTML.
  return extname(path).toLowerCase() === '.txt' ? 'text' : 'html';
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return e instanceof Error ? e.message : String(e);
}

export function expandPaths(paths: readonly string[]): { files: PageFile[]; problems: FileProblem[] } {
  const files: PageFile[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();

  const addFile = (path: string, kind: PageKind) => {
    let real = path;
    try {
      real = realpathSync(path);
    } catch {
      // Reported when the file is read.
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, kind });
  };

  const walk = (dir: string, visited: Set<string>): number => {
    let count = 0;
    let real: string;
    let entries: string[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ path: dir, message: `cannot read folder: ${reason(e)}` });
      return 0;
    }
    // A symbolic link back up the tree would otherwise loop forever.
    if (visited.has(real)) return 0;
    visited.add(real);
    for (const name of entries) {
      const path = join(dir, name);
      const kind = FOLDER_EXTENSIONS[extname(name).toLowerCase()];
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(path);
      } catch (e) {
        if (kind) problems.push({ path, message: `cannot read: ${reason(e)}` });
        continue;
      }
      if (stat.isDirectory()) count += walk(path, visited);
      else if (kind && stat.isFile()) {
        addFile(path, kind);
        count++;
      }
    }
    visited.delete(real);
    return count;
  };

  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (e) {
      problems.push({ path, message: reason(e) });
      continue;
    }
    if (stat.isDirectory()) {
      if (walk(path, new Set()) === 0) problems.push({ path, message: 'no .html, .htm or .txt files in this folder' });
    } else {
      addFile(path, kindOfNamedFile(path));
    }
  }
  return { files, problems };
}

/** Control characters that text files do not contain (tab, line feed, form feed, carriage return and escape excepted). */
function controlRatio(buf: Uint8Array): number {
  const n = Math.min(buf.length, 65536);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) count++;
  }
  return n === 0 ? 0 : count / n;
}

const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;

// 0x80-0x9F of windows-1252 (WHATWG index): Node's TextDecoder decodes this encoding as ISO-8859-1.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] as number));
}

function decodeAs(label: string, buf: Uint8Array): string | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(buf) : decoder.decode(buf);
}

/**
 * The text of a page file, or why it cannot be read as text. UTF-8 unless a byte order mark or (HTML) a
 * <meta charset> says otherwise; invalid UTF-8 without control characters is a legacy single-byte page
 * (windows-1252, as browsers assume); NUL bytes or control characters mean a binary file.
 */
export function decodePage(buf: Uint8Array, kind: PageKind): { text: string } | { error: string } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  if (buf.indexOf(0) !== -1) return { error: 'binary file (contains NUL bytes)' };
  if (kind === 'html') {
    const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
    const label = META_CHARSET.exec(head)?.[1]?.toLowerCase();
    // A page cannot declare UTF-16 in its own ASCII-compatible bytes; browsers read such a declaration as UTF-8.
    if (label && !/^(?:utf-?8|unicode-1-1-utf-8|utf-?16(?:le|be)?)$/.test(label)) {
      const text = decodeAs(label, buf);
      if (text !== null) return { text };
    }
  }
  return utf8(buf);
}

function utf8(buf: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf) };
  } catch {
    if (controlRatio(buf) > 0.001) return { error: 'binary file (not UTF-8 text)' };
    return { text: decodeWindows1252(buf) };
  }
}

export function readPage(file: PageFile): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    const size = statSync(file.path).size;
    if (size > MAX_PAGE_BYTES) return { error: `too large (${Math.round(size / 1048576)} MB; at most ${MAX_PAGE_BYTES / 1048576} MB)` };
    buf = readFileSync(file.path);
  } catch (e) {
    return { error: `cannot read: ${reason(e)}` };
  }
  return decodePage(buf, file.kind);
}

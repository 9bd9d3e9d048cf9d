import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoSite } from '../../../scripts/demo-page.mjs';

export const PAGES_DIR = resolve(fileURLToPath(new URL('../pages', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface RouteBody {
  body: string | Buffer;
  /** Defaults to text/html. */
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Absolute URL of a path on this server: `server.url('/basic.html')`. */
  url(path: string): string;
  /** Serve `body` (HTML unless `type` says otherwise) at `path`; wins over files of tests/e2e/pages/. */
  route(path: string, body: string | RouteBody): string;
  close(): Promise<void>;
}

/** The demo news site (the five articles of assets/articles/ as news pages) is served under this prefix. */
export const NEWS_PREFIX = '/news/';

/**
 * Static server for e2e pages on 127.0.0.1 with a random port. Serves tests/e2e/pages/, in-memory routes,
 * and the demo news site under /news/ (`/news/index.html`, `/news/articles/<article id>.html`).
 * `no-store` keeps the browser from reusing a page a test re-registered under the same path.
 */
export async function startServer(root: string = PAGES_DIR): Promise<TestServer> {
  const routes = new Map<string, RouteBody>();
  let news: Map<string, string> | undefined;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const route = routes.get(path);
    if (route) {
      send(route.status ?? 200, route.body, route.type ?? TYPES['.html'] ?? 'text/html', route.headers);
      return;
    }
    if (path.startsWith(NEWS_PREFIX)) {
      news ??= buildDemoSite();
      const page = news.get(path.slice(NEWS_PREFIX.length) || 'index.html');
      if (page) send(200, page, TYPES['.html'] ?? 'text/html');
      else send(404, `not found: ${path}`, 'text/plain');
      return;
    }
    const rel = normalize(path.endsWith('/') ? `${path}index.html` : path);
    const file = join(root, rel);
    if (!file.startsWith(root + sep)) {
      send(403, 'forbidden', 'text/plain');
      return;
    }
    try {
      send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(404, `not found: ${path}`, 'text/plain');
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    route(path, body) {
      routes.set(path, typeof body === 'string' ? { body } : body);
      return new URL(path, origin).href;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

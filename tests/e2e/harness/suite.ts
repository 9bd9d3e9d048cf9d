import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { type GlossBrowser, launch, ROOT } from './browsers';
import type { BrowserName, GlossPage } from './page';
import { startServer, type TestServer } from './server';

export const RESULTS_DIR = join(ROOT, 'test-results');
export const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** GLOSS_E2E_BROWSERS=chromium (or firefox) narrows a run to one browser. */
function selectedBrowsers(wanted: readonly BrowserName[]): BrowserName[] {
  const env = process.env.GLOSS_E2E_BROWSERS?.split(',').map((s) => s.trim());
  return wanted.filter((b) => !env || env.includes(b));
}

export interface BrowserSuite {
  readonly name: BrowserName;
  /** The browser of this block, launched once before its tests. Only valid inside hooks and tests. */
  readonly browser: GlossBrowser;
  /** A static server for this block (tests/e2e/pages/ + `server.route`). Only valid inside hooks and tests. */
  readonly server: TestServer;
  /**
   * A test. On failure every page it opened is screenshot to test-results/<browser>/; pages it opened are
   * closed after it, so tests share the browser but not tabs.
   */
  test(name: string, fn: (b: GlossBrowser, t: TestContext) => Promise<void>, opts?: { timeout?: number }): void;
}

const slug = (s: string) =>
  s
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

async function screenshotPages(pages: GlossPage[], browser: BrowserName, testName: string): Promise<string[]> {
  const dir = join(RESULTS_DIR, browser);
  await mkdir(dir, { recursive: true });
  const saved: string[] = [];
  for (const [i, page] of pages.entries()) {
    const file = join(dir, `${slug(testName)}-${i + 1}.png`);
    try {
      await page.bringToFront();
      await page.screenshot(file);
      saved.push(file);
    } catch {
      // A crashed or closed page: the test's own error matters more than its picture.
    }
  }
  return saved;
}

/**
 * Defines the same tests once per browser (one `describe` each, one browser launch each):
 *
 *   describeBrowsers('hover card', (s) => {
 *     s.test('opens on a name', async (b) => {
 *       const page = await b.newPage(s.server.url('/basic.html'));
 *       await page.hoverText('Qais al-Khazali');
 *       await page.waitForFunction(() => document.querySelector('gloss-card'));
 *     });
 *   });
 */
export function describeBrowsers(
  title: string,
  body: (suite: BrowserSuite) => void,
  opts: { browsers?: readonly BrowserName[] } = {},
): void {
  for (const name of selectedBrowsers(opts.browsers ?? ALL_BROWSERS)) {
    let browser: GlossBrowser | undefined;
    let server: TestServer | undefined;
    const suite: BrowserSuite = {
      name,
      get browser() {
        if (!browser) throw new Error(`${name} is not launched yet: use suite.browser inside hooks and tests`);
        return browser;
      },
      get server() {
        if (!server) throw new Error('the server is not started yet: use suite.server inside hooks and tests');
        return server;
      },
      test(testName, fn, testOpts = {}) {
        it(testName, { timeout: testOpts.timeout ?? 60_000 }, async (t) => {
          const b = suite.browser;
          const before = new Set(b.pages());
          try {
            await fn(b, t);
          } catch (err) {
            const shots = await screenshotPages(b.pages(), name, `${title} ${testName}`);
            for (const shot of shots) t.diagnostic(`screenshot: ${shot}`);
            throw err;
          } finally {
            for (const page of b.pages()) if (!before.has(page)) await page.close().catch(() => {});
          }
        });
      },
    };
    describe(`${title} [${name}]`, () => {
      before(
        async () => {
          server = await startServer();
          browser = await launch(name);
        },
        { timeout: 120_000 },
      );
      after(
        async () => {
          await browser?.close();
          await server?.close();
        },
        { timeout: 30_000 },
      );
      body(suite);
    });
  }
}

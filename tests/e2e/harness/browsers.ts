import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { type BrowserName, type GlossPage, PlaywrightPage, PuppeteerPage } from './page';
import { chromiumArgs } from '../../../scripts/chromium-args.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const CHROMIUM_EXT_DIR = process.env.GLOSS_EXT_CHROME ?? join(ROOT, '.output/chrome-mv3');
export const FIREFOX_EXT_DIR = process.env.GLOSS_EXT_FIREFOX ?? join(ROOT, '.output/firefox-mv2');
export const CHROMIUM_PATH = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.GLOSS_FIREFOX ?? '/usr/bin/firefox-esr';
/** Firefox gives a temporary add-on a random internal UUID unless this pref fixes it. */
export const FIREFOX_UUID = '6c0ab5e1-91a3-4f5c-9d0e-61055c0dface';
const HEADLESS = !process.env.GLOSS_E2E_HEADED;

export type Manifest = Record<string, unknown> & { name: string; version: string; manifest_version: number };

export interface PopupOptions {
  /** Extra query parameters, e.g. `{ entity: 'qais-al-khazali' }`. */
  params?: Record<string, string>;
}

export interface GlossBrowser {
  readonly name: BrowserName;
  /** Chromium: the extension id. Firefox: the add-on's internal UUID (the host of its moz-extension:// URLs). */
  readonly extensionId: string;
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  readonly extensionOrigin: string;
  readonly extDir: string;
  /** The built manifest.json as loaded. */
  readonly manifest: Manifest;
  /** Chromium only: the Playwright persistent context. */
  readonly context?: BrowserContext;
  /** Firefox only: the Puppeteer browser. */
  readonly browser?: Browser;
  /** A new tab, optionally navigated to `url`. */
  newPage(url?: string): Promise<GlossPage>;
  extensionUrl(path: string): string;
  /** A new tab on an extension page, e.g. `openExtensionPage('/options.html')`. */
  openExtensionPage(path: string): Promise<GlossPage>;
  /**
   * Runs `fn` in a long-lived extension page (popup.html in a background tab), where `browser` (Firefox) or
   * `chrome` (Chromium) gives the extension APIs: storage, tabs, action badge, runtime messages.
   */
  evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The `tabs` API id of a page's tab (it makes that tab the active one). */
  tabIdOf(page: GlossPage): Promise<number>;
  /**
   * The popup, opened as a tab on `popup.html?tab=ID` for the given page (or URL, opened first, or tab id),
   * or on plain `popup.html` (the active tab) without a target. Resolves once `#popup-root` exists.
   */
  openPopup(target?: GlossPage | string | number, opts?: PopupOptions): Promise<GlossPage>;
  /** Pages opened through this object and still open (the tab-id helper page excluded). */
  pages(): GlossPage[];
  close(): Promise<void>;
}

function readManifest(extDir: string, build: string): Manifest {
  const file = join(extDir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No built extension at ${extDir}: run \`npm run ${build}\` first (or \`npm test\`, which builds).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function requireBinary(path: string, pkg: string) {
  if (!existsSync(path)) throw new Error(`${path} is missing: install it with \`apt-get install -y ${pkg}\`.`);
}

type TabsApi = { tabs: { query(q: object): Promise<{ id?: number }[]> } };

/** Runs in an extension page: the id of the active tab, which the caller has just brought to the front. */
function activeTabIds(): Promise<number[]> {
  const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
  const api = g.browser ?? g.chrome;
  return api.tabs
    .query({ active: true, lastFocusedWindow: true })
    .then((tabs) => tabs.map((t) => t.id ?? -1));
}

abstract class BaseBrowser implements GlossBrowser {
  abstract readonly name: BrowserName;
  abstract readonly extensionOrigin: string;
  abstract readonly extensionId: string;
  protected open = new Set<GlossPage>();
  private helper: GlossPage | null = null;

  constructor(
    readonly extDir: string,
    readonly manifest: Manifest,
  ) {}

  protected abstract rawNewPage(): Promise<GlossPage>;
  abstract close(): Promise<void>;

  protected async untrackedPage(): Promise<GlossPage> {
    const page = await this.rawNewPage();
    const close = page.close.bind(page);
    page.close = async () => {
      this.open.delete(page);
      await close();
    };
    return page;
  }

  async newPage(url?: string): Promise<GlossPage> {
    const page = await this.untrackedPage();
    this.open.add(page);
    if (url) await page.goto(url);
    return page;
  }

  extensionUrl(path: string): string {
    return `${this.extensionOrigin}/${path.replace(/^\//, '')}`;
  }

  async openExtensionPage(path: string): Promise<GlossPage> {
    return this.newPage(this.extensionUrl(path));
  }

  private async helperPage(): Promise<GlossPage> {
    if (!this.helper) {
      const helper = await this.untrackedPage();
      await helper.goto(this.extensionUrl('/popup.html'));
      this.helper = helper;
    }
    return this.helper;
  }

  async evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.helperPage()).evaluate(fn, arg);
  }

  async tabIdOf(page: GlossPage): Promise<number> {
    // Without the `tabs` permission the tabs API hides URLs, so the tab is found as the active one.
    const helper = await this.helperPage();
    await page.bringToFront();
    const ids = await helper.evaluate(activeTabIds);
    const [id] = ids;
    if (ids.length !== 1 || id === undefined || id < 0) throw new Error(`tabIdOf: expected one active tab, got ${ids}`);
    return id;
  }

  async openPopup(target?: GlossPage | string | number, opts: PopupOptions = {}): Promise<GlossPage> {
    const params = new URLSearchParams(opts.params);
    if (target !== undefined) {
      const page = typeof target === 'string' ? await this.newPage(target) : target;
      params.set('tab', String(typeof page === 'number' ? page : await this.tabIdOf(page)));
    }
    const query = params.toString() ? `?${params}` : '';
    const popup = await this.openExtensionPage(`/popup.html${query}`);
    await popup.waitForSelector('#popup-root');
    return popup;
  }

  pages(): GlossPage[] {
    return [...this.open];
  }
}

class ChromiumBrowser extends BaseBrowser {
  readonly name = 'chromium' as const;
  readonly extensionOrigin: string;
  constructor(
    extDir: string,
    manifest: Manifest,
    readonly context: BrowserContext,
    readonly extensionId: string,
    /** Deleted on close; null for a profile the caller keeps. */
    private userDataDir: string | null,
  ) {
    super(extDir, manifest);
    this.extensionOrigin = `chrome-extension://${extensionId}`;
  }
  protected async rawNewPage() {
    return new PlaywrightPage(await this.context.newPage());
  }
  async close() {
    await this.context.close().catch(() => {});
    if (this.userDataDir) await rm(this.userDataDir, { recursive: true, force: true });
  }
}

class FirefoxBrowser extends BaseBrowser {
  readonly name = 'firefox' as const;
  readonly extensionId = FIREFOX_UUID;
  readonly extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  constructor(
    extDir: string,
    manifest: Manifest,
    readonly browser: Browser,
  ) {
    super(extDir, manifest);
  }
  protected async rawNewPage() {
    return new PuppeteerPage(await this.browser.newPage());
  }
  async close() {
    // Firefox sometimes never answers the BiDi close; the process is ours, so end it.
    const closed = this.browser.close().then(
      () => true,
      () => false,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), 5000);
    });
    const inTime = await Promise.race([closed, late]);
    clearTimeout(timer);
    if (!inTime) this.browser.process()?.kill('SIGKILL');
  }
}

export interface LaunchOptions {
  /**
   * A profile directory of the caller's: kept after close, so that a second launch on it is the same browser
   * restarted (the extension's storage and IndexedDB survive). Default: a fresh profile, deleted on close.
   */
  profileDir?: string;
  /** More Chromium flags, e.g. the page bench's host resolver rules that keep a saved page off the network. */
  extraArgs?: readonly string[];
}

/** Chromium with the built extension (.output/chrome-mv3) loaded unpacked. */
export async function launchChromium(extDir: string = CHROMIUM_EXT_DIR, opts: LaunchOptions = {}): Promise<GlossBrowser> {
  const manifest = readManifest(extDir, 'build');
  requireBinary(CHROMIUM_PATH, 'chromium');
  const userDataDir = opts.profileDir ?? (await mkdtemp(join(tmpdir(), 'gloss-e2e-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: HEADLESS,
    args: [...chromiumArgs(extDir), ...(opts.extraArgs ?? [])],
  });
  try {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 20_000 });
    return new ChromiumBrowser(extDir, manifest, context, new URL(sw.url()).host, opts.profileDir ? null : userDataDir);
  } catch (err) {
    await context.close().catch(() => {});
    if (!opts.profileDir) await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Firefox ESR over WebDriver BiDi with the built extension (.output/firefox-mv2) installed as a temporary add-on. */
export async function launchFirefox(extDir: string = FIREFOX_EXT_DIR, opts: LaunchOptions = {}): Promise<GlossBrowser> {
  const manifest = readManifest(extDir, 'build:firefox');
  requireBinary(FIREFOX_PATH, 'firefox-esr');
  const gecko = (manifest.browser_specific_settings as { gecko?: { id?: string } } | undefined)?.gecko;
  if (!gecko?.id) throw new Error(`${extDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: HEADLESS,
    // Without it, BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [gecko.id]: FIREFOX_UUID }),
      // A temporary add-on is uninstalled when Firefox quits; on a kept profile its data must outlive that.
      ...(opts.profileDir
        ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
        : {}),
    },
    ...(opts.profileDir ? { userDataDir: opts.profileDir } : {}),
  });
  try {
    await browser.installExtension(extDir);
    return new FirefoxBrowser(extDir, manifest, browser);
  } catch (err) {
    browser.process()?.kill('SIGKILL');
    throw err;
  }
}

export function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<GlossBrowser> {
  return name === 'chromium' ? launchChromium(undefined, opts) : launchFirefox(undefined, opts);
}

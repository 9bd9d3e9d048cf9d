import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WaitOptions {
  /** Milliseconds; defaults to 10 s. */
  timeout?: number;
}

/**
 * The few page operations e2e tests need, the same in both browsers. `raw` is the underlying
 * Playwright (Chromium) or Puppeteer (Firefox) page for anything else.
 */
export interface GlossPage {
  readonly browserName: BrowserName;
  readonly raw: PwPage | PpPage;
  /** Navigates and waits for the load event (extension pages in Firefox: waits until the document is complete). */
  goto(url: string): Promise<void>;
  /** The URL of the last navigation (sync; in Firefox the URL `goto` asked for on extension pages). */
  url(): string;
  /** `location.href` read from the document itself: also right after in-page navigation. */
  location(): Promise<string>;
  /** Runs `fn` in the page's main world. Only the argument crosses over: `fn` must not close over test variables. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; throws after the timeout. */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, opts?: WaitOptions): Promise<void>;
  waitForSelector(selector: string, opts?: WaitOptions): Promise<void>;
  /** Moves the mouse to a viewport point (CSS px). */
  hover(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** The viewport rect of the `nth` occurrence of `text` in the page's text (scrolls it into view first); null if absent. */
  rectOfText(text: string, nth?: number): Promise<Rect | null>;
  /** Moves the mouse to the middle of the `nth` occurrence of `text`; throws if absent. */
  hoverText(text: string, nth?: number): Promise<Rect>;
  /** A key or chord in Playwright notation: 'Escape', 'ArrowDown', 'Alt+Shift+KeyG'. */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Makes this tab the active one: background tabs are `hidden` and get no animation frames. */
  bringToFront(): Promise<void>;
  screenshot(path?: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs in the page: finds the nth occurrence of a string within one text node. */
function findTextRect([text, nth]: [string, number]): { x: number; y: number; width: number; height: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? '';
    for (let i = data.indexOf(text); i !== -1; i = data.indexOf(text, i + 1)) {
      if (seen++ < nth) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + text.length);
      node.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      // The first client rect: a name broken over two lines must be hovered on its first part.
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
  }
  return null;
}

abstract class BasePage implements GlossPage {
  abstract readonly browserName: BrowserName;
  abstract readonly raw: PwPage | PpPage;
  abstract goto(url: string): Promise<void>;
  abstract url(): string;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, opts?: WaitOptions): Promise<void>;
  abstract waitForSelector(selector: string, opts?: WaitOptions): Promise<void>;
  abstract hover(x: number, y: number): Promise<void>;
  abstract click(x: number, y: number): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract bringToFront(): Promise<void>;
  abstract screenshot(path?: string): Promise<Uint8Array>;
  abstract close(): Promise<void>;

  location(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  rectOfText(text: string, nth = 0): Promise<Rect | null> {
    return this.evaluate(findTextRect, [text, nth] as [string, number]);
  }

  async hoverText(text: string, nth = 0): Promise<Rect> {
    const rect = await this.rectOfText(text, nth);
    if (!rect) throw new Error(`hoverText: "${text}" (#${nth}) is not in the page`);
    await this.hover(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return rect;
  }
}

export class PlaywrightPage extends BasePage {
  readonly browserName = 'chromium' as const;
  constructor(readonly raw: PwPage) {
    super();
  }
  async goto(url: string) {
    await this.raw.goto(url, { waitUntil: 'load' });
  }
  url() {
    return this.raw.url();
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  }
  async waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, opts: WaitOptions = {}) {
    await this.raw.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, {
      timeout: opts.timeout ?? DEFAULT_TIMEOUT,
    });
  }
  async waitForSelector(selector: string, opts: WaitOptions = {}) {
    await this.raw.waitForSelector(selector, { state: 'attached', timeout: opts.timeout ?? DEFAULT_TIMEOUT });
  }
  hover(x: number, y: number) {
    return this.raw.mouse.move(x, y);
  }
  click(x: number, y: number) {
    return this.raw.mouse.click(x, y);
  }
  press(key: string) {
    return this.raw.keyboard.press(key);
  }
  type(text: string) {
    return this.raw.keyboard.type(text);
  }
  bringToFront() {
    return this.raw.bringToFront();
  }
  screenshot(path?: string) {
    return this.raw.screenshot(path ? { path } : {});
  }
  close() {
    return this.raw.close();
  }
}

const MODIFIERS = new Set(['Alt', 'Control', 'Meta', 'Shift', 'ControlOrMeta']);

export class PuppeteerPage extends BasePage {
  readonly browserName = 'firefox' as const;
  /** Puppeteer keeps about:blank as the URL of a tab navigated to a moz-extension:// page. */
  private extensionUrl: string | null = null;
  constructor(readonly raw: PpPage) {
    super();
  }
  async goto(url: string, opts: WaitOptions = {}) {
    this.extensionUrl = url.startsWith('moz-extension:') ? url : null;
    if (!this.extensionUrl) {
      await this.raw.goto(url, { waitUntil: 'load', timeout: opts.timeout ?? DEFAULT_TIMEOUT * 3 });
      return;
    }
    // BiDi never reports the load of a moz-extension:// page to Puppeteer, though the page loads and is scriptable.
    this.raw.goto(url).catch(() => {});
    const deadline = Date.now() + (opts.timeout ?? DEFAULT_TIMEOUT);
    const want = new URL(url);
    for (;;) {
      try {
        const done = await this.raw.evaluate(
          (path: string) => location.pathname === path && document.readyState === 'complete',
          want.pathname,
        );
        if (done) return;
      } catch {
        // The old document went away mid-evaluation: navigation in progress.
      }
      if (Date.now() > deadline) throw new Error(`goto ${url}: not loaded after ${opts.timeout ?? DEFAULT_TIMEOUT} ms`);
      await sleep(50);
    }
  }
  url() {
    return this.extensionUrl ?? this.raw.url();
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  }
  async waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, opts: WaitOptions = {}) {
    await this.raw.waitForFunction(
      fn as (arg: unknown) => unknown,
      { timeout: opts.timeout ?? DEFAULT_TIMEOUT, polling: 50 },
      arg,
    );
  }
  async waitForSelector(selector: string, opts: WaitOptions = {}) {
    await this.raw.waitForSelector(selector, { timeout: opts.timeout ?? DEFAULT_TIMEOUT });
  }
  hover(x: number, y: number) {
    return this.raw.mouse.move(x, y);
  }
  click(x: number, y: number) {
    return this.raw.mouse.click(x, y);
  }
  /** Puppeteer presses one key at a time: a chord is modifiers down, key, modifiers up. */
  async press(chord: string) {
    const parts = chord === '+' ? ['+'] : chord.split('+').map((k) => (k === '' ? '+' : k));
    const key = parts.pop() ?? chord;
    const mods = parts.map((m) => (m === 'ControlOrMeta' ? 'Control' : m));
    for (const m of mods) if (!MODIFIERS.has(m)) throw new Error(`press: unknown modifier ${m} in ${chord}`);
    const kb = this.raw.keyboard;
    for (const m of mods) await kb.down(m as 'Alt');
    await kb.press(key as 'Escape');
    for (const m of mods.reverse()) await kb.up(m as 'Alt');
  }
  type(text: string) {
    return this.raw.keyboard.type(text);
  }
  bringToFront() {
    return this.raw.bringToFront();
  }
  screenshot(path?: string) {
    return this.raw.screenshot(path ? { path: path as `${string}.png` } : {});
  }
  close() {
    return this.raw.close();
  }
}

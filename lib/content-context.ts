/**
 * Gloss's replacement for WXT 0.21's `ContentScriptContext` (wxt/utils/content-script-context), swapped in by an
 * alias in wxt.config.ts so that WXT's content-script entry constructs this one. Same API, three differences, each
 * closing a way for a page to see or drive the content script:
 *
 * 1. WXT's constructor announces the script with `window.postMessage` and a CustomEvent on `document`, both
 *    carrying the extension id, in every frame, before `main` can decide not to run there (cross-origin frames:
 *    ads, trackers). This one is silent: constructing it does nothing a page can observe.
 * 2. WXT stops the previous instance of the script (after an extension update) when it hears that event, so a page
 *    that sends the same event stops Gloss. This one keeps the running instance in a property of the content
 *    script's own global, which pages cannot reach (Chromium's isolated world, Firefox's sandbox); an instance
 *    orphaned by an update in another world stops itself at its next event, when `browser.runtime.id` is gone.
 * 3. WXT's 'wxt:locationchange' is an event on `window` whose name pages can read from that announcement and
 *    dispatch themselves, forcing endless rescans. Here the handlers are called directly, only when the address
 *    really changed, and at most once per LOCATION_SETTLE_MS however fast a page rewrites its history.
 */
import type { ContentScriptDefinition } from 'wxt';
import { extensionApi } from './extension-api';

/** Coalesces a burst of address changes (a page calling history.pushState in a loop) into one rescan. */
export const LOCATION_SETTLE_MS = 300;

const RUNNING = '__glossContentScriptContexts';
type Registry = Map<string, ContentScriptContext>;

interface Navigation extends EventTarget {}

export class ContentScriptContext {
  private readonly abortController = new AbortController();
  private readonly locationHandlers = new Set<(event: Event) => void>();
  private watchingLocation = false;

  constructor(
    contentScriptName: string,
    readonly options?: Omit<ContentScriptDefinition, 'main'>,
  ) {
    const g = globalThis as unknown as Record<string, Registry | undefined>;
    const running = g[RUNNING] ?? new Map();
    g[RUNNING] = running;
    running.get(contentScriptName)?.notifyInvalidated();
    running.set(contentScriptName, this);
    this.onInvalidated(() => {
      if (running.get(contentScriptName) === this) running.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    // The extension was updated, reloaded or removed: this script is orphaned.
    if (extensionApi()?.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => this.isValid && handler(), timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = window.requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = window.requestIdleCallback((d) => this.isValid && callback(d), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void {
    const call = handler as (event: Event) => void;
    if (type === 'wxt:locationchange') {
      this.locationHandlers.add(call);
      this.watchLocation();
      return;
    }
    // An orphaned instance (extension updated) stops at its first event instead of acting on a page it no longer serves.
    target.addEventListener(type, (e) => this.isValid && call(e), { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  private watchLocation(): void {
    if (this.watchingLocation) return;
    this.watchingLocation = true;
    let last = location.href;
    let settling = false;
    const settle = () => {
      settling = false;
      if (location.href === last) return;
      last = location.href;
      const event = new Event('wxt:locationchange');
      for (const handler of this.locationHandlers) handler(event);
    };
    // Any hint that the address may have changed; the address itself decides, so a page's fake event changes nothing.
    const check = () => {
      if (settling || location.href === last) return;
      settling = true;
      this.setTimeout(settle, LOCATION_SETTLE_MS);
    };
    const navigation = (globalThis as { navigation?: Navigation }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      // 'navigate' fires before the address changes; 'currententrychange' after.
      navigation.addEventListener('currententrychange', check, { signal: this.signal });
      window.addEventListener('popstate', check, { signal: this.signal });
    } else {
      this.setInterval(check, 1000);
    }
  }
}

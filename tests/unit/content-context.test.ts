import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext, LOCATION_SETTLE_MS } from '@/lib/content-context';

// The context reads the extension API from the global (lib/extension-api.ts), as the entry does in a browser.
beforeAll(() => vi.stubGlobal('browser', browser));
afterAll(() => vi.unstubAllGlobals());

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("Gloss's content-script context", () => {
  it('starts without anything a page could observe', () => {
    const post = vi.spyOn(window, 'postMessage');
    const dispatchDoc = vi.spyOn(document, 'dispatchEvent');
    const dispatchWin = vi.spyOn(window, 'dispatchEvent');
    const ctx = new ContentScriptContext('content');
    expect(post).not.toHaveBeenCalled();
    expect(dispatchDoc).not.toHaveBeenCalled();
    expect(dispatchWin).not.toHaveBeenCalled();
    ctx.notifyInvalidated();
  });

  it('a new instance stops the previous one; the page cannot stop it with WXT’s event', () => {
    const first = new ContentScriptContext('content');
    const id = browser.runtime.id;
    for (const target of [document, window]) {
      target.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'x' } }),
      );
    }
    window.postMessage({ type: `${id}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'x' }, '*');
    expect(first.isValid).toBe(true);
    const second = new ContentScriptContext('content');
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
    second.notifyInvalidated();
  });

  it('handlers of an invalidated context are not called', () => {
    const ctx = new ContentScriptContext('content');
    const handler = vi.fn();
    ctx.addEventListener(document, 'keydown', handler);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    ctx.notifyInvalidated();
    document.dispatchEvent(new KeyboardEvent('keydown'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports a location change only when the address changed, once per burst; fake events do nothing', async () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    const id = browser.runtime.id;
    for (const name of ['wxt:locationchange', `${id}:content:wxt:locationchange`, 'popstate']) window.dispatchEvent(new Event(name));
    await vi.advanceTimersByTimeAsync(5000);
    expect(changed).not.toHaveBeenCalled();
    for (let i = 0; i < 200; i++) history.pushState(null, '', `/route-${i}`);
    window.dispatchEvent(new Event('popstate'));
    await vi.advanceTimersByTimeAsync(1000 + LOCATION_SETTLE_MS);
    expect(changed).toHaveBeenCalledTimes(1);
    ctx.notifyInvalidated();
  });
});

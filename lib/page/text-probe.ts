/**
 * Whether a document has text worth matching, decided without reading all of it: most frames on the web (ads,
 * trackers, about:blank, players) have none, and they should cost Gloss nothing but this probe.
 * Reads text nodes until it has seen `enough` letters, outside script, style and the like.
 */
export function hasTextWorthMatching(doc: Document, enough = 20): boolean {
  const root = doc.body;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (SKIPPED.has(n.parentElement?.localName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let letters = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n as Text).data;
    for (let i = 0; i < text.length; i++) {
      // Above '@': letters of every script (and a few symbols, which do no harm to a yes/no probe).
      if (text.charCodeAt(i) > 64 && ++letters >= enough) return true;
    }
  }
  return false;
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

/**
 * Resolves once the page has finished its own load (or after `capMs`, for pages whose load event waits on a slow
 * resource), in a task of its own after the load event's handlers, so that Gloss's work never delays the page's
 * own loading. Not later: waiting for an idle moment as well cost busy pages 100 ms before their names appeared,
 * and Gloss's work after this point is sliced (lib/page/scheduler.ts).
 */
export function afterPageLoad(win: Window, capMs = 3000): Promise<void> {
  const nextTask = () => new Promise<void>((resolve) => win.setTimeout(resolve, 0));
  if (win.document.readyState === 'complete') return nextTask();
  return new Promise<void>((resolve) => {
    const done = () => {
      win.removeEventListener('load', done);
      win.clearTimeout(timer);
      resolve();
    };
    const timer = win.setTimeout(done, capMs);
    win.addEventListener('load', done);
  }).then(nextTask);
}

/** What whenTextAppears needs of the content script's context (WXT's ContentScriptContext has both). */
export interface ProbeContext {
  setTimeout(handler: () => void, ms: number): unknown;
  onInvalidated(cb: () => void): unknown;
}

/**
 * True once the document has text worth matching: at once for an article, later for a page that renders its text
 * after load, never for an ad or tracker frame (which pays one probe per second of DOM changes, and no more).
 * False when the context is invalidated first.
 */
export function whenTextAppears(doc: Document, ctx: ProbeContext): Promise<boolean> {
  if (hasTextWorthMatching(doc)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      ctx.setTimeout(() => {
        queued = false;
        if (!hasTextWorthMatching(doc)) return;
        observer.disconnect();
        resolve(true);
      }, 1000);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      resolve(false);
    });
  });
}

/**
 * Same-origin frames only: a cross-origin frame (ads, embeds) is another site with its own settings. `origin` is the
 * frame's real origin: an about:blank or about:srcdoc frame has its parent's, where `location.origin` says "null".
 * A sandboxed frame's opaque origin is "null" too, and never the top's.
 */
export function isSameOriginFrame(win: Window = window): boolean {
  if (win === win.top) return true;
  try {
    return win.origin !== 'null' && win.top?.origin === win.origin;
  } catch {
    return false;
  }
}

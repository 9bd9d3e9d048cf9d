/** Same-origin frames only: a cross-origin frame (ads, embeds) is another site with its own settings. */
export function isSameOriginFrame(win: Window = window): boolean {
  if (win === win.top) return true;
  try {
    return win.top?.location.origin === win.location.origin;
  } catch {
    return false;
  }
}

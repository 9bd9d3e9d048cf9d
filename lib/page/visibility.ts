/**
 * Hiddenness read from markup alone, for documents without layout (the scan CLI on linkedom). The content
 * script asks the browser instead (checkVisibility), which also sees stylesheets.
 *
 * aria-hidden is not hidden: it hides text from assistive technology, not from the eye, and a reader sees it.
 */
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i;
const INVISIBLE = /(?:^|;)\s*(?:visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
  const style = el.getAttribute('style');
  // Inline visibility:hidden can be undone by a visible child; treating the subtree as hidden is the cautious side.
  return style !== null && style.length > 0 && (DISPLAY_NONE.test(style) || INVISIBLE.test(style));
}

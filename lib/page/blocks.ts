/**
 * Which elements start a block of text, and which are never read. Tag based, so the content script and the
 * scan CLI (linkedom, no layout) split a page the same way; computed `display` is not consulted.
 */

/** Elements whose text is a block of its own: the matcher never joins words across them. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol',
  'p', 'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul', 'xmp',
]);

/**
 * Elements whose content is not text a reader reads: code, form controls (their labels are UI, and a page's
 * form fields must never be touched), fallback content (embedded objects, <progress>, ruby's <rp>), and drawings
 * (SVG/MathML text is labels and formulas, rarely names).
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'applet', 'audio', 'base', 'button', 'canvas', 'datalist', 'embed', 'head', 'iframe', 'input', 'link', 'math',
  'meta', 'meter', 'noembed', 'noframes', 'noscript', 'object', 'optgroup', 'option', 'progress', 'rp', 'script',
  'select', 'style', 'svg', 'template', 'textarea', 'title', 'video',
]);

/** An open shadow root (closed ones are out of reach by design). */
export function openShadowRoot(el: Element): ShadowRoot | null {
  return (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** A block: a block tag, or the host of an open shadow root (its rendering is a tree of its own). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName) || openShadowRoot(el) !== null;
}

/** Editors are never read: any contenteditable value but "false" (over-skipping an oddly spelled value is harmless). */
export function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.trim().toLowerCase() !== 'false';
}

/** A closed <details> shows only its first <summary>. */
export function firstSummary(details: Element): Element | null {
  for (let c = details.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'summary') return c;
  return null;
}

export function isClosedDetails(el: Element): boolean {
  return el.localName === 'details' && !el.hasAttribute('open');
}

const ELEMENT = 1;
const FRAGMENT = 11;

/**
 * The nearest block-level element at or above `node`: the element whose collected text contains it, and what a
 * MutationObserver rescans. Crosses a shadow root to its host. Null outside any block (a detached node, a bare
 * document fragment).
 */
export function blockOf(node: Node): Element | null {
  let n: Node | null = node;
  while (n) {
    if (n.nodeType === ELEMENT) {
      if (isBlockElement(n as Element)) return n as Element;
      n = n.parentNode;
    } else if (n.nodeType === FRAGMENT) {
      return (n as ShadowRoot).host ?? null;
    } else {
      n = n.nodeType === 3 || n.nodeType === 4 || n.nodeType === 8 ? n.parentNode : null;
    }
  }
  return null;
}

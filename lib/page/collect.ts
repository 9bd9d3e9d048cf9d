import { blockOf, firstSummary, BLOCK_TAGS, isBlockElement, isClosedDetails, isEditable, openShadowRoot, SKIP_TAGS } from './blocks';
import { isHiddenByMarkup } from './visibility';

export { blockOf, isBlockElement, SKIP_TAGS } from './blocks';
export { isHiddenByMarkup } from './visibility';

/**
 * The text of a page as the matcher sees it: one string per run of inline text, with a map back to the text
 * nodes. DOM only (browser, happy-dom, linkedom); no `browser`, no layout.
 */

/** `block.text.slice(start, end) === node.data`: node data is kept verbatim, so offsets map 1:1. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

/**
 * One run of inline text of a block-level element. A nested block splits its parent, so one element can own
 * several runs (text before and after a nested <div>), each a TextBlock with the same `element`.
 * A <br> is a "\n" in `text` that belongs to no segment; so is the line break put between two text nodes glued into
 * one word that cannot be one (isGluedWordBoundary).
 */
export interface TextBlock {
  element: Element;
  text: string;
  segments: TextSegment[];
}

export interface CollectOptions {
  /** Asked once per element; true skips its subtree. Default: markup only (hidden, inline style, closed dialog). */
  isHidden?: (el: Element) => boolean;
  /** Elements never read, e.g. Gloss's own card host. */
  ignore?: (el: Element) => boolean;
  /**
   * Read the open shadow roots of hosts found under the root (default true). A caller that collects each shadow
   * root by itself (the content script observes them one by one) turns this off. The root's own shadow root is
   * read either way (a rescan of a host is a rescan of what it renders), and a host is a block boundary always.
   */
  nestedShadowRoots?: boolean;
  /**
   * Elements under the root that another call reads (a big subtree collected in parts): each ends the run it
   * interrupts, as a nested block does, and nothing in it is read here.
   */
  outlined?: (el: Element) => boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;
const FRAGMENT = 11;

// Flags of a frame of the walk (an element or shadow root whose children are being visited).
const F_BLOCK = 1;
/** The host's shadow tree is being walked; its light children come next, as a separate run. */
const F_SHADOW = 2;
/** A closed <details>: only the one child (its summary) is visited. */
const F_ONLY = 4;

const NON_SPACE = /\S/;

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Arabic}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Hebrew}/u];

/**
 * Do two characters, the end of one text node and the start of the next, stand in two words? Inline elements are
 * often glued without a space, the page's CSS spacing them out: `<a>President Donald Trump</a><span>42,070
 * comments</span>` reads "Trump42,070". Where a letter meets a digit, or letters of two scripts meet, no word
 * goes on across; letters of one script may ("<b>K</b>hamenei", a styled first letter).
 */
export function isGluedWordBoundary(before: number, after: number): boolean {
  const a = String.fromCharCode(before);
  const b = String.fromCharCode(after);
  const aLetter = LETTER.test(a);
  const bLetter = LETTER.test(b);
  if ((aLetter && DIGIT.test(b)) || (DIGIT.test(a) && bLetter)) return true;
  if (!aLetter || !bLetter) return false;
  return SCRIPTS.some((script) => script.test(a) !== script.test(b));
}

/**
 * Blocks of text under `root`, in document order: the root's own text and every nested block. An inline root
 * (or a text node) is widened to its block, because a block's text is only meaningful whole; a root inside a
 * skipped, hidden, ignored or editable element yields nothing. Whitespace-only runs are dropped.
 */
export function collectBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const isHidden = options.isHidden ?? isHiddenByMarkup;
  const ignore = options.ignore;
  const readShadow = options.nestedShadowRoots !== false;
  const outlined = options.outlined;
  const out: TextBlock[] = [];

  const start = startNode(root);
  if (!start) return out;
  const doc = start.ownerDocument as (Document & { designMode?: string }) | null;
  // A whole document in design mode is an editor (rich-text iframes).
  if (doc?.designMode === 'on') return out;
  if (start.nodeType === ELEMENT && excludedByAncestors(start as Element, isHidden, ignore)) return out;
  const host = start.nodeType === FRAGMENT ? ((start as ShadowRoot).host ?? null) : null;
  if (host && (isExcluded(host, isHidden, ignore) || excludedByAncestors(host, isHidden, ignore))) return out;

  // The current run.
  let ctx: Element | null = null;
  let text = '';
  let segments: TextSegment[] = [];
  let visible = false;
  const ctxStack: (Element | null)[] = [];

  const flush = () => {
    if (visible && ctx) {
      out.push({ element: ctx, text, segments });
      segments = [];
    } else if (segments.length > 0) {
      segments.length = 0;
    }
    text = '';
    visible = false;
  };
  const enterBlock = (el: Element) => {
    flush();
    ctxStack.push(ctx);
    ctx = el;
  };

  const frames: Node[] = [];
  const flags: number[] = [];
  let depth = 0;
  const push = (node: Node, f: number) => {
    frames[depth] = node;
    flags[depth] = f;
    depth++;
  };

  let cur: Node | null;
  if (start.nodeType === FRAGMENT) {
    // A shadow root's loose text belongs to its host; a bare fragment has no block to own loose text.
    if (host) enterBlock(host);
    push(start, host ? F_BLOCK : 0);
    cur = start.firstChild;
  } else {
    cur = start;
  }

  for (;;) {
    if (cur) {
      const type = cur.nodeType;
      if (type === TEXT) {
        const data = (cur as Text).data;
        if (data.length > 0) {
          if (text.length > 0 && isGluedWordBoundary(text.charCodeAt(text.length - 1), data.charCodeAt(0))) text += '\n';
          segments.push({ node: cur as Text, start: text.length, end: text.length + data.length });
          text += data;
          if (!visible && NON_SPACE.test(data)) visible = true;
        }
      } else if (type === ELEMENT) {
        const el = cur as Element;
        const name = el.localName;
        if (name === 'br') {
          text += '\n';
        } else if (outlined?.(el) && cur !== start) {
          flush();
        } else if (!isExcluded(el, isHidden, ignore)) {
          const host = openShadowRoot(el);
          const shadow = readShadow || cur === start ? host : null;
          let f = 0;
          if (host || BLOCK_TAGS.has(name)) {
            enterBlock(el);
            f = F_BLOCK;
          }
          let first: Node | null;
          if (shadow) {
            f |= F_SHADOW;
            first = shadow.firstChild;
          } else if (isClosedDetails(el)) {
            f |= F_ONLY;
            first = firstSummary(el);
          } else {
            first = el.firstChild;
          }
          push(el, f);
          cur = first;
          continue;
        }
      }
      if (depth === 0) break; // the root itself was a leaf or skipped
      cur = (flags[depth - 1] as number) & F_ONLY ? null : cur.nextSibling;
      continue;
    }
    // The children of the top frame are done.
    if (depth === 0) break;
    const top = frames[depth - 1] as Node;
    const f = flags[depth - 1] as number;
    if (f & F_SHADOW) {
      // Shadow content and the light children (slotted) are separate runs of the host.
      flush();
      flags[depth - 1] = f & ~F_SHADOW;
      cur = top.firstChild;
      continue;
    }
    depth--;
    if (f & F_BLOCK) {
      flush();
      ctx = ctxStack.pop() ?? null;
    }
    if (depth === 0) break;
    cur = (flags[depth - 1] as number) & F_ONLY ? null : top.nextSibling;
  }
  flush();
  return out;
}

/** The node the walk starts at: documents start at their root element, inline roots widen to their block. */
function startNode(root: Node): Node | null {
  if (root.nodeType === DOCUMENT) return (root as Document).documentElement;
  if (root.nodeType === FRAGMENT) return root;
  if (root.nodeType === ELEMENT && isBlockElement(root as Element)) return root;
  const block = blockOf(root);
  if (block) return block;
  // Inline content directly in a shadow root or fragment: the whole root.
  const top = root.getRootNode?.();
  return top && top.nodeType === FRAGMENT ? top : root.nodeType === ELEMENT ? root : null;
}

function isExcluded(el: Element, isHidden: (el: Element) => boolean, ignore: ((el: Element) => boolean) | undefined) {
  return SKIP_TAGS.has(el.localName) || isEditable(el) || ignore?.(el) === true || isHidden(el);
}

/** Whether an ancestor (across shadow roots) keeps `el` from being read. The root itself is checked by the walk. */
function excludedByAncestors(el: Element, isHidden: (el: Element) => boolean, ignore: ((el: Element) => boolean) | undefined): boolean {
  let child: Node = el;
  let n: Node | null = el.parentNode;
  while (n) {
    if (n.nodeType === FRAGMENT) {
      child = n;
      n = (n as ShadowRoot).host ?? null;
      continue;
    }
    if (n.nodeType !== ELEMENT) break;
    const a = n as Element;
    if (isExcluded(a, isHidden, ignore)) return true;
    if (isClosedDetails(a) && child.nodeType === ELEMENT && firstSummary(a) !== child) return true;
    child = n;
    n = n.parentNode;
  }
  return false;
}

/** The blocks as one text, separated by a blank line (the matcher never matches across one). */
export function joinBlocks(blocks: readonly TextBlock[]): { text: string; blockStarts: number[] } {
  const blockStarts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const b of blocks) {
    if (parts.length > 0) offset += 2;
    blockStarts.push(offset);
    parts.push(b.text);
    offset += b.text.length;
  }
  return { text: parts.join('\n\n'), blockStarts };
}

/** Index of the last segment starting at or before `offset` (-1 if none). */
function segmentAt(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid] as TextSegment).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The DOM range of `block.text[start, end)`. An offset on a <br>'s "\n" (no text node) moves inward: a start to
 * the next text node, an end to the previous one.
 */
export function rangeForBlock(block: TextBlock, start: number, end: number, doc: Document): Range {
  const range = doc.createRange();
  const segs = block.segments;
  if (segs.length === 0) return range;
  const i = segmentAt(segs, start);
  let s = segs[i] as TextSegment | undefined;
  if (!s || start >= s.end) {
    // A start in a gap (a <br>, or past the end of a segment) begins at the next segment.
    s = segs[i + 1] ?? (segs[segs.length - 1] as TextSegment);
    range.setStart(s.node, start >= s.end ? s.node.data.length : 0);
  } else {
    range.setStart(s.node, start - s.start);
  }
  let j = segmentAt(segs, end);
  let e = segs[j] as TextSegment | undefined;
  if (e && end === e.start && j > 0 && end > start) {
    // Prefer the end of the previous node to the start of the next one: the range then holds no empty tail.
    j--;
    e = segs[j] as TextSegment;
  }
  if (!e) {
    range.setEnd(s.node, range.startOffset);
  } else if (end > e.end) {
    range.setEnd(e.node, e.node.data.length);
  } else {
    range.setEnd(e.node, end - e.start);
  }
  return range;
}

// TEMPORARY (not committed): stand-in for lib/page/collect.ts until it lands.
import type { TextBlock } from '@/lib/page/scanner';
const INLINE = new Set(['A','ABBR','B','BDI','BDO','CITE','CODE','DATA','DFN','EM','I','KBD','MARK','Q','S','SAMP','SMALL','SPAN','STRONG','SUB','SUP','TIME','U','VAR','FONT','LABEL']);
const SKIP = new Set(['SCRIPT','STYLE','TEXTAREA','INPUT','SELECT','NOSCRIPT','TEMPLATE','OPTION']);
export function blockOf(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && !INLINE.has((n as Element).tagName)) return n as Element;
  }
  return null;
}
export function collectBlocks(root: Node, o: { isHidden(el: Element): boolean; ignore(el: Element): boolean }): TextBlock[] {
  const blocks = new Map<Element, TextBlock>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        const el = n as Element;
        if (SKIP.has(el.tagName) || o.ignore(el) || o.isHidden(el) || (el as HTMLElement).isContentEditable) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    const el = blockOf(t);
    if (!el) continue;
    let b = blocks.get(el);
    if (!b) { b = { element: el, text: '', segments: [] }; blocks.set(el, b); }
    b.segments.push({ node: t, start: b.text.length, end: b.text.length + t.data.length });
    b.text += t.data;
  }
  return [...blocks.values()];
}
export function rangeForBlock(block: TextBlock, start: number, end: number, doc: Document): Range {
  const r = doc.createRange();
  for (const s of block.segments) {
    if (start >= s.start && start < s.end) r.setStart(s.node, start - s.start);
    if (end > s.start && end <= s.end) r.setEnd(s.node, end - s.start);
  }
  return r;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import compiled from '@/assets/generated/dataset.json';
import type { CompiledDataset } from '@/lib/dataset/types';
import { createMatcherFromTables, type Mention, newPageMemory } from '@/lib/match';
import { collectBlocks, isGluedWordBoundary, rangeForBlock, type TextBlock } from '@/lib/page/collect';

// Property tests (fast-check) for lib/match and lib/page: any text and any DOM tree, never a throw, offsets that
// map back to exactly the mention's text, and mentions that do not depend on how the text is cut into nodes.

const dataset = compiled as unknown as CompiledDataset;
const matcher = createMatcherFromTables(dataset.aliases, dataset.matcher);
const find = (text: string) => matcher.find(text, { memory: newPageMemory() });
const RUNS = { numRuns: 150 };

/** Dataset spellings, the characters the normalization folds, and any Unicode at all, mixed. */
const aliasTexts = [...new Set(dataset.aliases.map((a) => a.text))];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...aliasTexts) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\n', ', ', '. ', '-', "'", '’', 'ʿ', 'al-', '\u200b', '\u00ad', 'The ', "'s") },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const newsText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

function checkMentions(text: string, mentions: Mention[]) {
  let end = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(end);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    end = m.end;
  }
}

describe('lib/match on any text', () => {
  it('never throws, and each mention is exactly its text at its offsets, in order, without overlap', () => {
    fc.assert(
      fc.property(newsText, (text) => checkMentions(text, find(text))),
      RUNS,
    );
  });
});

// --- lib/page on any DOM tree ----------------------------------------------------------------------

type Tree = { text: string } | { tag: string; children: Tree[] };
const TAGS = [
  'p',
  'div',
  'span',
  'em',
  'a',
  'b',
  'br',
  'li',
  'ul',
  'td',
  'table',
  'tr',
  'pre',
  'h2',
  'section',
  'script',
  'style',
  'textarea',
  'details',
  'summary',
  'img',
  'button',
  'q',
  'sup',
];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ text: newsText }),
    fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node;

function build(t: Tree, doc: Document): Node {
  if ('text' in t) return doc.createTextNode(t.text);
  const el = doc.createElement(t.tag);
  for (const c of t.children) el.append(build(c, doc));
  return el;
}

/**
 * The text a highlight of the range paints: the block's own text nodes inside it. Not range.toString(), which also
 * reads elements the collector skips and the browser does not render as text (a <textarea>'s or <script>'s child).
 */
function paintedText(range: Range, block: TextBlock): string {
  let out = '';
  for (const { node } of block.segments) {
    const from = range.comparePoint(node, 0) >= 0 ? 0 : range.startContainer === node ? range.startOffset : node.length;
    const to = range.comparePoint(node, node.length) <= 0 ? node.length : range.endContainer === node ? range.endOffset : 0;
    if (to > from) out += node.data.slice(from, to);
  }
  return out;
}

describe('lib/page on any DOM tree', () => {
  it('collects without throwing; segments are verbatim; every mention’s range reads exactly its text', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (roots) => {
        document.body.replaceChildren(...roots.map((t) => build(t, document)));
        for (const block of collectBlocks(document.body)) {
          for (const s of block.segments) expect(block.text.slice(s.start, s.end)).toBe(s.node.data);
          const mentions = find(block.text);
          checkMentions(block.text, mentions);
          for (const m of mentions) expect(paintedText(rangeForBlock(block, m.start, m.end, document), block)).toBe(m.text);
        }
      }),
      RUNS,
    );
  });

  it('finds the same mentions however a paragraph’s text is cut into text nodes and inline elements', () => {
    const INLINE = ['span', 'em', 'a', 'b', 'i', 'strong', 'q', 'abbr'];
    const cuts = fc.array(fc.record({ at: fc.nat(), wrap: fc.option(fc.constantFrom(...INLINE), { nil: null }) }), { maxLength: 8 });
    fc.assert(
      fc.property(newsText, cuts, (text, cutList) => {
        fc.pre(/\S/.test(text));
        const expected = find(text).map((m) => [m.entityId, m.start, m.end]);
        // Cut the text at sorted positions; wrap some pieces in inline elements. Not where a letter meets a digit or
        // another script: there the collector deliberately separates glued inline elements (isGluedWordBoundary).
        const at = [...new Set(cutList.map((c) => c.at % (text.length + 1)))]
          .filter((i) => i === 0 || i === text.length || !isGluedWordBoundary(text.charCodeAt(i - 1), text.charCodeAt(i)))
          .sort((a, b) => a - b);
        const p = document.createElement('p');
        let from = 0;
        for (const [i, pos] of [...at, text.length].entries()) {
          const part = text.slice(from, pos);
          from = pos;
          if (!part) continue;
          const wrap = cutList[i]?.wrap;
          if (wrap) {
            const el = document.createElement(wrap);
            el.append(document.createTextNode(part));
            p.append(el);
          } else p.append(document.createTextNode(part));
        }
        document.body.replaceChildren(p);
        const blocks = collectBlocks(document.body);
        const joined = blocks.map((b) => b.text).join('');
        // Whitespace-only runs are dropped; otherwise the paragraph is one block, read verbatim.
        expect(blocks).toHaveLength(1);
        expect(joined).toBe(text);
        expect(find(blocks[0]!.text).map((m) => [m.entityId, m.start, m.end])).toEqual(expected);
      }),
      RUNS,
    );
  });
});

import { parseHTML } from 'linkedom';
import type { EntityType } from '../lib/dataset/schema';
import type { CompiledDataset } from '../lib/dataset/types';
import { createMatcher, newPageMemory } from '../lib/match';
import { collectBlocks, isHiddenByMarkup, joinBlocks } from '../lib/page/collect';
import type { PageKind } from './scan-files';

/** The scan CLI's core: a page's text as the content script collects it, and the mentions the matcher finds in it. */

export interface PageText {
  /** The collected text: HTML blocks joined by a blank line; a text file as it is. */
  text: string;
  /** Each block's text and where it starts in `text`. */
  blocks: { text: string; start: number }[];
}

export interface ScanMention {
  entityId: string;
  name: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
}

// linkedom needs a whole document: a fragment ("<p>x</p>") or bare text parses to a broken tree.
const HAS_HTML_ELEMENT = /<html[\s>]/i;

export function htmlText(source: string): PageText {
  const html = HAS_HTML_ELEMENT.test(source) ? source : `<!doctype html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(html);
  const blocks = collectBlocks(document as unknown as Document, { isHidden: isHiddenByMarkup });
  const { text, blockStarts } = joinBlocks(blocks);
  return { text, blocks: blocks.map((b, i) => ({ text: b.text, start: blockStarts[i] as number })) };
}

/** Paragraphs (separated by blank lines) are the blocks of a text file; offsets are into the file's own text. */
export function plainText(source: string): PageText {
  const blocks: PageText['blocks'] = [];
  const blank = /\n[^\S\n]*\n\s*/g;
  let at = 0;
  const add = (end: number) => {
    const text = source.slice(at, end);
    if (/\S/.test(text)) blocks.push({ text, start: at });
  };
  for (let m = blank.exec(source); m; m = blank.exec(source)) {
    add(m.index);
    at = m.index + m[0].length;
  }
  add(source.length);
  return { text: source, blocks };
}

export function pageText(source: string, kind: PageKind): PageText {
  return kind === 'html' ? htmlText(source) : plainText(source);
}

export interface PageScanner {
  scan(page: PageText): ScanMention[];
}

/**
 * Block by block with one page memory, as the content script does: a surname counts when its full name is on the
 * page, and a block whose surname waited for a full name given further down is read again once it is.
 */
export function createPageScanner(dataset: CompiledDataset): PageScanner {
  const matcher = createMatcher(dataset.aliases);
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  return {
    scan(page) {
      const memory = newPageMemory();
      const found = page.blocks.map((block) => {
        const mentions = matcher.find(block.text, { memory });
        return { block, mentions, waiting: [...(memory.waiting ?? [])] };
      });
      const out: ScanMention[] = [];
      for (const { block, mentions, waiting } of found) {
        const again = waiting.some((id) => memory.namedInFull.has(id));
        for (const m of again ? matcher.find(block.text, { memory }) : mentions) {
          const entity = entities.get(m.entityId);
          if (!entity) continue;
          out.push({
            entityId: m.entityId,
            name: entity.name,
            type: entity.type,
            text: m.text,
            start: block.start + m.start,
            end: block.start + m.end,
          });
        }
      }
      return out;
    },
  };
}

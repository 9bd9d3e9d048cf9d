import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockOf, type CollectOptions, collectBlocks, joinBlocks, rangeForBlock, type TextBlock } from '@/lib/page/collect';

/** Every case runs on happy-dom (the content script's stand-in) and on linkedom (what the scan CLI parses with). */
const doms: { name: string; parse(html: string): Document }[] = [
  { name: 'happy-dom', parse: (html) => new DOMParser().parseFromString(html, 'text/html') },
  { name: 'linkedom', parse: (html) => parseHTML(html).document as unknown as Document },
];

const page = (body: string) => `<!doctype html><html><head><title>Title</title></head><body>${body}</body></html>`;

/** The segments map back to the DOM exactly: the block text is the concatenation of its nodes' data (plus <br>s). */
function expectFaithful(blocks: TextBlock[]) {
  for (const b of blocks) {
    for (const s of b.segments) expect(b.text.slice(s.start, s.end)).toBe(s.node.data);
    const outside = b.text.split('').filter((_, i) => !b.segments.some((s) => i >= s.start && i < s.end));
    expect(outside.every((c) => c === '\n')).toBe(true);
  }
}

const texts = (blocks: TextBlock[]) => blocks.map((b) => b.text);

describe.each(doms)('collectBlocks on $name', ({ parse }) => {
  const collect = (body: string, options?: CollectOptions) => {
    const doc = parse(page(body));
    const blocks = collectBlocks(doc, options);
    expectFaithful(blocks);
    return { doc, blocks };
  };

  it('joins the inline elements of a block into one text', () => {
    const { blocks } = collect('<p><a href="#">Qais</a> al-<em>Khazali</em> <span><b>said</b></span> so.</p>');
    expect(texts(blocks)).toEqual(['Qais al-Khazali said so.']);
    expect(blocks[0]?.element.localName).toBe('p');
    expect(blocks[0]?.segments.map((s) => s.node.data)).toEqual(['Qais', ' al-', 'Khazali', ' ', 'said', ' so.']);
  });

  it('separates inline elements glued where a letter meets a digit, or two scripts meet', () => {
    const { blocks } = collect('<p><a href="#">President Donald Trump</a><span>42,070 comments</span></p><p><b>2020</b><i>Kadhimi</i></p>');
    expect(texts(blocks)).toEqual(['President Donald Trump\n42,070 comments', '2020\nKadhimi']);
    const arabic = collect('<p><span>Khamenei</span><span>خامنه‌ای</span></p>').blocks;
    expect(texts(arabic)).toEqual(['Khamenei\nخامنه‌ای']);
  });

  it('keeps glued letters of one script, and glued punctuation, as they are', () => {
    const { blocks } = collect('<p><b>K</b>hamenei said <a>Kataib</a>, then <span>12</span><span>34</span></p>');
    expect(texts(blocks)).toEqual(['Khamenei said Kataib, then 1234']);
  });

  it('keeps text node data verbatim (nothing collapsed or trimmed)', () => {
    const { blocks } = collect('<p>  Kataib\n   Hezbollah &amp; co\u00a0 </p>');
    expect(texts(blocks)).toEqual(['  Kataib\n   Hezbollah & co\u00a0 ']);
  });

  it('makes each block element its own block, in document order', () => {
    const { blocks } = collect(
      '<h1>Head</h1><ul><li>One</li><li>Two</li></ul><table><tr><td>Cell A</td><td>Cell B</td></tr></table><blockquote>Quote</blockquote>',
    );
    expect(texts(blocks)).toEqual(['Head', 'One', 'Two', 'Cell A', 'Cell B', 'Quote']);
    expect(blocks.map((b) => b.element.localName)).toEqual(['h1', 'li', 'li', 'td', 'td', 'blockquote']);
  });

  it('splits a block around a nested block: the runs before and after are separate blocks of the same element', () => {
    const { doc, blocks } = collect('<div id="outer">Before <b>bold</b><div>Inner</div>After</div>');
    expect(texts(blocks)).toEqual(['Before bold', 'Inner', 'After']);
    const outer = doc.getElementById('outer');
    expect(blocks[0]?.element).toBe(outer);
    expect(blocks[2]?.element).toBe(outer);
    expect(blocks[1]?.element.parentNode).toBe(outer);
  });

  it('reads around outlined elements: each ends the run it interrupts, as a nested block, and is not read', () => {
    const { doc, blocks } = collect('<div id="outer">Before <b>bold</b><p class="part">Inner <i>deep</i></p>After<p class="part">Two</p>End</div>', {
      outlined: (el) => el.className === 'part',
    });
    expect(texts(blocks)).toEqual(['Before bold', 'After', 'End']);
    const outer = doc.getElementById('outer');
    for (const b of blocks) expect(b.element).toBe(outer);
    // The same runs of the outer element as a whole collection gives, less the parts' own blocks.
    const whole = collectBlocks(doc).filter((b) => b.element === outer);
    expect(texts(whole)).toEqual(texts(blocks));
  });

  it('turns <br> into a soft line break inside the block', () => {
    const { blocks } = collect('<p>Qais<br>al-Khazali<br/><br>end</p>');
    expect(texts(blocks)).toEqual(['Qais\nal-Khazali\n\nend']);
    expect(blocks[0]?.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 4],
      [5, 15],
      [17, 20],
    ]);
  });

  it('drops runs that are only whitespace', () => {
    const { blocks } = collect('<div>\n  <p>Text</p>\n  <p> </p>\n</div><p><br></p>');
    expect(texts(blocks)).toEqual(['Text']);
  });

  it('skips code, form controls, embedded objects and drawings', () => {
    const { blocks } = collect(
      [
        '<p>kept</p>',
        '<script>var Khazali = 1;</script><style>.Khazali{}</style><noscript>Noscript</noscript>',
        '<template><p>Template</p></template><textarea>Textarea</textarea><input value="Input">',
        '<select><option>Option</option></select><button>Button label</button>',
        '<svg><text>Svg text</text></svg><iframe>Iframe</iframe><object>Object fallback</object>',
        '<p>also <button>Button</button>kept</p>',
        '<p><progress>50%</progress><ruby>Kan<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>',
      ].join(''),
    );
    expect(texts(blocks)).toEqual(['kept', 'also kept', 'Kankan']);
  });

  it('never reads the head (the title is not page text)', () => {
    const { blocks } = collect('<p>Body</p>');
    expect(texts(blocks)).toEqual(['Body']);
  });

  it('skips contenteditable regions of any value but "false"', () => {
    const { blocks } = collect(
      [
        '<div contenteditable>Editor one</div>',
        '<div contenteditable="true"><p>Editor two</p></div>',
        '<div contenteditable="plaintext-only">Editor three</div>',
        '<p>Inline <span contenteditable="">editor</span> here</p>',
        '<div contenteditable="false">Read only</div>',
      ].join(''),
    );
    expect(texts(blocks)).toEqual(['Inline  here', 'Read only']);
  });

  it('skips hidden elements (default: markup only)', () => {
    const { blocks } = collect(
      [
        '<p hidden>Hidden attr</p>',
        '<p style="color: red; display: none">Display none</p>',
        '<p style="visibility:hidden !important">Invisible</p>',
        '<p style="display: nonesuch">Odd style, kept</p>',
        '<dialog>Closed dialog</dialog><dialog open>Open dialog</dialog>',
        '<p>Visible <span style="display:none">gone</span>text</p>',
        '<p aria-hidden="true">Seen by the eye</p>',
      ].join(''),
    );
    expect(texts(blocks)).toEqual(['Odd style, kept', 'Open dialog', 'Visible text', 'Seen by the eye']);
  });

  it('asks the given isHidden and ignore once per element and skips their subtrees', () => {
    const asked: string[] = [];
    const { blocks } = collect('<p class="x">Hidden by caller</p><gloss-card><p>Card</p></gloss-card><p hidden>Shown</p>', {
      isHidden: (el) => {
        asked.push(el.localName);
        return el.classList.contains('x');
      },
      ignore: (el) => el.localName === 'gloss-card',
    });
    expect(texts(blocks)).toEqual(['Shown']);
    expect(asked).toEqual(['html', 'body', 'p', 'p']);
  });

  it('reads only the summary of a closed <details>, everything of an open one', () => {
    const { blocks } = collect(
      '<details><summary>Closed summary</summary>loose<p>Closed body</p></details><details open><summary>Open summary</summary>loose<p>Open body</p></details>',
    );
    expect(texts(blocks)).toEqual(['Closed summary', 'Open summary', 'loose', 'Open body']);
  });

  it('reads open shadow roots, as blocks of their own, and their host light children', () => {
    const doc = parse(page('<p>Before <x-card id="host"><span>Light child</span></x-card> after</p>'));
    const host = doc.getElementById('host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = doc.createElement('p');
    inner.append('Shadow ', doc.createElement('b'), ' para');
    (inner.childNodes[1] as Element).append('bold');
    shadow.append('Loose shadow text', inner);
    const blocks = collectBlocks(doc);
    expectFaithful(blocks);
    expect(texts(blocks)).toEqual(['Before ', 'Loose shadow text', 'Shadow bold para', 'Light child', ' after']);
    expect(blocks.map((b) => b.element.localName)).toEqual(['p', 'x-card', 'p', 'x-card', 'p']);

    // The content script collects each shadow root itself: nested ones can be left out, the root's own is read.
    expect(texts(collectBlocks(doc, { nestedShadowRoots: false }))).toEqual(['Before ', 'Light child', ' after']);
    expect(texts(collectBlocks(host, { nestedShadowRoots: false }))).toEqual(['Loose shadow text', 'Shadow bold para', 'Light child']);
    expect(texts(collectBlocks(shadow))).toEqual(['Loose shadow text', 'Shadow bold para']);
    expect(collectBlocks(shadow)[0]?.element).toBe(host);

    expect(blockOf(shadow.firstChild as Node)).toBe(host);
    expect(blockOf(inner.firstChild as Node)).toBe(inner);
    expect(blockOf(host.querySelector('span') as Element)).toBe(host);
  });

  it('skips the shadow root of a hidden or ignored host', () => {
    const doc = parse(page('<x-a></x-a><x-b hidden></x-b>'));
    for (const tag of ['x-a', 'x-b']) {
      const host = doc.querySelector(tag) as Element;
      host.attachShadow({ mode: 'open' }).append(doc.createTextNode(`inside ${tag}`));
    }
    expect(texts(collectBlocks(doc, { ignore: (el) => el.localName === 'x-a' }))).toEqual([]);
    expect(texts(collectBlocks(doc))).toEqual(['inside x-a']);
    expect(collectBlocks((doc.querySelector('x-b') as Element).shadowRoot as ShadowRoot)).toEqual([]);
  });

  it('collects the subtree of any root: a block, an inline element (widened to its block), a text node', () => {
    const doc = parse(page('<div id="d">Run <span id="s">span <i>text</i></span><p id="p">Para</p></div>'));
    const d = doc.getElementById('d') as Element;
    const s = doc.getElementById('s') as Element;
    const p = doc.getElementById('p') as Element;
    expect(texts(collectBlocks(p))).toEqual(['Para']);
    expect(texts(collectBlocks(d))).toEqual(['Run span text', 'Para']);
    expect(texts(collectBlocks(s))).toEqual(['Run span text', 'Para']);
    expect(texts(collectBlocks(p.firstChild as Node))).toEqual(['Para']);
    expect(texts(collectBlocks(doc.body))).toEqual(['Run span text', 'Para']);
  });

  it('yields nothing for a root inside a skipped, hidden, editable or closed-details ancestor', () => {
    const doc = parse(
      page(
        '<div hidden><p id="a">Hidden</p></div><div contenteditable><p id="b">Edit</p></div><details><summary id="d">S</summary><p id="c">Closed</p></details>',
      ),
    );
    for (const id of ['a', 'b', 'c']) expect(collectBlocks(doc.getElementById(id) as Element)).toEqual([]);
    expect(texts(collectBlocks(doc.getElementById('d') as Element))).toEqual(['S']);
  });

  it('reads nothing of a document in design mode (an editor frame)', () => {
    const doc = parse(page('<p>Editor text</p>'));
    (doc as Document & { designMode: string }).designMode = 'on';
    expect(collectBlocks(doc)).toEqual([]);
  });

  it('walks very deep trees without recursion', () => {
    const doc = parse(page('<div id="root"></div>'));
    let parent = doc.getElementById('root') as Element;
    for (let i = 0; i < 20_000; i++) {
      const child = doc.createElement(i % 2 ? 'span' : 'div');
      parent.appendChild(child);
      parent = child;
    }
    parent.append('Deep text');
    expect(texts(collectBlocks(doc))).toEqual(['Deep text']);
  });

  it('joins blocks with a blank line and reports where each starts', () => {
    const { blocks } = collect('<p>One <b>two</b></p><p>Three</p><div>Four<br>five</div>');
    const { text, blockStarts } = joinBlocks(blocks);
    expect(text).toBe('One two\n\nThree\n\nFour\nfive');
    expect(blockStarts).toEqual([0, 9, 16]);
    blocks.forEach((b, i) => {
      const at = blockStarts[i] as number;
      expect(text.slice(at, at + b.text.length)).toBe(b.text);
    });
    expect(joinBlocks([])).toEqual({ text: '', blockStarts: [] });
  });
});

describe('blockOf', () => {
  it('returns the nearest block-level element, or null outside any', () => {
    const doc = new DOMParser().parseFromString(page('<li><a><em>x</em></a></li>'), 'text/html');
    const em = doc.querySelector('em') as Element;
    expect(blockOf(em.firstChild as Node)).toBe(doc.querySelector('li'));
    expect(blockOf(doc.querySelector('li') as Element)).toBe(doc.querySelector('li'));
    expect(blockOf(doc.createTextNode('detached'))).toBeNull();
    expect(blockOf(doc)).toBeNull();
  });
});

// linkedom has no Range: ranges are the content script's business, so they are tested on happy-dom only
// (on its window document: happy-dom's ranges in a DOMParser document stringify as '').
describe('rangeForBlock', () => {
  const setup = (body: string) => {
    const doc = document;
    doc.body.innerHTML = body;
    const blocks = collectBlocks(doc);
    return { doc, block: blocks[0] as TextBlock };
  };

  it('maps a span across inline elements back to the exact DOM text', () => {
    const { doc, block } = setup('<p>Militia leader <a>Qais</a> al-<em>Khazali</em> spoke.</p>');
    const start = block.text.indexOf('Qais');
    const end = start + 'Qais al-Khazali'.length;
    const r = rangeForBlock(block, start, end, doc);
    expect(r.toString()).toBe('Qais al-Khazali');
    expect(r.startContainer).toBe(doc.querySelector('a')?.firstChild);
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(doc.querySelector('em')?.firstChild);
    expect(r.endOffset).toBe('Khazali'.length);
  });

  it('maps every substring of a block to a range with the same text', () => {
    const { doc, block } = setup('<p>ab<b>cd</b>e<i>f<u>g</u></i>hi</p>');
    for (let s = 0; s < block.text.length; s++) {
      for (let e = s + 1; e <= block.text.length; e++) {
        expect(rangeForBlock(block, s, e, doc).toString()).toBe(block.text.slice(s, e));
      }
    }
  });

  it('ends a range at the end of a node rather than the start of the next', () => {
    const { doc, block } = setup('<p><b>Qais</b> said</p>');
    const r = rangeForBlock(block, 0, 4, doc);
    expect(r.endContainer).toBe(doc.querySelector('b')?.firstChild);
    expect(r.endOffset).toBe(4);
  });

  it('maps a name before a separator put between glued elements back to its own node', () => {
    const { doc, block } = setup('<p><a>President Donald Trump</a><span>42,070 comments</span></p>');
    const start = block.text.indexOf('Donald');
    const range = rangeForBlock(block, start, start + 'Donald Trump'.length, doc);
    expect(range.toString()).toBe('Donald Trump');
    expect(range.endContainer).toBe(block.segments[0]?.node);
    const count = block.text.indexOf('42,070');
    expect(rangeForBlock(block, count, count + 6, doc).startContainer).toBe(block.segments[1]?.node);
  });

  it('spans a <br> and moves offsets that fall on it to the neighbouring text', () => {
    const { doc, block } = setup('<p>Qais<br>al-Khazali</p>');
    expect(block.text).toBe('Qais\nal-Khazali');
    const whole = rangeForBlock(block, 0, block.text.length, doc);
    expect(whole.toString()).toBe('Qaisal-Khazali');
    const fromBreak = rangeForBlock(block, 4, 7, doc);
    expect(fromBreak.startContainer).toBe(block.segments[1]?.node);
    expect(fromBreak.startOffset).toBe(0);
    expect(fromBreak.toString()).toBe('al');
    const toBreak = rangeForBlock(block, 2, 5, doc);
    expect(toBreak.endContainer).toBe(block.segments[0]?.node);
    expect(toBreak.toString()).toBe('is');
  });
});

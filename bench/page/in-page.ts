/**
 * The baselines run inside a measured page (through evaluate): the floor, and mark.js. Page functions: no named
 * inner functions or consts holding functions (tsx would add a `__name` helper the page lacks).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The floor: one TreeWalker pass over the page's text nodes, reading every character; no matching at all. */
export function floorPass(): { ms: number; chars: number; checksum: number } {
  const t0 = performance.now();
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let sum = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    chars += text.length;
  }
  // The sum is returned so that the engine cannot drop the reads.
  return { ms: performance.now() - t0, chars, checksum: sum };
}

/**
 * mark.js (dist/mark.min.js, UMD) as a page script. Module and AMD loaders of the page are hidden from it, so that
 * it lands on window.__benchMark whatever the page defines.
 */
export function markjsScript(): string {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  return `(function () { var module = { exports: {} }, exports = module.exports, define = undefined;\n${source}\n;Object.defineProperty(window, '__benchMark', { value: module.exports, configurable: true }); }).call(window);`;
}

export interface MarkjsRun {
  ms: number;
  marks: number;
  /** Aliases marked before the cap stopped it; all of them when it finished. */
  done: number;
  capped: boolean;
}

/**
 * mark.js marking the aliases in the page (in batches, so that the cap can stop it between two). The options are
 * those a name highlighter would use: whole phrases (no separate word search), whole words ("exactly").
 */
export async function markjsRun(arg: { aliases: string[]; capMs: number; batch: number }): Promise<MarkjsRun> {
  const Mark = (window as unknown as { __benchMark: new (ctx: Element) => { mark(k: string[], o: object): void } }).__benchMark;
  const instance = new Mark(document.body ?? document.documentElement);
  const t0 = performance.now();
  let done = 0;
  while (done < arg.aliases.length && performance.now() - t0 < arg.capMs) {
    const keywords = arg.aliases.slice(done, done + arg.batch);
    await new Promise<void>((resolve) => {
      instance.mark(keywords, { separateWordSearch: false, accuracy: 'exactly', done: resolve });
    });
    done += keywords.length;
  }
  const ms = performance.now() - t0;
  return { ms, marks: document.querySelectorAll('mark[data-markjs]').length, done, capped: done < arg.aliases.length };
}

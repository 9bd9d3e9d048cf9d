import type { EntityType } from '../dataset/schema';
import type { Mention, PageMemory } from '../match/types';
import { SKIP_TAGS } from './blocks';
import type { TextBlock } from './collect';
import type { HitIndex } from './hit-test';
import type { Painter } from './paint';
import type { RevealWatch } from './reveals';
import type { Scheduler } from './scheduler';

/**
 * The incremental scan engine of the content script: collects the page's text blocks, finds mentions,
 * paints them, and keeps up with the page: a MutationObserver marks only the blocks that changed as
 * dirty, and every piece of work (collecting a subtree, matching one block) is a separate task of the
 * time-sliced scheduler, so no long task is caused however large the page or the change.
 */

export type { TextBlock, TextSegment } from './collect';

/** The text collector (lib/page/collect.ts), injected so the engine can be tested alone. */
export interface Collector {
  /**
   * Blocks under `root` (the root's own text and every nested block), in document order; elements `outlined`
   * says yes to are read by calls of their own, and only end the root's runs there.
   */
  collect(root: Node, outlined?: (el: Element) => boolean): TextBlock[];
  /** Whether an element starts a block of its own (its text never joins its parent's). */
  isBlock(el: Element): boolean;
  /** The block element whose text contains `node` (an element that is itself a block returns itself). */
  blockOf(node: Node): Element | null;
  range(block: TextBlock, start: number, end: number): Range;
}

export interface PaintedMention {
  entityId: string;
  type: EntityType;
  start: number;
  end: number;
  text: string;
  range: Range;
  block: BlockRecord;
}

export interface BlockRecord {
  element: Element;
  text: string;
  nodes: Text[];
  mentions: PaintedMention[];
  /** Entities whose surname (or acronym) in this block waits for their full name elsewhere on the page. */
  waiting?: string[];
}

export interface ScannerOptions {
  doc: Document;
  collector: Collector;
  find(text: string, memory: PageMemory): Mention[];
  newMemory(): PageMemory;
  typeOf(entityId: string): EntityType | undefined;
  painter: Painter;
  scheduler: Scheduler;
  /** Mentions were added or removed (the caller throttles what it does with it). */
  onChange?(): void;
  /** Elements Gloss never reads (its own card host). */
  ignore?(element: Element): boolean;
  /** Elements the collector skipped as hidden, asked again after class and style changes. */
  reveals?: RevealWatch;
}

/** Subtrees with more elements than this are collected in parts (a few ms each, more before the JIT warms up). */
const SPLIT_ABOVE = 400;
/** Parts of a split subtree queued per task. */
const QUEUE_CHUNK = 500;
/** While a scan is running, new ranges are painted at most this often (each paint repaints every range). */
const PAINT_EVERY_MS = 250;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // class and style: only to notice text revealed in elements skipped as hidden (see RevealWatch).
  attributeFilter: ['hidden', 'open', 'class', 'style'],
};

/** After a class or style change, skipped elements are asked again at most this often. */
const REVEAL_CHECK_MS = 300;

/** Whether el has more than n descendant elements: the browser counts, and only that far (a body can hold 100,000). */
function hasMoreElements(el: Element, n: number): boolean {
  return el.getElementsByTagName('*').item(n) !== null;
}

export class Scanner implements HitIndex<PaintedMention> {
  private readonly records = new Map<Element, BlockRecord[]>();
  private readonly byRangeMap = new Map<AbstractRange, PaintedMention>();
  private readonly byNode = new WeakMap<Node, BlockRecord>();
  /** Blocks read before the page named someone they mention by surname only: read again when it does. */
  private readonly waitingRecords = new Set<BlockRecord>();
  private memory: PageMemory;
  private observer: MutationObserver | null = null;
  private readonly observedShadows = new WeakSet<ShadowRoot>();
  private dirty = new Set<Node>();
  private sweepNeeded = false;
  private flushQueued = false;
  private visible: Record<EntityType, boolean> = { person: true, organization: true, place: true };
  private running = false;
  private paintQueued = false;
  private lastPaint = -Infinity;
  private revealTimer: number | undefined;

  constructor(private readonly o: ScannerOptions) {
    this.memory = o.newMemory();
  }

  /** Scans the whole document (in slices) and starts following its changes. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const win = this.o.doc.defaultView;
    if (win && typeof win.MutationObserver === 'function') {
      this.observer = new win.MutationObserver((records) => this.onMutations(records));
      this.observer.observe(this.o.doc, OBSERVE);
    }
    this.queueRoot(this.o.doc.body ?? this.o.doc.documentElement);
  }

  /** Forgets everything and scans again (single-page-app navigation). */
  rescanAll(): void {
    if (!this.running) return;
    this.o.scheduler.clear();
    this.removeAll();
    this.memory = this.o.newMemory();
    this.dirty.clear();
    this.o.reveals?.clear();
    this.flushQueued = false;
    this.sweepNeeded = false;
    this.queueRoot(this.o.doc.body ?? this.o.doc.documentElement);
  }

  stop(): void {
    this.running = false;
    this.observer?.disconnect();
    this.observer = null;
    this.o.scheduler.clear();
    this.dirty.clear();
    this.o.reveals?.clear();
    clearTimeout(this.revealTimer);
    this.revealTimer = undefined;
    this.flushQueued = false;
    this.sweepNeeded = false;
    this.removeAll();
  }

  /** Resolves when all queued work is done. */
  idle(): Promise<void> {
    return this.o.scheduler.idle();
  }

  setVisible(types: Record<EntityType, boolean>): void {
    this.visible = { ...types };
    this.o.painter.setVisible(types);
    this.o.onChange?.();
  }

  /** Mentions per entity id, of the shown types. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of this.byRangeMap.values()) {
      if (this.visible[m.type]) out[m.entityId] = (out[m.entityId] ?? 0) + 1;
    }
    return out;
  }

  /** Shown mentions in document order (optionally of one entity). */
  ordered(entityId?: string): PaintedMention[] {
    const list = [...this.byRangeMap.values()].filter(
      (m) => this.visible[m.type] && (!entityId || m.entityId === entityId) && !m.range.collapsed,
    );
    return list.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  // HitIndex
  byRange(range: AbstractRange): PaintedMention | undefined {
    return this.byRangeMap.get(range);
  }
  near(node: Node): readonly PaintedMention[] {
    return this.byNode.get(node)?.mentions ?? [];
  }
  rangeOf(m: PaintedMention): Range {
    return m.range;
  }
  isShown(m: PaintedMention): boolean {
    return this.visible[m.type];
  }

  private onMutations(mutations: MutationRecord[]): void {
    const { collector, ignore } = this.o;
    for (const r of mutations) {
      if (isInside(r.target, ignore)) continue;
      if (r.type === 'characterData') {
        this.markBlockOf(r.target);
      } else if (r.type === 'attributes') {
        if (r.attributeName === 'class' || r.attributeName === 'style') {
          this.queueRevealCheck();
          continue;
        }
        this.dirty.add(r.target);
        this.sweepNeeded = true;
      } else {
        let ownTextChanged = false;
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.ELEMENT_NODE) {
            if (ignore?.(n as Element)) continue;
            // A new block does not change the text of the block around it: collect only the new subtree.
            if (collector.blockOf(n) === n) this.dirty.add(n);
            else ownTextChanged = true;
          } else if (n.nodeType === Node.TEXT_NODE) ownTextChanged = true;
        }
        for (const n of r.removedNodes) {
          this.sweepNeeded = true;
          if (n.nodeType === Node.TEXT_NODE) ownTextChanged = true;
          else if (n.nodeType === Node.ELEMENT_NODE && !ignore?.(n as Element) && collector.blockOf(n) !== n) ownTextChanged = true;
        }
        if (ownTextChanged) this.markBlockOf(r.target);
      }
    }
    this.queueFlush();
  }

  /** Schedules one flush for whatever is dirty, unless one is queued already. */
  private queueFlush(): void {
    if ((this.dirty.size > 0 || this.sweepNeeded) && !this.flushQueued) {
      this.flushQueued = true;
      this.o.scheduler.push(() => this.flush());
    }
  }

  private queueRevealCheck(): void {
    const reveals = this.o.reveals;
    const win = this.o.doc.defaultView;
    if (!reveals?.waiting || this.revealTimer !== undefined || !win) return;
    this.revealTimer = win.setTimeout(() => {
      this.revealTimer = undefined;
      this.o.scheduler.push(() => {
        if (!this.running) return;
        const revealed = reveals.takeRevealed();
        // The block around a revealed element is collected again: its text now includes the revealed part.
        for (const el of revealed) this.markBlockOf(el);
        this.queueFlush();
      });
    }, REVEAL_CHECK_MS);
  }

  private markBlockOf(node: Node): void {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    const block = el ? this.o.collector.blockOf(el) : null;
    // Text directly in a shadow root has no element; rescan the root.
    this.dirty.add(block ?? (node.getRootNode() as Node));
    this.sweepNeeded = true;
  }

  /** Turns the dirty set into work: outermost roots only, then a sweep of records that vanished. */
  private flush(): void {
    this.flushQueued = false;
    const roots = [...this.dirty].filter((n) => n.isConnected);
    this.dirty.clear();
    const outer = roots.filter((n) => !roots.some((other) => other !== n && other.contains(n)));
    const refreshed = new Set<BlockRecord>();
    for (const root of outer) this.queueRoot(root, refreshed);
    if (this.sweepNeeded || outer.length > 0) {
      this.sweepNeeded = false;
      this.o.scheduler.push(() => this.sweep(outer, refreshed));
    }
  }

  private queueRoot(root: Node, refreshed?: Set<BlockRecord>): void {
    this.o.scheduler.push(() => {
      if (!this.running || !root.isConnected) return;
      const split = this.split(root);
      if (split) {
        const { owner, parts, ownText } = split;
        if (ownText) {
          // The root's own runs (a "Jump to navigation" link beside 9,000 elements of article), without its parts.
          const outlined = new Set<Element>(parts);
          this.o.scheduler.push(() => {
            if (!this.running || !owner.isConnected) return;
            for (let c = owner.firstElementChild; c; c = c.nextElementSibling) if (!outlined.has(c)) this.observeShadowRoots(c);
            this.queueBlocks(
              this.o.collector.collect(owner, (el) => outlined.has(el)),
              refreshed,
            );
          });
        }
        // In chunks: queueing 20,000 paragraphs at once is itself a long task.
        for (let k = 0; k < parts.length; k += QUEUE_CHUNK) {
          this.o.scheduler.push(() => {
            for (const part of parts.slice(k, k + QUEUE_CHUNK)) this.queueRoot(part, refreshed);
          });
        }
        return;
      }
      this.observeShadowRoots(root);
      this.queueBlocks(this.o.collector.collect(root), refreshed);
    });
  }

  private queueBlocks(blocks: TextBlock[], refreshed?: Set<BlockRecord>): void {
    // Matching a block is the unit of work; blocks are batched only by the scheduler's time budget.
    for (const block of blocks) this.o.scheduler.push(() => this.scanBlock(block, refreshed));
  }

  /**
   * A large subtree is collected block child by block child, so that no single collection is a long task (20,000
   * paragraphs in one collection: ~140 ms; a Wikipedia article, 9,000 elements under a root that also holds a
   * link of its own: 65 ms). The split element's own text, if any (`ownText`), is collected apart with its parts
   * outlined: nested blocks split a parent's runs, so its runs are the same either way. `owner` is the element
   * split: the root, or the innermost of a chain of lone wrappers under it.
   */
  private split(root: Node): { owner: Element; parts: Element[]; ownText: boolean } | null {
    if (root.nodeType !== Node.ELEMENT_NODE) return null;
    const el = root as Element;
    if (el.shadowRoot || !hasMoreElements(el, SPLIT_ABOVE)) return null;
    const parts: Element[] = [];
    let ownText = false;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.ELEMENT_NODE) {
        const child = c as Element;
        if (this.o.collector.isBlock(child)) parts.push(child);
        else if (SKIP_TAGS.has(child.localName) || this.o.ignore?.(child)) continue;
        else if (child.textContent?.trim() || child.children.length > 0) ownText = true;
      } else if (c.nodeType === Node.TEXT_NODE && (c as Text).data.trim()) ownText = true;
    }
    // A lone wrapper (main > article > p × 20,000) is split in turn: its text is the root's.
    if (parts.length === 1 && !ownText) return this.split(parts[0] as Element);
    return parts.length > 0 ? { owner: el, parts, ownText } : null;
  }

  /** Open shadow roots are scanned and observed like the document (MutationObservers do not cross them). */
  private observeShadowRoots(root: Node): void {
    const doc = this.o.doc;
    const start = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    let el: Node | null = start ?? walker.nextNode();
    while (el) {
      const shadow = (el as Element).shadowRoot;
      if (shadow && !this.observedShadows.has(shadow) && !this.o.ignore?.(el as Element)) {
        this.observedShadows.add(shadow);
        this.observer?.observe(shadow, OBSERVE);
        this.queueRoot(shadow);
      }
      el = walker.nextNode();
    }
  }

  private scanBlock(block: TextBlock, refreshed?: Set<BlockRecord>): void {
    if (!this.running || !block.element.isConnected) return;
    const nodes = block.segments.map((s) => s.node);
    const existing = this.records.get(block.element) ?? [];
    const same = existing.find((r) => r.text === block.text && sameNodes(r.nodes, nodes));
    if (same) {
      refreshed?.add(same);
      return;
    }
    // The element's old records are replaced by what the fresh collection says.
    for (const r of existing) {
      if (!refreshed?.has(r)) this.removeRecord(r);
    }
    const record: BlockRecord = { element: block.element, text: block.text, nodes, mentions: [] };
    const namedBefore = this.memory.namedInFull.size;
    for (const m of this.o.find(block.text, this.memory)) {
      const type = this.o.typeOf(m.entityId);
      if (!type) continue;
      const range = this.o.collector.range(block, m.start, m.end);
      const painted: PaintedMention = { ...pick(m), type, range, block: record };
      record.mentions.push(painted);
      this.byRangeMap.set(range, painted);
      this.o.painter.add(type, range);
    }
    if (record.mentions.length > 0) this.schedulePaint();
    if (this.memory.waiting?.size) {
      record.waiting = [...this.memory.waiting];
      this.waitingRecords.add(record);
    }
    const list = (this.records.get(block.element) ?? []).filter((r) => refreshed?.has(r));
    list.push(record);
    this.records.set(block.element, list);
    refreshed?.add(record);
    for (const n of nodes) this.byNode.set(n, record);
    if (record.mentions.length > 0) this.o.onChange?.();
    if (this.memory.namedInFull.size > namedBefore) this.readWaitingAgain();
  }

  /** A headline's "Kadhimi" above the body's "Mustafa al-Kadhimi": the headline is read again once the body is. */
  private readWaitingAgain(): void {
    for (const r of this.waitingRecords) {
      if (!r.waiting?.some((id) => this.memory.namedInFull.has(id))) continue;
      this.waitingRecords.delete(r);
      this.removeRecord(r);
      this.queueRoot(r.element);
    }
  }

  /** Paints new ranges when the queue runs dry, and every PAINT_EVERY_MS during a long scan. */
  private schedulePaint(): void {
    const now = performance.now();
    if (now - this.lastPaint >= PAINT_EVERY_MS) {
      this.paint();
      return;
    }
    if (this.paintQueued) return;
    this.paintQueued = true;
    void this.o.scheduler.idle().then(() => this.paint());
  }

  private paint(): void {
    this.paintQueued = false;
    this.lastPaint = performance.now();
    if (this.running) this.o.painter.flush();
  }

  /** Drops records whose element left the page, or that a rescanned root no longer yields. */
  private sweep(roots: Node[], refreshed: Set<BlockRecord>): void {
    let changed = false;
    for (const [el, list] of this.records) {
      const inRescanned = el.isConnected && roots.some((root) => root === el || root.contains(el));
      const keep = list.filter((r) => el.isConnected && (!inRescanned || refreshed.has(r)));
      if (keep.length === list.length) continue;
      for (const r of list) if (!keep.includes(r)) changed = this.removeRecord(r) || changed;
      if (keep.length > 0) this.records.set(el, keep);
      else this.records.delete(el);
    }
    if (changed) this.o.onChange?.();
  }

  private removeRecord(r: BlockRecord): boolean {
    this.waitingRecords.delete(r);
    for (const m of r.mentions) {
      this.o.painter.remove(m.type, m.range);
      this.byRangeMap.delete(m.range);
    }
    const list = this.records.get(r.element);
    if (list?.includes(r)) {
      const rest = list.filter((x) => x !== r);
      if (rest.length > 0) this.records.set(r.element, rest);
      else this.records.delete(r.element);
    }
    for (const n of r.nodes) if (this.byNode.get(n) === r) this.byNode.delete(n);
    return r.mentions.length > 0;
  }

  private removeAll(): void {
    const had = this.byRangeMap.size > 0;
    this.records.clear();
    this.waitingRecords.clear();
    this.byRangeMap.clear();
    this.o.painter.clear();
    if (had) this.o.onChange?.();
  }
}

function pick(m: Mention) {
  return { entityId: m.entityId, start: m.start, end: m.end, text: m.text };
}

function sameNodes(a: Text[], b: Text[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isInside(node: Node, ignore?: (el: Element) => boolean): boolean {
  if (!ignore) return false;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && ignore(n as Element)) return true;
  }
  return false;
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { cardPackReader, readMissingShards, watchMatchPack, watchShards } from '@/lib/datasets/load';
import { isShardedPack, MATCH_PACK_KEY, matcherOfPack, parseMatchPack, type StoredMatchPack } from '@/lib/datasets/pack';
import { extensionApi } from '@/lib/extension-api';
import { type Matcher, newPageMemory, ShardSet } from '@/lib/match';
import { isFromExtension, parseMessage } from '@/lib/messages-validate';
import type { ProtocolMap, TabSummary } from '@/lib/messaging';
import { benchMark } from '@/lib/page/bench-marks';
import { isBlockElement } from '@/lib/page/blocks';
import { createHoverController } from '@/lib/page/card-hover';
import { cardModel } from '@/lib/page/card-model';
import { blockOf, collectBlocks, rangeForBlock } from '@/lib/page/collect';
import { mentionAtPoint, rectsContain } from '@/lib/page/hit-test';
import { createPainter } from '@/lib/page/paint';
import { createPointerRest } from '@/lib/page/pointer-rest';
import { createRevealWatch } from '@/lib/page/reveals';
import { type Collector, type PaintedMention, Scanner } from '@/lib/page/scanner';
import { createScheduler } from '@/lib/page/scheduler';
import { ask } from '@/lib/reader/api';
import { parseSettings, pauseReason, SETTINGS_KEY, type Settings, watchSettings } from '@/lib/settings';
import { lazyCardHost } from './lazy-card-host';
import { loadCardHost } from './load-main';

const FLASH_NAME = 'gloss-flash';

function isHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden) return true;
  // checkVisibility() is false for display:none subtrees and closed <details>; it reads the computed style already there.
  return typeof el.checkVisibility === 'function' ? !el.checkVisibility() : false;
}

/** The card opens this long after the pointer comes to rest on a name, like Wikipedia's Page Previews. */
const CARD_OPEN_MS = 150;
/** How long the pointer must stay still before the hit test runs (see lib/page/pointer-rest.ts). */
const HIT_TEST_REST_MS = 80;

/**
 * Gloss on a page, started by the content script's entry (./index.ts) once the page has loaded and has text to
 * match; this module and everything it imports are loaded only then (entrypoints/gloss-main.ts).
 */
export async function startGloss(ctx: ContentScriptContext, stored: Promise<Record<string, unknown>>): Promise<void> {
  // The entry read the match pack and the settings in one round trip, while this module loaded.
  const early = await stored.catch(() => ({}) as Record<string, unknown>);
  const settingsAtStart = parseSettings(early[SETTINGS_KEY]);
  const parsed = parseMatchPack(early[MATCH_PACK_KEY]);
  benchMark('gloss:parsed');
  const first = usable(parsed) ?? (await nextMatchPack(ctx, () => void send('datasets:missing', {})));
  if (!first) return;
  let { revision, matcher, shards } = first;
  /** A big pack's shards being read (fillShards), and whether the background was asked to repair one. */
  let filling: Promise<void> | null = null;
  let askedForRepair = false;
  benchMark('gloss:ready');
  const cardPacks = cardPackReader();
  const isTop = window === window.top;
  // Gloss's own card host is never read (a page's own `gloss-card` element is); `card` is set before any scan.
  const ignore = (el: Element) => card.contains(el);

  const reveals = createRevealWatch(isHidden);
  const isHiddenNoted = (el: Element) => {
    const hidden = isHidden(el);
    if (hidden) reveals.skipped(el);
    return hidden;
  };
  const collector: Collector = {
    // Shadow roots are collected (and observed) one by one by the scanner.
    collect: (root, outlined) => collectBlocks(root, { isHidden: isHiddenNoted, ignore, nestedShadowRoots: false, outlined }),
    blockOf: (node) => blockOf(node),
    isBlock: isBlockElement,
    range: (block, start, end) => rangeForBlock(block, start, end, document),
  };
  const painter = createPainter();
  // The first scan starts at once: the page has loaded and this is a task of Gloss's own (waiting for idle time
  // first delayed the first name 6 ms and the last 2.5 ms at the median: bench/page/timeline.ts, 100 pages × 2
  // loads, the same slices and no more long tasks). Later bursts (the page changing) start in idle
  // time, but within 25 ms: a page busy after its load would otherwise wait the default 100 ms for its names. The
  // slices stay 8 ms either way, so the page keeps its frames.
  const scheduler = createScheduler({ idleTimeoutMs: 25, firstBurstNow: true });
  let paused: TabSummary['paused'] = null;
  let summaryTimer: ReturnType<typeof setTimeout> | undefined;

  const summary = (): TabSummary => ({
    url: location.href,
    title: document.title,
    counts: paused ? {} : scanner.counts(),
    paused,
  });
  const sendSummary = () => {
    summaryTimer = undefined;
    if (ctx.isInvalid) return;
    // Same-origin frames report too: the background and the popup add their counts to the top frame's.
    send('summary:update', summary());
  };
  const scheduleSummary = () => {
    // Many blocks finish per second during a scan; the background needs the result, not every step.
    if (summaryTimer === undefined) summaryTimer = ctx.setTimeout(sendSummary, 300) as unknown as ReturnType<typeof setTimeout>;
  };

  const scanner = new Scanner({
    doc: document,
    collector,
    find: (text, memory) => {
      const found = matcher.find(text, { memory });
      // A big pack's shards that this text's words reach and the tab has not read: read them after this pass.
      if (shards && shards.missing.size > 0 && !filling) void fillShards();
      return found;
    },
    newMemory: newPageMemory,
    typeOf: (id) => matcher.typeOf(id),
    painter,
    scheduler,
    ignore,
    reveals,
    onChange: () => {
      scheduleSummary();
      refreshOpenCard();
    },
  });

  // --- Hover card -------------------------------------------------------------------------------
  let cardMention: PaintedMention | null = null;
  let focusOnOpen = false;
  const card = lazyCardHost(loadCardHost, ctx, {
    onMore: (entityId) => void send('entity:open', { entityId }),
    onArticle: (articleId, start, end) => void send('article:open', { articleId, start, end }),
    onClose: () => hover.closeNow(),
    onPointerInside: (inside) => hover.pointerInCard(inside),
  });
  const anchorRect = (m: PaintedMention) => m.range.getClientRects()[0] ?? m.range.getBoundingClientRect();
  const openCard = async (m: PaintedMention, focus = false) => {
    // The card's data is read on the first card, not with the page: most pages never open one.
    const cards = await cardPacks.get(revision).catch(() => null);
    if (!cards || hover.current !== m) return;
    const model = cardModel(cards, m.entityId, scanner.counts()[m.entityId] ?? 0);
    if (!model) return;
    cardMention = m;
    // A card that could not load (its code blocked or the extension reloading) is tried again on the next hover.
    card.show(model, anchorRect(m), { focus }).catch(() => undefined);
  };
  const hover = createHoverController<PaintedMention>({
    // The pointer must rest HIT_TEST_REST_MS before the hit test: the card opens CARD_OPEN_MS after it stops.
    openDelay: CARD_OPEN_MS - HIT_TEST_REST_MS,
    timers: {
      setTimeout: (cb, ms) => ctx.setTimeout(cb, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
    },
    open: (m) => void openCard(m, focusOnOpen),
    close: () => {
      cardMention = null;
      card.hide();
    },
  });
  function refreshOpenCard() {
    // The card's mention vanished (page re-rendered): close rather than point at nothing.
    if (cardMention && !scanner.byRange(cardMention.range)) hover.closeNow();
  }

  const rest = createPointerRest({
    restMs: HIT_TEST_REST_MS,
    timers: {
      // Not ctx.setTimeout: one timer per pointer move would pile up the context's invalidation listeners.
      setTimeout: (cb, ms) => window.setTimeout(() => ctx.isValid && cb(), ms),
      clearTimeout: (id) => window.clearTimeout(id),
    },
    moved: (at) => {
      // Constant work per move: leaving the open card's name starts its close, entering the card keeps it.
      if (card.contains(at.target)) return;
      const open = hover.current;
      if (!open || !rectsContain(open.range.getClientRects(), at.x, at.y)) hover.pointerOver(null);
    },
    rested: (at) => {
      if (paused || card.contains(at.target)) return;
      hover.pointerOver(mentionAtPoint(document, at.x, at.y, scanner));
    },
  });
  ctx.onInvalidated(() => rest.cancel());
  // Only the person's own pointer and keys: a page's synthetic events (isTrusted false) must not open cards.
  ctx.addEventListener(
    document,
    'pointermove',
    (e: PointerEvent) => {
      if (!e.isTrusted || e.pointerType === 'touch') return;
      rest.move({ x: e.clientX, y: e.clientY, target: e.target });
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(
    document,
    'pointerleave',
    (e: PointerEvent) => {
      if (!e.isTrusted) return;
      rest.cancel();
      hover.pointerOver(null);
    },
    { passive: true },
  );
  ctx.addEventListener(
    document,
    'keydown',
    (e: KeyboardEvent) => {
      if (e.isTrusted && e.key === 'Escape' && hover.current) hover.closeNow();
    },
    { capture: true },
  );
  let scrollQueued = false;
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (!cardMention || scrollQueued) return;
      scrollQueued = true;
      ctx.requestAnimationFrame(() => {
        scrollQueued = false;
        if (cardMention) card.reposition(anchorRect(cardMention));
      });
    },
    { passive: true, capture: true },
  );

  // --- Jumping to mentions (popup "show", keyboard command) ----------------------------------------
  const lastShown = new Map<string, PaintedMention>();
  const jump = (entityId?: string, focus = false): { index: number; total: number } => {
    const list = scanner.ordered(entityId);
    if (list.length === 0) return { index: -1, total: 0 };
    const key = entityId ?? '*';
    const prev = lastShown.get(key);
    let index = 0;
    if (prev) {
      const i = list.findIndex((m) => m.range.compareBoundaryPoints(Range.START_TO_START, prev.range) > 0);
      index = i === -1 ? 0 : i;
    }
    const m = list[index] as PaintedMention;
    lastShown.set(key, m);
    scrollToRange(m.range);
    flash(m.range);
    hover.closeNow();
    focusOnOpen = focus;
    hover.openNow(m);
    focusOnOpen = false;
    return { index, total: list.length };
  };
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  const flash = (range: Range) => {
    const h = new Highlight(range);
    CSS.highlights.set(FLASH_NAME, h);
    if (flashTimer !== undefined) clearTimeout(flashTimer);
    flashTimer = setTimeout(() => {
      if (CSS.highlights.get(FLASH_NAME) === h) CSS.highlights.delete(FLASH_NAME);
    }, 1200);
  };
  ctx.onInvalidated(() => CSS.highlights.delete(FLASH_NAME));

  // --- Settings ----------------------------------------------------------------------------------
  const apply = (settings: Settings) => {
    paused = pauseReason(settings, location.hostname);
    if (paused) {
      hover.closeNow();
      scanner.stop();
    } else {
      scanner.setVisible(settings.types);
      painter.setStyle(settings.style);
      scanner.start();
    }
    scheduleSummary();
  };
  // --- Shards of a big pack (lib/match/shards.ts) --------------------------------------------------
  /**
   * Once the scan pass is done: one storage read of the shards it missed, a new matcher over all shards read (its
   * caches fresh), and the page read again; until a pass misses none. A shard missing or damaged in storage is a
   * missing pack for its part: the background is asked to repair it, and the page read again when it comes.
   */
  function fillShards(): Promise<void> {
    filling ??= (async () => {
      for (;;) {
        await scanner.idle();
        const set = shards;
        if (!set || set.missing.size === 0) return;
        const { added, broken } = await readMissingShards(set, revision);
        if (set !== shards) continue;
        if (broken > 0 && !askedForRepair) {
          askedForRepair = true;
          void send('datasets:missing', {});
        }
        if (added === 0) continue;
        matcher = set.matcher();
        if (!paused) scanner.rescanAll();
      }
    })().finally(() => {
      filling = null;
    });
    return filling;
  }
  ctx.onInvalidated(
    watchShards((index) => {
      if (!shards?.broken.has(index)) return;
      shards.broken.delete(index);
      shards.missing.add(index);
      askedForRepair = false;
      void fillShards();
    }),
  );

  apply(settingsAtStart);
  // Found: every name of the page, the last shard its words reach read and the page read again with it.
  void scanner
    .idle()
    .then(() => filling ?? fillShards())
    .then(() => benchMark('gloss:found'));
  ctx.onInvalidated(watchSettings(apply));

  // A dataset imported, switched on or off: the new pack replaces the matcher, and the page is read again.
  ctx.onInvalidated(
    watchMatchPack((stored) => {
      const next = stored.revision === revision ? null : usable(stored);
      if (!next) return;
      ({ revision, matcher, shards } = next);
      hover.closeNow();
      lastShown.clear();
      if (!paused) scanner.rescanAll();
      scheduleSummary();
    }),
  );

  // Single-page-app navigation: the new route is a new page for the matcher's memory and the summary.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (paused) return;
    lastShown.clear();
    hover.closeNow();
    scanner.rescanAll();
    scheduleSummary();
  });

  // --- Messages ----------------------------------------------------------------------------------
  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void): true | undefined => {
    // Only this extension's background and pages, and only well-formed messages (lib/messages-validate.ts).
    const msg = isFromExtension(sender, extensionApi().runtime.id) ? parseMessage(raw) : null;
    if (!msg) return undefined;
    if (msg.type === 'summary:get') {
      // The top frame answers; a frame reports through 'summary:update', as only one answer reaches the asker.
      if (!isTop) {
        scanner.idle().then(sendSummary);
        return undefined;
      }
      scanner.idle().then(() => sendResponse(summary()));
      return true;
    }
    // 'mention:show' and 'mention:next' are sent to one frame (tabs.sendMessage with a frameId).
    if (msg.type === 'mention:show') {
      sendResponse(paused ? { index: -1, total: 0 } : jump(msg.data.entityId));
      return true;
    }
    if (msg.type === 'mention:next') {
      sendResponse(paused ? { index: -1, total: 0 } : jump(undefined, true));
      return true;
    }
    return undefined;
  };
  extensionApi().runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    extensionApi().runtime.onMessage.removeListener(onMessage);
    scanner.stop();
    painter.dispose();
    scheduler.dispose();
  });
}

/**
 * A pack's revision and matcher, read from the automaton packed outside the tab (nothing is built here), or null
 * when the automaton does not fit the pack's aliases (a damaged store: the background is asked for a new one). The
 * pack itself is not kept: its automaton's base64 text is decoded into the matcher's arrays (7.8 MB of text at
 * 100,000 aliases). A big pack's header gives a matcher over none of its shards yet: its first pass notes the
 * shards the page's words reach (fillShards).
 */
type Usable = { revision: string; matcher: Matcher; shards: ShardSet | null };

function usable(pack: StoredMatchPack | null): Usable | null {
  if (!pack) return null;
  if (isShardedPack(pack)) {
    const shards = ShardSet.of(pack.sharded);
    return shards instanceof Error ? null : { revision: pack.revision, matcher: shards.matcher(), shards };
  }
  const matcher = matcherOfPack(pack);
  return matcher instanceof Error ? null : { revision: pack.revision, matcher, shards: null };
}

/**
 * The first usable match pack the background publishes, with its matcher, for a tab that found none (just installed, or a publish that a
 * stopped worker never finished: `askForIt` asks the background for one).
 */
function nextMatchPack(ctx: ContentScriptContext, askForIt: () => void): Promise<Usable | null> {
  return new Promise((resolve) => {
    const done = (next: Usable | null) => {
      stop();
      resolve(next);
    };
    const stop = watchMatchPack((pack) => done(usable(pack)));
    ctx.onInvalidated(() => done(null));
    // A publish may have landed between the entry's read and this watch: read once more before asking.
    extensionApi()
      .storage.local.get(MATCH_PACK_KEY)
      .then((stored) => {
        const next = usable(parseMatchPack(stored[MATCH_PACK_KEY]));
        if (next) done(next);
        else askForIt();
      })
      .catch(askForIt);
  });
}

function send<T extends keyof ProtocolMap>(type: T, data: ProtocolMap[T]['request']): Promise<unknown> {
  // The background may be starting up or the extension reloading; a lost summary is re-sent on the next change.
  return ask(type, data).catch(() => undefined);
}

/** Brings a range to the middle of the viewport, through any scrolling containers on the way. */
function scrollToRange(range: Range): void {
  const el = range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  const dy = rect.top + rect.height / 2 - window.innerHeight / 2;
  if (rect.top < 0 || rect.bottom > window.innerHeight || Math.abs(dy) > window.innerHeight / 3) window.scrollBy(0, dy);
}

import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '@/components/card/card.css?inline';
import { Card } from '@/components/card/Card';
import readerCss from '@/components/reader/card-reader.css?inline';
import { ReaderPanel } from '@/components/reader/ReaderPanel';
import { messageReaderApi } from '@/lib/reader/api';
import type { CardModel } from '@/lib/page/card-model';
import { placeCard } from '@/lib/page/card-position';

/** The card's distance from the viewport's edges, as placeCard keeps it. */
const CARD_MARGIN = 8;

export interface CardHost {
  show(model: CardModel, anchor: DOMRect, options?: { focus?: boolean }): Promise<void>;
  /** Moves the open card next to its (scrolled) anchor. */
  reposition(anchor: DOMRect): void;
  hide(): void;
  /** Whether an event's target is the card (events from inside the shadow root are retargeted to the host). */
  contains(target: EventTarget | null): boolean;
}

export interface CardHostOptions {
  onMore(entityId: string): void;
  onArticle(articleId: string, start: number, end: number): void;
  onClose(): void;
  onPointerInside(inside: boolean): void;
}

const CARD_TAG = 'gloss-card';

/**
 * The one element Gloss adds to a page: `<gloss-card>`, an open shadow root with the Preact card.
 * Created on first use, so a page where no card is opened stays untouched. A page that defined its own
 * `gloss-card` element (attachShadow then throws) gets a host with a random suffix instead; a failed creation is
 * never kept, the next hover tries again. A host taken out of the page (a site that replaces <body>, Turbo, pjax)
 * is attached again on the next show.
 */
const readerApi = messageReaderApi();

export function createCardHost(ctx: ContentScriptContext, options: CardHostOptions): CardHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let wrap: HTMLElement | null = null;
  let restoreFocus: HTMLElement | null = null;

  const create = (name: string) =>
    createShadowRootUi(ctx, {
      name,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: cardCss + readerCss,
      // Keys typed in the card (Tab, Escape) must not reach the page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        const el = document.createElement('div');
        el.className = 'wrap';
        el.hidden = true;
        // Only the person at the pointer and keys drives the card: the page can reach into the open shadow
        // root and call click() on "More in Gloss" or a source, which would open extension tabs at will.
        for (const type of ['click', 'auxclick', 'keydown', 'pointerenter', 'pointerleave'] as const) {
          el.addEventListener(type, refuseUntrusted, true);
        }
        el.addEventListener('pointerenter', () => options.onPointerInside(true));
        el.addEventListener('pointerleave', () => options.onPointerInside(false));
        el.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') options.onClose();
        });
        container.append(el);
        wrap = el;
        return el;
      },
      onRemove(el) {
        if (el) render(null, el);
        wrap = null;
      },
    });

  const ensure = () => {
    creating ??= create(CARD_TAG)
      .catch(() => create(`${CARD_TAG}-${Math.random().toString(36).slice(2, 10)}`))
      .then((created) => {
        created.mount();
        ui = created;
        return created;
      });
    creating.catch(() => {
      creating = null;
    });
    return creating;
  };

  /** The created host, in the page: mounted again when the page replaced <body> or removed it. */
  const attached = async () => {
    const created = await ensure();
    if (!created.shadowHost.isConnected || !wrap) {
      created.remove();
      created.mount();
    }
    return created;
  };

  const place = (anchor: DOMRect) => {
    if (!wrap) return;
    // Measured at its natural height; then the card may grow ("More") only into the room below its top.
    wrap.style.removeProperty('--gloss-room');
    const rect = wrap.getBoundingClientRect();
    const pos = placeCard(
      { left: anchor.left, top: anchor.top, width: anchor.width, height: anchor.height },
      { width: rect.width, height: rect.height },
      { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight },
    );
    wrap.style.left = `${pos.left}px`;
    wrap.style.top = `${pos.top}px`;
    wrap.style.setProperty('--gloss-room', `${Math.max(0, window.innerHeight - pos.top - CARD_MARGIN)}px`);
    wrap.dataset.side = pos.side;
  };

  return {
    async show(model, anchor, showOptions) {
      const created = await attached().catch(() => null);
      // No card on this page for now (the page broke every host we tried): no error in its console either.
      if (!created || !wrap) return;
      render(
        <Card model={model} onMore={options.onMore} onArticle={options.onArticle} onClose={options.onClose}>
          <ReaderPanel entityId={model.entityId} pageUrl={location.href} api={readerApi} classPrefix="card" compact />
        </Card>,
        wrap,
      );
      // Test hook and a handle for styling: the shadow tree's root element names the entity shown.
      const root = created.shadow.querySelector('html');
      if (root) root.dataset.entityId = model.entityId;
      wrap.hidden = false;
      place(anchor);
      if (showOptions?.focus) {
        const active = document.activeElement;
        restoreFocus = active instanceof HTMLElement && active !== created.shadowHost ? active : null;
        const section = wrap.querySelector<HTMLElement>('section');
        section?.setAttribute('tabindex', '-1');
        section?.focus({ preventScroll: true });
      }
    },
    reposition(anchor) {
      if (wrap && !wrap.hidden) place(anchor);
    },
    hide() {
      if (!wrap || !ui) return;
      const hadFocus = ui.shadow.activeElement !== null;
      render(null, wrap);
      wrap.hidden = true;
      ui.shadow.querySelector('html')?.removeAttribute('data-entity-id');
      if (hadFocus && restoreFocus?.isConnected) restoreFocus.focus({ preventScroll: true });
      restoreFocus = null;
    },
    contains(target) {
      return ui !== null && target === ui.shadowHost;
    },
  };
}

function refuseUntrusted(e: Event): void {
  if (e.isTrusted) return;
  e.stopImmediatePropagation();
  e.preventDefault();
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost, CardHostOptions, createCardHost } from './card-host';

/**
 * The card host, with its code (Preact, the card) loaded on the first show: most pages never open a card.
 * A show or hide that comes while the code loads wins over the show that started the load.
 */
export function lazyCardHost(
  load: () => Promise<typeof createCardHost>,
  ctx: ContentScriptContext,
  options: CardHostOptions,
): CardHost {
  let host: CardHost | null = null;
  let loading: Promise<CardHost> | null = null;
  let generation = 0;
  const ensure = () => {
    loading ??= load().then(
      (create) => (host = create(ctx, options)),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return {
    async show(model, anchor, showOptions) {
      const mine = ++generation;
      const ready = host ?? (await ensure());
      if (mine === generation) await ready.show(model, anchor, showOptions);
    },
    reposition(anchor) {
      host?.reposition(anchor);
    },
    hide() {
      generation++;
      host?.hide();
    },
    contains(target) {
      return host?.contains(target) ?? false;
    },
  };
}

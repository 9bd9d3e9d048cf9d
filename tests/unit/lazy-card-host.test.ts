import { describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost, createCardHost } from '@/entrypoints/content/card-host';
import { lazyCardHost } from '@/entrypoints/content/lazy-card-host';
import type { CardModel } from '@/lib/page/card-model';

const ctx = {} as ContentScriptContext;
const options = { onMore() {}, onArticle() {}, onClose() {}, onPointerInside() {} };
const model = (entityId: string) => ({ entityId }) as CardModel;
const anchor = {} as DOMRect;

function recordingHost(log: string[]): CardHost {
  return {
    async show(m) {
      log.push(`show ${m.entityId}`);
    },
    reposition() {},
    hide() {
      log.push('hide');
    },
    contains: () => true,
  };
}

describe('the lazily loaded card host', () => {
  it('loads the card code once, on the first show', async () => {
    const log: string[] = [];
    let loads = 0;
    const host = lazyCardHost(async () => {
      loads++;
      return (() => recordingHost(log)) as unknown as typeof createCardHost;
    }, ctx, options);
    expect(host.contains(null)).toBe(false);
    host.hide();
    expect(loads).toBe(0);
    await host.show(model('a'), anchor);
    await host.show(model('b'), anchor);
    expect(loads).toBe(1);
    expect(log).toEqual(['show a', 'show b']);
  });
  it('a hide while the code loads cancels the show that started the load', async () => {
    const log: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const host = lazyCardHost(async () => {
      await gate;
      return (() => recordingHost(log)) as unknown as typeof createCardHost;
    }, ctx, options);
    const shown = host.show(model('a'), anchor);
    host.hide();
    release();
    await shown;
    expect(log).toEqual([]);
  });
  it('a failed load is tried again on the next show, not kept', async () => {
    const log: string[] = [];
    let attempt = 0;
    const host = lazyCardHost(async () => {
      if (++attempt === 1) throw new Error('blocked');
      return (() => recordingHost(log)) as unknown as typeof createCardHost;
    }, ctx, options);
    await expect(host.show(model('a'), anchor)).rejects.toThrow('blocked');
    await host.show(model('a'), anchor);
    expect(log).toEqual(['show a']);
  });
});

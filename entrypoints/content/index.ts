import './highlights.css';
import { isSameOriginFrame } from '@/lib/page/frame';
import { benchMark } from '@/lib/page/bench-marks';
import { highlightSupported } from '@/lib/page/paint';
import { afterPageLoad, whenTextAppears } from '@/lib/page/text-probe';
import { MATCH_PACK_KEY } from '@/lib/datasets/pack-keys';
import { SETTINGS_KEY } from '@/lib/settings';
import { extensionApi } from '@/lib/extension-api';
import { loadGlossMain } from './load-main';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin frames are read too (cross-origin frames are left alone); about:blank frames written by their
  // parent page count as the parent's content.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The stylesheet is listed in the manifest: the browser applies it without a <style> in the page.
  cssInjectionMode: 'manifest',
  // This entry runs in every page and frame, so it stays small: nothing before the page's own load, and nothing
  // more in a frame without text. The rest of Gloss and its dataset arrive only then (docs/dataset-delivery.md).
  async main(ctx) {
    if (!isSameOriginFrame() || !highlightSupported()) return;
    await afterPageLoad(window);
    if (ctx.isInvalid || !(await whenTextAppears(document, ctx))) return;
    benchMark('gloss:start');
    // One storage round trip for the match pack and the settings, made while the body module loads.
    const stored = extensionApi().storage.local.get([MATCH_PACK_KEY, SETTINGS_KEY]);
    void stored.then(
      () => benchMark('gloss:read'),
      () => undefined,
    );
    const start = await loadGlossMain();
    if (!ctx.isInvalid) await start(ctx, stored);
  },
});

import './highlights.css';
import { startGloss } from './gloss';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin frames are read too (startGloss leaves cross-origin frames alone); about:blank frames
  // written by their parent page count as the parent's content.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The stylesheet is listed in the manifest: the browser applies it without a <style> in the page.
  cssInjectionMode: 'manifest',
  main(ctx) {
    return startGloss(ctx);
  },
});

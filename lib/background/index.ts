import { forwardCommands } from './commands';
import { handleMessage } from './messages';
import { publishStored } from './reader';
import { trackTabs } from './tabs';

/** Registered synchronously at start-up so that an MV3 service worker woken by a message sees its listener. */
export function startBackground(): void {
  // sendResponse and `return true`, not a returned promise: Chromium lost the promised answer of some messages.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    const answer = handleMessage(message, sender);
    if (!answer) return undefined;
    answer.then(sendResponse, (e: unknown) => {
      console.warn('Gloss: a message failed', e);
      sendResponse(undefined);
    });
    return true;
  });
  trackTabs();
  forwardCommands();
  // Every start checks that tabs have the current datasets (after an install or an update they have none).
  void publishStored().catch((e: unknown) => console.warn('Gloss: datasets not published', e));
}

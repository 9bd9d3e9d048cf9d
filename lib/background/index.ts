import { forwardCommands } from './commands';
import { handleMessage } from './messages';
import { publishStored } from './reader';
import { trackTabs } from './tabs';

/** Registered synchronously at start-up so that an MV3 service worker woken by a message sees its listener. */
export function startBackground(): void {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  trackTabs();
  forwardCommands();
  // Every start checks that tabs have the current datasets (after an install or an update they have none).
  void publishStored().catch((e: unknown) => console.warn('Gloss: datasets not published', e));
}

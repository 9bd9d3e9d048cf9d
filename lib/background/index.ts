import { forwardCommands } from './commands';
import { handleMessage } from './messages';
import { trackTabs } from './tabs';

/** Registered synchronously at start-up so that an MV3 service worker woken by a message sees its listener. */
export function startBackground(): void {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  trackTabs();
  forwardCommands();
}

import type { Message } from '../messaging';

/** The manifest command that walks through the names on the page (see wxt.config.ts and README). */
export const NEXT_MENTION_COMMAND = 'next-mention';

/** Forwards the keyboard command to the active tab's content script, which jumps to the next mention and opens its card. */
export function forwardCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: Message<'mention:next'> = { type: 'mention:next', data: {} };
    // Top frame only: it owns the page's mention order. A page without the content script (browser pages) just fails.
    await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
  });
}

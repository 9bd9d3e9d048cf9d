import { isFromExtension, parseMessage } from '../messages-validate';
import { openArticle, openEntity, type OpenRequester } from './open';
import { handleReaderMessage } from './reader';
import { sightingsRecorder } from './sightings';
import { recordSummary } from './summaries';

export type Sender = { id?: string; tab?: OpenRequester & { incognito?: boolean }; frameId?: number; url?: string };

/**
 * The background's message handlers. Returns a promise only for messages it answers, and undefined for
 * the rest so that other listeners (the popup listens to 'summary:update' too) are not cut off.
 * Messages from anything but this extension, and messages whose data fails its validator, are ignored.
 */
export function handleMessage(raw: unknown, sender: Sender, extensionId = browser.runtime.id): Promise<unknown> | undefined {
  if (!isFromExtension(sender, extensionId)) return undefined;
  const message = parseMessage(raw);
  if (!message) return undefined;
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'summary:update': {
      if (tabId === undefined) return undefined;
      const merged = recordSummary(tabId, sender.frameId ?? 0, message.data);
      if (merged) sightingsRecorder.report(tabId, merged, sender.tab?.incognito === true);
      return undefined;
    }
    case 'article:open':
      return openArticle(message.data, sender.tab);
    case 'entity:open':
      return openEntity(message.data.entityId, sender.tab);
    default:
      return handleReaderMessage(message, sender);
  }
}

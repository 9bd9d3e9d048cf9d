import type { Message, TabSummary } from '../messaging';
import { openArticle, openEntity } from './open';
import { handleReaderMessage } from './reader';
import { sightingsRecorder } from './sightings';
import { recordSummary } from './summaries';

type Sender = { tab?: { id?: number; incognito?: boolean }; frameId?: number; url?: string };

function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

/**
 * The background's message handlers. Returns a promise only for messages it answers, and undefined for
 * the rest so that other listeners (the popup listens to 'summary:update' too) are not cut off.
 */
export function handleMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'summary:update': {
      if (tabId === undefined) return undefined;
      const merged = recordSummary(tabId, sender.frameId ?? 0, message.data as TabSummary);
      if (merged) sightingsRecorder.report(tabId, merged, sender.tab?.incognito === true);
      return undefined;
    }
    case 'article:open': {
      const d = message.data as { articleId?: unknown; start?: unknown; end?: unknown };
      if (typeof d?.articleId !== 'string') return undefined;
      const range = typeof d.start === 'number' && typeof d.end === 'number' ? { start: d.start, end: d.end } : {};
      return openArticle({ articleId: d.articleId, ...range }, tabId);
    }
    case 'entity:open': {
      const d = message.data as { entityId?: unknown };
      if (typeof d?.entityId !== 'string') return undefined;
      return openEntity(d.entityId, tabId);
    }
    default:
      return handleReaderMessage(message, sender);
  }
}

import type { CheckedMessage, MessageType, ProtocolMap, TabSummary } from './messaging';

/**
 * Receiver-side checks of every message of lib/messaging.ts: a message is trusted only after its data passed the
 * validator of its type, and only from the extension itself. Each validator returns a clean copy of the data (only
 * the fields the protocol names, no inherited or `__proto__` keys) or null; a new message type needs one entry in
 * `VALIDATORS`, which the compiler enforces.
 */
type Validator<T> = (data: unknown) => T | null;

/** Beyond these sizes a message is not one Gloss sent: refuse it rather than store or render it. */
const MAX_TEXT = 100_000;
const MAX_ID = 500;
const MAX_ENTITIES = 100_000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown, max = MAX_TEXT): x is string => typeof x === 'string' && x.length <= max;
const isId = (x: unknown): x is string => isText(x, MAX_ID) && x.length > 0;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isOffset = isCount;

const empty: Validator<Record<string, never>> = (d) => (d === undefined || isRecord(d) ? {} : null);

export const validateSummary: Validator<TabSummary> = (d) => {
  if (!isRecord(d) || !isText(d.url) || !isText(d.title) || !isRecord(d.counts)) return null;
  if (d.paused !== null && d.paused !== 'site' && d.paused !== 'all') return null;
  const entries = Object.entries(d.counts);
  if (entries.length > MAX_ENTITIES) return null;
  // A null-prototype record: an entity id such as "__proto__" stays a plain key when counts are added up.
  const counts: Record<string, number> = Object.create(null);
  for (const [id, n] of entries) {
    if (!isId(id) || !isCount(n)) return null;
    counts[id] = n;
  }
  return { url: d.url, title: d.title, counts, paused: d.paused };
};

const VALIDATORS: { [T in MessageType]: Validator<ProtocolMap[T]['request']> } = {
  'summary:update': validateSummary,
  'summary:get': empty,
  'mention:show': (d) => (isRecord(d) && isId(d.entityId) ? { entityId: d.entityId } : null),
  'mention:next': empty,
  'article:open': (d) => {
    if (!isRecord(d) || !isId(d.articleId)) return null;
    if (d.start === undefined && d.end === undefined) return { articleId: d.articleId };
    if (!isOffset(d.start) || !isOffset(d.end) || d.end < d.start) return null;
    return { articleId: d.articleId, start: d.start, end: d.end };
  },
  'entity:open': (d) => (isRecord(d) && isId(d.entityId) ? { entityId: d.entityId } : null),
  'datasets:missing': empty,
  // The reader's data (lib/background/reader.ts): shapes only; the stores check contents (a note's length, a
  // dataset's schema, a backup's format) and refuse bad ones with their own messages.
  'note:get': (d) => (isRecord(d) && isId(d.entityId) ? { entityId: d.entityId } : null),
  'note:set': (d) => (isRecord(d) && isId(d.entityId) && typeof d.text === 'string' ? { entityId: d.entityId, text: d.text } : null),
  'sightings:elsewhere': (d) => (isRecord(d) && isId(d.entityId) && isText(d.url) ? { entityId: d.entityId, url: d.url } : null),
  'sightings:clear': (d) => {
    if (!isRecord(d)) return d === undefined ? {} : null;
    if (d.entityId === undefined) return {};
    return isId(d.entityId) ? { entityId: d.entityId } : null;
  },
  'prefs:set': (d) => (isRecord(d) && typeof d.recordSightings === 'boolean' ? { recordSightings: d.recordSightings } : null),
  'dataset:add': (d) => (isRecord(d) && isRecord(d.compiled) && Array.isArray(d.compiled.entities) ? { compiled: d.compiled as never } : null),
  'dataset:enable': (d) => (isRecord(d) && isId(d.id) && typeof d.enabled === 'boolean' ? { id: d.id, enabled: d.enabled } : null),
  'dataset:remove': (d) => (isRecord(d) && isId(d.id) ? { id: d.id } : null),
  'reader:restore': (d) => (isRecord(d) && typeof d.text === 'string' ? { text: d.text } : null),
};

/** The message with its data checked, or null when its type is unknown or its data malformed. */
export function parseMessage(raw: unknown): CheckedMessage | null {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(VALIDATORS, raw.type)) return null;
  const type = raw.type as MessageType;
  const data = (VALIDATORS[type] as Validator<unknown>)(raw.data);
  return data === null ? null : ({ type, data } as CheckedMessage);
}

/** Whether a message's sender is this extension (its pages or content scripts), not another extension or a page. */
export function isFromExtension(sender: { id?: string } | undefined, extensionId: string | undefined): boolean {
  return extensionId !== undefined && sender?.id === extensionId;
}

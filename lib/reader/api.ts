import type { NoteRecord } from '../db/database';
import type { SeenElsewhere } from '../db/sightings';
import { extensionApi } from '../extension-api';
import type { Message, MessageType, ProtocolMap } from '../messaging';

/** What the card and the popup ask of the reader's data; behind an interface so that components are tested without a browser. */
export interface ReaderApi {
  getNote(entityId: string): Promise<NoteRecord | null>;
  setNote(entityId: string, text: string): Promise<NoteRecord | null>;
  seenElsewhere(entityId: string, url: string): Promise<SeenElsewhere>;
  /** Extension pages only (the popup): forget where an entity was seen. */
  clearHistory?(entityId: string): Promise<unknown>;
  /** Extension pages only (the popup): when each entity was last seen, for the "recently seen" order. */
  lastSeen?(): Promise<ReadonlyMap<string, number>>;
}

/** Sends one typed message to the background and returns its answer. */
export function ask<T extends MessageType>(type: T, data: ProtocolMap[T]['request']): Promise<ProtocolMap[T]['response']> {
  const message: Message<T> = { type, data };
  return extensionApi().runtime.sendMessage(message) as Promise<ProtocolMap[T]['response']>;
}

/** The reader's data through the background (content scripts cannot open the extension's database). */
export function messageReaderApi(): ReaderApi {
  return {
    getNote: (entityId) => ask('note:get', { entityId }),
    setNote: (entityId, text) => ask('note:set', { entityId, text }),
    seenElsewhere: (entityId, url) => ask('sightings:elsewhere', { entityId, url }),
  };
}

import { parseBackup, restoreReaderData } from '../db/backup';
import { glossDb } from '../db/database';
import { addDataset, enabledDatasets, removeDataset, setDatasetEnabled, summarize } from '../db/datasets';
import { getNote, setNote } from '../db/notes';
import { savePrefs } from '../db/prefs';
import { clearSightings, pageKey, seenElsewhere } from '../db/sightings';
import { ImportError } from '../datasets/import';
import type { Message, MessageType, ProtocolMap } from '../messaging';
import { saveSettings } from '../settings';
import { publishDatasets } from './publish';

type Answer<T extends MessageType> = Promise<ProtocolMap[T]['response']>;

const isString = (v: unknown): v is string => typeof v === 'string';
/** For messages answered with nothing once the change is stored. */
const nothing = (): undefined => undefined;
const field = (m: Message, key: string): unknown => (m.data as Record<string, unknown> | null | undefined)?.[key];

/** Tabs get the enabled imported datasets as stored now. */
export async function publishStored(): Promise<void> {
  await publishDatasets(await enabledDatasets(glossDb()));
}

/** Whether a message comes from one of the extension's own pages (options, popup), not from a content script. */
function fromExtensionPage(sender: { url?: string; tab?: unknown }): boolean {
  return isString(sender.url) && sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The reader's data messages (lib/messaging.ts). Returns a promise for the messages it answers, undefined for
 * the rest. Dataset, history and restore changes are taken from extension pages only: a content script
 * runs next to the page's own code, and only reads and the reader's notes go through it.
 */
export function handleReaderMessage(message: Message, sender: { url?: string }): Promise<unknown> | undefined {
  const db = glossDb();
  const entityId = field(message, 'entityId');
  switch (message.type) {
    case 'note:get':
      if (!isString(entityId)) return undefined;
      return getNote(db, entityId).then((n) => n ?? null) satisfies Answer<'note:get'>;
    case 'note:set': {
      const text = field(message, 'text');
      if (!isString(entityId) || !isString(text)) return undefined;
      return setNote(db, entityId, text) satisfies Answer<'note:set'>;
    }
    case 'sightings:elsewhere': {
      const url = field(message, 'url');
      if (!isString(entityId) || !isString(url)) return undefined;
      return seenElsewhere(db, entityId, pageKey(url)) satisfies Answer<'sightings:elsewhere'>;
    }
    default:
      break;
  }
  if (!fromExtensionPage(sender)) return undefined;
  switch (message.type) {
    case 'sightings:clear':
      return clearSightings(db, isString(entityId) ? entityId : undefined).then(nothing) satisfies Answer<'sightings:clear'>;
    case 'prefs:set': {
      const record = field(message, 'recordSightings');
      if (typeof record !== 'boolean') return undefined;
      return savePrefs(db, { recordSightings: record }).then(nothing) satisfies Answer<'prefs:set'>;
    }
    case 'dataset:add': {
      const compiled = field(message, 'compiled') as ProtocolMap['dataset:add']['request']['compiled'] | undefined;
      if (!compiled || !Array.isArray(compiled.entities)) return undefined;
      return addDataset(db, compiled).then(async (d) => {
        await publishStored();
        return summarize(d);
      }) satisfies Answer<'dataset:add'>;
    }
    case 'dataset:enable': {
      const id = field(message, 'id');
      const enabled = field(message, 'enabled');
      if (!isString(id) || typeof enabled !== 'boolean') return undefined;
      return setDatasetEnabled(db, id, enabled).then(publishStored).then(nothing) satisfies Answer<'dataset:enable'>;
    }
    case 'dataset:remove': {
      const id = field(message, 'id');
      if (!isString(id)) return undefined;
      return removeDataset(db, id).then(publishStored).then(nothing) satisfies Answer<'dataset:remove'>;
    }
    case 'reader:restore': {
      const text = field(message, 'text');
      if (!isString(text)) return undefined;
      return restore(text) satisfies Answer<'reader:restore'>;
    }
    default:
      return undefined;
  }
}

async function restore(text: string): Promise<{ problems: string[] }> {
  try {
    const settings = await restoreReaderData(glossDb(), parseBackup(text));
    await saveSettings(settings);
    await publishStored();
    return { problems: [] };
  } catch (e) {
    if (e instanceof ImportError) return { problems: e.problems };
    return { problems: [`the data could not be stored: ${(e as Error).message}`] };
  }
}

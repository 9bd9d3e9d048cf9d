import { parseBackup, restoreReaderData } from '../db/backup';
import { glossDb } from '../db/database';
import { addDataset, enabledDatasets, removeDataset, setDatasetEnabled, summarize } from '../db/datasets';
import { getNote, setNote } from '../db/notes';
import { savePrefs } from '../db/prefs';
import { clearSightings, pageKey, seenElsewhere } from '../db/sightings';
import { ImportError } from '../datasets/import';
import type { CheckedMessage, MessageType, ProtocolMap } from '../messaging';
import { saveSettings } from '../settings';
import { publishDatasets } from './publish';

type Answer<T extends MessageType> = Promise<ProtocolMap[T]['response']>;

const isString = (v: unknown): v is string => typeof v === 'string';
/** For messages answered with nothing once the change is stored. */
const nothing = (): undefined => undefined;

/** Tabs get the enabled imported datasets as stored now. */
export async function publishStored(options: { repair?: boolean } = {}): Promise<void> {
  await publishDatasets(await enabledDatasets(glossDb()), undefined, options);
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
export function handleReaderMessage(message: CheckedMessage, sender: { url?: string }): Promise<unknown> | undefined {
  // The data passed its validator (lib/messages-validate.ts) before it got here.
  const db = glossDb();
  switch (message.type) {
    case 'datasets:missing':
      return publishStored({ repair: true }).then(nothing) satisfies Answer<'datasets:missing'>;
    case 'note:get':
      return getNote(db, message.data.entityId).then((n) => n ?? null) satisfies Answer<'note:get'>;
    case 'note:set':
      return setNote(db, message.data.entityId, message.data.text) satisfies Answer<'note:set'>;
    case 'sightings:elsewhere':
      return seenElsewhere(db, message.data.entityId, pageKey(message.data.url)) satisfies Answer<'sightings:elsewhere'>;
    default:
      break;
  }
  if (!fromExtensionPage(sender)) return undefined;
  switch (message.type) {
    case 'sightings:clear':
      return clearSightings(db, message.data.entityId).then(nothing) satisfies Answer<'sightings:clear'>;
    case 'prefs:set':
      return savePrefs(db, { recordSightings: message.data.recordSightings }).then(nothing) satisfies Answer<'prefs:set'>;
    case 'dataset:add':
      return addDataset(db, message.data.compiled).then(async (d) => {
        await publishStored();
        return summarize(d);
      }) satisfies Answer<'dataset:add'>;
    case 'dataset:enable':
      return setDatasetEnabled(db, message.data.id, message.data.enabled).then(() => publishStored()).then(nothing) satisfies Answer<'dataset:enable'>;
    case 'dataset:remove':
      return removeDataset(db, message.data.id).then(() => publishStored()).then(nothing) satisfies Answer<'dataset:remove'>;
    case 'reader:restore':
      return restore(message.data.text) satisfies Answer<'reader:restore'>;
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

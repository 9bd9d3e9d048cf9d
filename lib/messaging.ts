/**
 * The one protocol map of Gloss: every message between content script, background and extension pages.
 * Each entry: "sender → receiver", what it asks, what it answers. Receivers trust a message only after
 * lib/messages-validate.ts checked its sender and data: a new type needs its validator there (the compiler asks).
 */

import type { CompiledDataset } from './dataset/types';
import type { DatasetSummary } from './db/datasets';
import type { NoteRecord } from './db/database';
import type { Prefs } from './db/prefs';
import type { SeenElsewhere } from './db/sightings';

/** What one tab's content script found: entity ids with their mention counts on the page. */
export interface TabSummary {
  url: string;
  title: string;
  /** Entity id → number of mentions on the page. */
  counts: Record<string, number>;
  /** Why nothing is shown: the site or everything is paused. */
  paused: 'site' | 'all' | null;
}

export interface ProtocolMap {
  /**
   * content (every frame it runs in) → background and popup: the frame's current summary, sent after every scan that
   * changed it. Receivers add the frames' counts up by sender.frameId (lib/frames.ts). Answers nothing.
   */
  'summary:update': { request: TabSummary; response: undefined };
  /** popup, background → content (via tabs.sendMessage): the top frame answers; other frames send 'summary:update'. */
  'summary:get': { request: Record<string, never>; response: TabSummary };
  /** popup → content (one frame): scroll to the next mention of an entity, flash it, and return its index (-1 when none). */
  'mention:show': { request: { entityId: string }; response: { index: number; total: number } };
  /** background → content (the "next-mention" keyboard command): jump to the next mention on the page and open its card. */
  'mention:next': { request: Record<string, never>; response: { index: number; total: number } };
  /** content (hover card) → background: open the article view on an article, optionally at a passage [start, end). */
  'article:open': { request: { articleId: string; start?: number; end?: number }; response: undefined };
  /** content (hover card "More") → background: open the popup page on an entity's detail, in a new tab. */
  'entity:open': { request: { entityId: string }; response: undefined };
  /**
   * content → background: storage.local holds no dataset (lib/datasets/pack.ts); publish it. The background
   * publishes on install, update and browser start; this covers a publish that a stopped worker never finished.
   */
  'datasets:missing': { request: Record<string, never>; response: undefined };

  // The reader's own data (Dexie, owned by the background; extension pages read it directly, write through these).
  /** content (hover card), popup → background: the reader's note on an entity, or null. */
  'note:get': { request: { entityId: string }; response: NoteRecord | null };
  /** content (hover card), popup → background: save the note as typed (a blank text deletes it); answers the stored note or null. */
  'note:set': { request: { entityId: string; text: string }; response: NoteRecord | null };
  /** content (hover card), popup → background: the other pages an entity was seen on (`url`: the current page, left out). */
  'sightings:elsewhere': { request: { entityId: string; url: string }; response: SeenElsewhere };
  /** options, popup → background: "Clear history", of one entity or of all. */
  'sightings:clear': { request: { entityId?: string }; response: undefined };
  /** options → background: the reader's preferences kept in Dexie (the recording switch). */
  'prefs:set': { request: Prefs; response: undefined };
  /** options → background: store a dataset validated and compiled on the options page, enabled, and publish it to tabs. */
  'dataset:add': { request: { compiled: CompiledDataset }; response: DatasetSummary };
  /** options → background: switch an imported dataset on or off (published to tabs). */
  'dataset:enable': { request: { id: string; enabled: boolean }; response: undefined };
  /** options → background: remove an imported dataset (published to tabs). */
  'dataset:remove': { request: { id: string }; response: undefined };
  /** options → background: replace the reader's data with a backup file's text (lib/db/backup.ts); answers the problems, empty when restored. */
  'reader:restore': { request: { text: string }; response: { problems: string[] } };
}

export type MessageType = keyof ProtocolMap;
export type Message<T extends MessageType = MessageType> = { type: T; data: ProtocolMap[T]['request'] };
/** A message whose type tells its data's type (a switch on `type` narrows `data`): what a receiver's validator passed. */
export type CheckedMessage = { [T in MessageType]: Message<T> }[MessageType];

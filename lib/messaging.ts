/**
 * The one protocol map of Gloss: every message between content script, background and extension pages.
 * Each entry: "sender → receiver", what it asks, what it answers. Receivers trust a message only after
 * lib/messages-validate.ts checked its sender and data: a new type needs its validator there (the compiler asks).
 */

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
}

export type MessageType = keyof ProtocolMap;
export type Message<T extends MessageType = MessageType> = { type: T; data: ProtocolMap[T]['request'] };

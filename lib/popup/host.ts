import type { TabSummary } from '../messaging';
import type { PageKind } from './page-kind';

/** What the popup knows about its tab. */
export type TabState =
  | { status: 'loading' }
  /** The content script answered. */
  | { status: 'ready'; tabId: number; summary: TabSummary }
  /** No content script answered: `kind` says why, as far as the URL tells (null when the URL is hidden). */
  | { status: 'unavailable'; tabId: number | null; url: string | null; kind: PageKind | null };

/**
 * Everything the popup needs from the browser, behind one interface so that components are tested
 * without a browser (tests pass a fake host; the popup entrypoint passes `createBrowserHost`).
 */
export interface PopupHost {
  /** Finds the tab (the `?tab=ID` one or the active tab) and asks its content script for the summary. */
  loadTab(): Promise<TabState>;
  /** Calls back with every later state of the tab (new counts, navigation, a script that starts late). Returns the unsubscribe. */
  watchTab(tabId: number, onChange: (state: TabState) => void): () => void;
  /** Scrolls the page to the next mention and flashes it; null when the page cannot be reached. */
  showMention(tabId: number, entityId: string): Promise<{ index: number; total: number } | null>;
  /** Un-pauses Gloss for the page's site (or everywhere, when everything is paused). */
  resume(summary: TabSummary): Promise<void>;
}

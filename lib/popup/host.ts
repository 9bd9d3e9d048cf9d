import type { TabSummary } from '../messaging';
import type { Settings } from '../settings';
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
  /** The stored settings (`lib/settings.ts`). */
  loadSettings(): Promise<Settings>;
  /** Calls back with the settings whenever they change in storage (from this popup or elsewhere). Returns the unsubscribe. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /**
   * Applies `change` to the settings as stored now and saves the result, which every tab's content script applies
   * live (it then re-sends its summary). Resolves to the saved settings.
   */
  updateSettings(change: (settings: Settings) => Settings): Promise<Settings>;
}

/** The page address of a tab state, when known. */
export function urlOf(tab: TabState): string | null {
  if (tab.status === 'ready') return tab.summary.url;
  if (tab.status === 'unavailable') return tab.url;
  return null;
}

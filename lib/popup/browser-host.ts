import { FrameSummaries } from '../frames';
import { isFromExtension, parseMessage, validateSummary } from '../messages-validate';
import type { Message, TabSummary } from '../messaging';
import { loadSettings, saveSettings, watchSettings } from '../settings';
import type { PopupHost, TabState } from './host';
import { pageKindOf } from './page-kind';
import { resumeFor } from './resume';

async function activeTab(): Promise<{ id: number; url: string | null } | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    // Without the "tabs" permission the URL is hidden on pages we have no host access to; null then.
    return { id: tab.id, url: tab.url ?? null };
  } catch {
    return null;
  }
}

type Sender = { id?: string; tab?: { id?: number }; frameId?: number };

export function createBrowserHost(requestedTabId: number | null): PopupHost {
  // The frames of the tab shown, as they report: the top frame answers 'summary:get', same-origin frames send
  // 'summary:update'. Listening starts now, so that no frame's report is missed while the popup opens.
  const frames = new FrameSummaries();
  let shownTab: number | null = null;
  const watchers = new Set<(state: TabState) => void>();
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    const m = isFromExtension(sender, browser.runtime.id) ? parseMessage(message) : null;
    if (m?.type !== 'summary:update' || sender.tab?.id === undefined) return undefined;
    if (shownTab !== null && sender.tab.id !== shownTab) return undefined;
    frames.set(sender.frameId ?? 0, m.data);
    const summary = frames.merged();
    if (summary && shownTab !== null) for (const w of watchers) w({ status: 'ready', tabId: shownTab, summary });
    return undefined;
  });

  async function askSummary(tabId: number): Promise<TabSummary | null> {
    try {
      const msg: Message<'summary:get'> = { type: 'summary:get', data: {} };
      const answer = validateSummary(await browser.tabs.sendMessage(tabId, msg));
      if (!answer) return null;
      frames.set(0, answer);
      return frames.merged();
    } catch {
      // "Receiving end does not exist": no content script in the tab.
      return null;
    }
  }

  async function stateOf(tabId: number, knownUrl: string | null): Promise<TabState> {
    if (shownTab !== tabId) frames.clear();
    shownTab = tabId;
    const summary = await askSummary(tabId);
    if (summary) return { status: 'ready', tabId, summary };
    let url = knownUrl;
    if (url === null) url = (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
    return { status: 'unavailable', tabId, url, kind: pageKindOf(url) };
  }

  return {
    async loadTab() {
      // The test hook names the tab: ask it at once, the URL is only needed to explain a failure.
      if (requestedTabId !== null) return stateOf(requestedTabId, null);
      const tab = await activeTab();
      if (!tab) return { status: 'unavailable', tabId: null, url: null, kind: null };
      return stateOf(tab.id, tab.url);
    },

    watchTab(tabId, onChange) {
      shownTab = tabId;
      const onUpdated = (id: number, change: { status?: string }) => {
        if (id !== tabId) return;
        if (change.status === 'loading') {
          frames.clear();
          onChange({ status: 'loading' });
        } else if (change.status === 'complete') void stateOf(tabId, null).then(onChange);
      };
      watchers.add(onChange);
      browser.tabs.onUpdated.addListener(onUpdated);
      // Frames that reported between the first answer and now.
      const summary = frames.merged();
      if (summary && frames.size > 1) onChange({ status: 'ready', tabId, summary });
      return () => {
        watchers.delete(onChange);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },

    async showMention(tabId, entityId) {
      try {
        const msg: Message<'mention:show'> = { type: 'mention:show', data: { entityId } };
        const options = { frameId: frames.frameOf(entityId) };
        const answer = (await browser.tabs.sendMessage(tabId, msg, options)) as { index?: unknown; total?: unknown } | undefined;
        if (typeof answer?.index === 'number' && typeof answer.total === 'number') return { index: answer.index, total: answer.total };
        return null;
      } catch {
        return null;
      }
    },

    resume: resumeFor,

    loadSettings,
    watchSettings,
    async updateSettings(change) {
      // Read again right before writing: another popup or tab may have changed other fields meanwhile.
      const next = change(await loadSettings());
      await saveSettings(next);
      return next;
    },
  };
}

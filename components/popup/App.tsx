import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleMeta } from '@/lib/dataset/schema';
import type { CompiledDataset } from '@/lib/dataset/types';
import { EntityIndex, groupRows, recentRows, type SortMode } from '@/lib/popup/entities';
import { type PopupHost, type TabState, urlOf } from '@/lib/popup/host';
import { pausableHostOf } from '@/lib/popup/page-kind';
import type { ReaderApi } from '@/lib/reader/api';
import type { Settings } from '@/lib/settings';
import { EntityDetail } from '../entity/EntityDetail';
import { ReaderPanel } from '../reader/ReaderPanel';
import { EntityList, moveFocus } from './EntityList';
import { PageStatus } from './PageStatus';
import { SearchBox } from './SearchBox';
import { type SettingsChange, SettingsPanel } from './SettingsPanel';

export type View = 'page' | 'all';

const NO_COUNTS: Record<string, number> = {};

export interface AppProps {
  dataset: CompiledDataset;
  host: PopupHost;
  /** Open on this entity's detail (`popup.html?entity=ID`). */
  initialEntityId?: string | null;
  /** Called once, after the first render that shows the tab's state (list or empty state). */
  onFirstRender?(): void;
  /** The reader's notes and sightings; without it the detail shows the dataset only. */
  reader?: ReaderApi;
}

export function App({ dataset, host, initialEntityId = null, onFirstRender, reader }: AppProps) {
  const index = useMemo(() => new EntityIndex(dataset), [dataset]);
  const articles = useMemo(() => new Map<string, ArticleMeta>(dataset.articles.map((a) => [a.id, a])), [dataset]);
  const [tab, setTab] = useState<TabState>({ status: 'loading' });
  const [view, setView] = useState<View>(initialEntityId ? 'all' : 'page');
  const [detailId, setDetailId] = useState<string | null>(initialEntityId);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortMode>('count');
  const [allSort, setAllSort] = useState<'type' | 'recent'>('type');
  const [lastSeen, setLastSeen] = useState<ReadonlyMap<string, number> | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocusTo = useRef<string | null>(null);
  const reported = useRef(false);
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let alive = true;
    void host.loadTab().then((state) => {
      if (!alive) return;
      setTab(state);
      if (state.status !== 'loading' && state.tabId !== null) stop = host.watchTab(state.tabId, setTab);
    });
    return () => {
      alive = false;
      stop?.();
    };
  }, [host]);

  useEffect(() => {
    let alive = true;
    void host.loadSettings().then((s) => {
      if (alive) setSettings(s);
    });
    const stop = host.watchSettings(setSettings);
    return () => {
      alive = false;
      stop();
    };
  }, [host]);

  const changeSettings = (change: SettingsChange) => {
    // Shown at once; the stored value (read back by the watcher) has the last word.
    setSettings((s) => (s ? change(s) : s));
    void host.updateSettings(change).catch(() => host.loadSettings().then(setSettings));
  };

  useEffect(() => {
    if (reported.current || (tab.status === 'loading' && !detailId)) return;
    reported.current = true;
    onFirstRender?.();
  }, [tab, detailId, onFirstRender]);

  const counts = tab.status === 'ready' && !tab.summary.paused ? tab.summary.counts : NO_COUNTS;
  const pageRows = useMemo(() => index.pageRows(counts), [index, counts]);
  const rows = view === 'page' ? pageRows : index.allRows();
  const shown = index.filter(rows, query);
  const groups =
    view === 'all' && allSort === 'recent' && lastSeen ? recentRows(shown, lastSeen) : groupRows(shown, view === 'page' ? sort : 'type');

  useEffect(() => {
    if (allSort === 'recent') void reader?.lastSeen?.().then(setLastSeen);
  }, [allSort, reader]);

  const open = (id: string) => {
    returnFocusTo.current = id;
    setDetailId(id);
  };
  const back = () => setDetailId(null);

  // Focus follows the view: the detail's heading when it opens, the row it came from when it closes.
  useEffect(() => {
    if (detailId) {
      headingRef.current?.focus();
      return;
    }
    const id = returnFocusTo.current;
    if (id) listRef.current?.querySelector<HTMLElement>(`[data-entity-id="${CSS.escape(id)}"]`)?.focus();
  }, [detailId]);

  useEffect(() => {
    if (!detailId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [detailId]);

  const detailEntity = detailId ? index.byId.get(detailId) : undefined;
  const tabId = tab.status === 'ready' ? tab.tabId : null;

  if (detailId) {
    return (
      <main class="p-root p-detail-view">
        <nav class="p-bar">
          <button type="button" class="g-button g-button-quiet p-back" onClick={back}>
            <span aria-hidden="true">← </span>Back
          </button>
        </nav>
        <div class="p-scroll">
          {detailEntity ? (
            <EntityDetail
              entity={detailEntity}
              excerpts={dataset.excerpts[detailEntity.id] ?? []}
              articles={articles}
              count={counts[detailEntity.id] ?? null}
              onShowOnPage={tabId !== null ? () => host.showMention(tabId, detailEntity.id) : undefined}
              headingRef={headingRef}
            >
              {reader ? <ReaderPanel entityId={detailEntity.id} pageUrl={urlOf(tab) ?? ''} api={reader} classPrefix="p" /> : null}
            </EntityDetail>
          ) : (
            <p class="p-empty" role="status">
              There is no entity “{detailId}” in the dataset.
            </p>
          )}
        </div>
      </main>
    );
  }

  const found = pageRows.length;
  const pageHasList = tab.status === 'ready' && !tab.summary.paused && found > 0;
  const status =
    view === 'page' && !pageHasList ? (
      <PageStatus
        tab={tab}
        found={found}
        total={dataset.entities.length}
        onBrowseAll={() => setView('all')}
        onResume={() => {
          if (tab.status === 'ready') void host.resume(tab.summary);
        }}
      />
    ) : null;
  const listLabel = view === 'page' ? 'Names on this page' : 'All entities';
  const site = pausableHostOf(urlOf(tab));

  return (
    <main class="p-root">
      <header class="p-bar">
        <h1 class="p-title">Gloss</h1>
        <nav class="p-views" aria-label="Views">
          <button type="button" class="p-view" aria-pressed={view === 'page'} onClick={() => setView('page')}>
            On this page{tab.status === 'ready' && !tab.summary.paused ? ` (${found})` : ''}
          </button>
          <button type="button" class="p-view" aria-pressed={view === 'all'} onClick={() => setView('all')}>
            All ({dataset.entities.length})
          </button>
        </nav>
      </header>
      {status ?? (
        <>
          <div class="p-tools">
            <SearchBox
              value={query}
              onInput={setQuery}
              placeholder={view === 'page' ? 'Search names on this page' : 'Search all names and spellings'}
              onSubmit={() => {
                const first = groups[0]?.rows[0];
                if (first) open(first.entity.id);
              }}
              onArrowDown={() => listRef.current && moveFocus(listRef.current, 'Home')}
            />
            {view === 'page' ? (
              <label class="p-sort">
                <span>Sort</span>
                <select value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortMode)}>
                  <option value="count">By count</option>
                  <option value="type">By type</option>
                </select>
              </label>
            ) : reader?.lastSeen ? (
              <label class="p-sort">
                <span>Sort</span>
                <select value={allSort} onChange={(e) => setAllSort((e.currentTarget as HTMLSelectElement).value as 'type' | 'recent')}>
                  <option value="type">By type</option>
                  <option value="recent">Recently seen</option>
                </select>
              </label>
            ) : null}
          </div>
          <div class="p-scroll" ref={listRef}>
            {shown.length ? (
              <EntityList groups={groups} query={query} onOpen={open} label={listLabel} />
            ) : (
              <p class="p-empty" role="status">
                No name matches “{query}”.
              </p>
            )}
          </div>
        </>
      )}
      <SettingsPanel
        settings={settings}
        site={site}
        noSiteReason={tab.status === 'loading' ? null : 'Only web pages (http and https) can be paused site by site.'}
        onChange={changeSettings}
      />
    </main>
  );
}

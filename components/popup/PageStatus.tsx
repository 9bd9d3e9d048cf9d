import type { ComponentChildren } from 'preact';
import type { TabState } from '@/lib/popup/host';
import type { PageKind } from '@/lib/popup/page-kind';
import { siteOf } from '@/lib/popup/page-kind';

/** Why there is no list for this tab, in plain words. */
export function unavailableMessage(kind: PageKind | null): { title: string; body: string } {
  switch (kind) {
    case 'browser':
      return {
        title: 'Gloss does not run on browser pages',
        body: 'Settings, new tab and other built-in pages are closed to extensions. Open a news article to see the names on it.',
      };
    case 'extension':
      return { title: 'This is an extension page', body: 'Gloss reads web pages only.' };
    case 'store':
      return {
        title: 'Extensions cannot run on this page',
        body: 'Browsers block all extensions on their extension stores, so Gloss cannot read this page.',
      };
    case 'pdf':
      return {
        title: 'Gloss cannot read PDF files',
        body: "The browser's PDF viewer is closed to extensions. Names in this document are not highlighted.",
      };
    case 'file':
      return {
        title: 'Gloss cannot read local files yet',
        body: 'To use Gloss on files from your computer, allow access to file URLs for Gloss in the browser’s extension settings, then reload the page.',
      };
    default:
      return {
        title: 'Gloss cannot read this page',
        body: 'Browsers close some pages to all extensions: their own pages (settings, new tab, about: pages), extension stores and the built-in PDF viewer. If this is an ordinary web page that was open before Gloss was installed or updated, reload it.',
      };
  }
}

function Panel({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="p-empty" role="status">
      <p class="p-empty-title">{title}</p>
      {children}
    </div>
  );
}

interface PageStatusProps {
  tab: TabState;
  /** Distinct entities on the page (ready state). */
  found: number;
  total: number;
  onBrowseAll(): void;
  onResume(): void;
}

/** The non-list states of the "On this page" view; null when there is a list to show. */
export function PageStatus({ tab, found, total, onBrowseAll, onResume }: PageStatusProps) {
  const browse = (
    <button type="button" class="g-button g-button-quiet" onClick={onBrowseAll}>
      Browse all {total} entities
    </button>
  );
  if (tab.status === 'loading') return <Panel title="Reading this page…" />;
  if (tab.status === 'unavailable') {
    const m = unavailableMessage(tab.kind);
    return (
      <Panel title={m.title}>
        <p>{m.body}</p>
        {browse}
      </Panel>
    );
  }
  const { summary } = tab;
  if (summary.paused) {
    const site = siteOf(summary.url);
    const where = summary.paused === 'all' ? 'on all sites' : `on ${site ?? 'this site'}`;
    return (
      <Panel title={`Gloss is paused ${where}`}>
        <p>Names are not highlighted or counted while Gloss is paused.</p>
        <div class="p-switch-row">
          <button type="button" role="switch" aria-checked="false" class="p-switch" id="p-resume" onClick={onResume}>
            <span class="p-switch-track" aria-hidden="true">
              <span class="p-switch-thumb" />
            </span>
            <span>{summary.paused === 'all' ? 'Highlight names on all sites' : 'Highlight names on this site'}</span>
          </button>
        </div>
        {browse}
      </Panel>
    );
  }
  if (found === 0) {
    return (
      <Panel title="No names from the dataset on this page">
        <p>Gloss found none of the {total} people, organizations and places it knows here. It keeps watching if the page changes.</p>
        {browse}
      </Panel>
    );
  }
  return null;
}

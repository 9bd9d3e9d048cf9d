import { moduleStart } from '@/lib/popup/start-time';
import '@/components/theme.css';
import '@/components/entity/entity.css';
import '@/components/popup/popup.css';
import '@/components/reader/reader.css';
import { render } from 'preact';
import dataset from '@/assets/generated/dataset.json';
import { App } from '@/components/popup/App';
import type { CompiledDataset } from '@/lib/dataset/types';
import { mergeDatasets } from '@/lib/datasets/merge';
import { glossDb } from '@/lib/db/database';
import { enabledDatasets } from '@/lib/db/datasets';
import { lastSeenByEntity } from '@/lib/db/sightings';
import { createBrowserHost } from '@/lib/popup/browser-host';
import { parsePopupParams } from '@/lib/popup/route';
import { ask, messageReaderApi } from '@/lib/reader/api';

const params = parsePopupParams(location.search);
// Opened as a tab (hover card "More") rather than as the toolbar popup: no popup size limit.
if (params.entityId && params.tabId === null) document.documentElement.classList.add('p-standalone');

const root = document.getElementById('popup-root');
// The reader's enabled imports join the bundled dataset (namespaced ids); an unreadable database leaves the bundled one.
const imported = await enabledDatasets(glossDb()).catch(() => []);
if (root) {
  render(
    <App
      dataset={mergeDatasets(dataset as unknown as CompiledDataset, imported)}
      reader={{
        ...messageReaderApi(),
        clearHistory: (entityId) => ask('sightings:clear', { entityId }),
        lastSeen: () => lastSeenByEntity(glossDb()),
      }}
      host={createBrowserHost(params.tabId)}
      initialEntityId={params.entityId}
      onFirstRender={() => {
        // Read by the e2e tests: from the first module's start to the first render with the tab's data,
        // and the same moment counted from navigation start (includes loading the page and its scripts).
        const now = performance.now();
        document.documentElement.dataset.glossFirstRenderMs = (now - moduleStart).toFixed(1);
        document.documentElement.dataset.glossFirstRenderSinceNavMs = now.toFixed(1);
      }}
    />,
    root,
  );
}

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { writeCompiledDataset } from './scripts/dataset-build';
import { repositoryIgnoredGlobs } from './scripts/ignored-sources';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Context on the names in the news: highlights people, organizations and places on any page and explains them, with sourced excerpts.',
    // storage: settings (paused sites, types). activeTab: the popup reads the current tab's address to explain pages where Gloss cannot run.
    permissions: ['storage', 'activeTab'],
    commands: {
      // The keyboard path to the names on a page (highlights are invisible to assistive tech).
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Jump to the next highlighted name on the page and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The dataset is compiled (validated, excerpts derived) before every build; a broken dataset fails the build.
    'build:before': () => writeCompiledDataset(),
  },
  // The Firefox sources zip (for AMO review) leaves out what git ignores: screenshots, test results, build output.
  zip: { excludeSources: repositoryIgnoredGlobs(import.meta.dirname) },
  vite: () => ({ plugins: [preact()] }),
});

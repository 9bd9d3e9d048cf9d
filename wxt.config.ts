import { fileURLToPath } from 'node:url';
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
    // storage: settings (paused sites, types) and the datasets tabs read (docs/dataset-delivery.md). activeTab: the popup
    // reads the current tab's address to explain pages where Gloss cannot run. unlimitedStorage (Chrome, no install
    // warning): an imported dataset's pack may pass storage.local's 10 MB quota; Firefox has no such quota.
    permissions: ['storage', 'activeTab', ...(browser === 'firefox' ? [] : ['unlimitedStorage'])],
    commands: {
      // The keyboard path to the names on a page (highlights are invisible to assistive tech).
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Jump to the next highlighted name on the page and open its card',
      },
    },
    // The later parts of the content script, imported by its small entry: the body in frames with text, the card on
    // the first card (entrypoints/content/load-main.ts). Chrome: only behind a per-session URL, so that a page cannot
    // probe a fixed address for Gloss.
    web_accessible_resources:
      browser === 'firefox'
        ? (['gloss-main.js', 'gloss-card.js'] as unknown as [])
        : [{ resources: ['gloss-main.js', 'gloss-card.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@example.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox for Android 142 (web-ext lint warns otherwise); the desktop
            // minimum stays 140, the first with the Custom Highlight API.
            gecko_android: { strict_min_version: '142.0' },
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
  vite: () => ({
    plugins: [preact()],
    // User Timing marks only in builds for `npm run bench:page` (lib/page/bench-marks.ts).
    define: { __GLOSS_BENCH_MARKS__: JSON.stringify(process.env.GLOSS_BENCH_MARKS === '1') },
    resolve: {
      // WXT's content-script context announces the script to the page (extension id included) in every frame and
      // can be stopped or flooded by the page's own events; lib/content-context.ts explains, and replaces it.
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/content-context.ts', import.meta.url)),
        },
      ],
    },
  }),
});

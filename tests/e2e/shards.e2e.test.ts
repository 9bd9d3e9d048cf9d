import assert from 'node:assert/strict';
import { generatedAliases } from '../../bench/lib';
import { MATCH_PACK_KEY, matchPackItems, parseMatchPack, isShardedPack } from '../../lib/datasets/pack';
import { loadBundledDataset } from '../../scripts/dataset-files';
import { describeBrowsers } from './harness';
import { waitPainted } from './harness/highlights';
import { writeExtensionStorage } from './harness/storage';

/**
 * A big dataset reaches a tab in shards (lib/match/shards.ts): the bundled dataset and 20,000 generated names,
 * packed in node with the background's own code, written from an extension page as the background would.
 */
const bundled = loadBundledDataset();
const generated = generatedAliases(20_000).map((a) => ({ ...a, entityType: 'person' as const }));
const items = matchPackItems({ ...bundled, aliases: [...bundled.aliases, ...generated], matcher: undefined }, 'e2e:shards');
const header = parseMatchPack(items[MATCH_PACK_KEY]);
const NAME = (generated[12_345] as { text: string }).text;
const LATE_NAME = (generated[17_001] as { text: string }).text;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shards</title></head>
<body><p>On Monday ${NAME} met Qais al-Khazali in Baghdad.</p></body></html>`;

/** Text added after the first pass: its words reach shards the tab has not read yet. */
const LATE_TEXT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late shards</title></head>
<body><p>On Monday officials met in Baghdad.</p><div id="app"></div><script>
addEventListener('load', () => setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = ${JSON.stringify(`Hours later, ${LATE_NAME} spoke.`)};
  document.getElementById('app').append(p);
}, 1500));
</script></body></html>`;

describeBrowsers('a big dataset in shards', (s) => {
  s.test('a generated name and a bundled one are painted, from the shards the page reaches, and a name in text added later', async (b) => {
    assert.ok(header && isShardedPack(header) && header.sharded.shards > 50, 'the pack is sharded');
    const ext = await b.openExtensionPage('/popup.html');
    await writeExtensionStorage(ext, items);
    const page = await b.newPage(s.server.route('/shards-article.html', ARTICLE));
    await waitPainted(page, NAME);
    await waitPainted(page, 'Qais al-Khazali');
    await waitPainted(page, 'Baghdad');
    // Text added later: its shards are read after the scan that missed them.
    const late = await b.newPage(s.server.route('/shards-late.html', LATE_TEXT));
    await waitPainted(late, 'Baghdad');
    await waitPainted(late, LATE_NAME);
  });
});

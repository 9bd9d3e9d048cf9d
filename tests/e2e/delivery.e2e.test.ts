import assert from 'node:assert/strict';
import { isShardedPack, MATCH_PACK_KEY, type MatchPack, parseMatchPack } from '../../lib/datasets/pack';
import { aliasColumns, aliasList, buildAutomaton, type MatcherAlias } from '../../lib/match';
import { describeBrowsers, type GlossPage } from './harness';
import { waitPainted } from './harness/highlights';
import { readExtensionStorage, writeExtensionStorage } from './harness/storage';

/** Runs in the page: the ranges Gloss painted, as text. */
function paintedTexts(): string[] {
  const out: string[] = [];
  for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) {
    for (const r of (CSS.highlights.get(name) as Iterable<AbstractRange> | undefined) ?? []) out.push((r as Range).toString());
  }
  return out.sort();
}

/** Adds one made-up entity to the stored match pack, as the background's publish of an import would. */
async function publishExtraName(ext: GlossPage): Promise<void> {
  const pack = parseMatchPack(await readExtensionStorage(ext, MATCH_PACK_KEY));
  assert.ok(pack && !isShardedPack(pack), 'the background published a whole match pack');
  const list = aliasList(pack.aliases);
  const aliases = Array.from({ length: list.length }, (_, i) => list.at(i) as MatcherAlias);
  aliases.push({ entityId: 'e2e/zorblax', text: 'Zorblax Quentworth', match: 'always', entityType: 'person' });
  const next: MatchPack = { revision: `${pack.revision}+e2e`, aliases: aliasColumns(aliases), automaton: buildAutomaton(aliases, undefined) };
  await writeExtensionStorage(ext, { [MATCH_PACK_KEY]: JSON.stringify(next) });
}

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Delivery</title></head>
<body><p>Qais al-Khazali met Zorblax Quentworth in Baghdad.</p></body></html>`;

const LATE_TEXT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late text</title></head>
<body><div id="app"></div><script>
addEventListener('load', () => setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = 'Hours later, Hadi al-Amiri spoke in Karbala.';
  document.getElementById('app').append(p);
}, 1500));
</script></body></html>`;

describeBrowsers('dataset delivery', (s) => {
  s.test("the page sees none of Gloss's code or its address", async (b) => {
    const page = await b.newPage(s.server.route('/delivery-article.html', ARTICLE));
    await waitPainted(page, 'Qais al-Khazali');
    const seen = await page.evaluate(() => ({
      globals: ['__glossStart', 'glossMain'].filter((k) => k in window),
      resources: performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => !n.startsWith('http')),
      marks: performance.getEntriesByType('mark').map((e) => e.name),
    }));
    assert.deepEqual(seen, { globals: [], resources: [], marks: [] });
  });

  s.test('a page whose text arrives after its load is read when it arrives', async (b) => {
    const page = await b.newPage(s.server.route('/delivery-late.html', LATE_TEXT));
    await waitPainted(page, 'Hadi al-Amiri');
    assert.deepEqual(await page.evaluate(paintedTexts), ['Hadi al-Amiri', 'Karbala']);
  });

  s.test('a new dataset published by the background reaches an open page without a reload', async (b) => {
    const page = await b.newPage(s.server.route('/delivery-live.html', ARTICLE));
    await waitPainted(page, 'Qais al-Khazali');
    assert.deepEqual(await page.evaluate(paintedTexts), ['Baghdad', 'Qais al-Khazali']);
    const ext = await b.openExtensionPage('/popup.html');
    await publishExtraName(ext);
    await waitPainted(page, 'Zorblax Quentworth');
    assert.deepEqual(await page.evaluate(paintedTexts), ['Baghdad', 'Qais al-Khazali', 'Zorblax Quentworth']);
  });
});

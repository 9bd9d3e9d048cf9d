import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticles } from '../../scripts/demo-page.mjs';
import { describeBrowsers } from './harness';

describeBrowsers('smoke', (s) => {
  s.test('the built manifest is valid', async (b) => {
    const m = b.manifest;
    assert.equal(m.name, 'Gloss');
    const icons = m.icons as Record<string, string> | undefined;
    assert.ok(icons, 'manifest has icons');
    for (const size of ['16', '32', '48', '96', '128']) {
      const icon: string | undefined = icons[size];
      assert.ok(icon, `icon ${size}`);
      assert.ok(existsSync(join(b.extDir, icon)), `${icon} is in the build`);
    }
    const scripts = m.content_scripts as { matches: string[]; js: string[] }[] | undefined;
    assert.ok(
      scripts?.some((c) => c.matches.includes('<all_urls>')),
      'a content script runs on all pages',
    );
    type Runtime = { runtime: { getManifest(): { name: string; version: string } } };
    const loaded = await b.evaluateInExtension(() => {
      const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      const { name, version } = (g.browser ?? g.chrome).runtime.getManifest();
      return { name, version };
    });
    assert.deepEqual(loaded, { name: m.name, version: m.version }, 'the browser runs this build');
    if (b.name === 'firefox') {
      assert.equal(m.manifest_version, 2);
      const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
      assert.equal(gecko.id, 'gloss@example.org');
      assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
    } else {
      assert.equal(m.manifest_version, 3);
    }
  });

  s.test('what runs in pages leaves webextension-polyfill out: the entry in every frame, the body with text', async (b) => {
    // The polyfill's own error text is in every copy of it, minified or not.
    const polyfill = 'api-metadata.json has not been included in browser-polyfill';
    const entry = (b.manifest.content_scripts as { js: string[] }[])[0]?.js[0];
    assert.ok(entry, 'the manifest lists the entry');
    for (const file of [entry, 'gloss-main.js']) {
      const code = readFileSync(join(b.extDir, file), 'utf8');
      assert.ok(!code.includes(polyfill), `${file} carries no polyfill`);
    }
    // The background still uses it: the marker is what the polyfill's copies contain.
    const background = (b.manifest.background as { service_worker?: string; scripts?: string[] }) ?? {};
    const bgFile = background.service_worker ?? background.scripts?.[0];
    assert.ok(bgFile && readFileSync(join(b.extDir, bgFile), 'utf8').includes(polyfill), 'the marker finds the polyfill');
  });

  s.test('the content script highlights a name on a 127.0.0.1 page; the popup renders for its tab', async (b) => {
    const page = await b.newPage(s.server.url('/basic.html'));
    await page.waitForFunction(() => (CSS.highlights.get('gloss-person')?.size ?? 0) > 0);
    const people = await page.evaluate(() =>
      [...((CSS.highlights.get('gloss-person') as Iterable<AbstractRange> | undefined) ?? [])].map((r) => (r as Range).toString()),
    );
    assert.ok(people.includes('Qais al-Khazali'), `gloss-person has Qais al-Khazali: ${people}`);
    assert.ok(!people.some((p) => /ordinary/.test(p)), 'nothing from the sentence without names');

    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(page);
    assert.equal(new URL(popup.url()).searchParams.get('tab'), String(tabId));
    await popup.waitForFunction(() => (document.getElementById('popup-root')?.childElementCount ?? 0) > 0);
  });

  s.test('the demo news pages under /news/ carry each article verbatim, with its Source line', async (b) => {
    const [first] = readArticles();
    assert.ok(first);
    const page = await b.newPage(s.server.url(`/news/articles/${first.meta.id}.html`));
    const text = await page.evaluate(() => document.querySelector('article')?.textContent ?? '');
    const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
    for (const line of first.text.split('\n').filter((l) => l.trim())) {
      assert.ok(flat(text).includes(flat(line)), `the page has the line: ${line.slice(0, 60)}`);
    }
    const withSource = readArticles().filter((a) => /^Source »/m.test(a.text));
    assert.ok(withSource.length > 0);
    for (const a of withSource) {
      await page.goto(s.server.url(`/news/articles/${a.meta.id}.html`));
      assert.match(await page.evaluate(() => document.querySelector('p.source')?.textContent ?? ''), /^Source » /);
    }
  });
});

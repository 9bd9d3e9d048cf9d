import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeBrowsers } from './harness';

describeBrowsers('smoke', (s) => {
  s.test('the built manifest is valid', async (b) => {
    const m = b.manifest;
    assert.equal(m.name, 'Gloss');
    const icons = m.icons as Record<string, string> | undefined;
    assert.ok(icons, 'manifest has icons');
    for (const size of ['16', '32', '48', '128']) {
      const icon: string | undefined = icons[size];
      assert.ok(icon, `icon ${size}`);
      assert.ok(existsSync(join(b.extDir, icon)), `${icon} is in the build`);
    }
    const scripts = m.content_scripts as { matches: string[]; js: string[] }[] | undefined;
    assert.ok(scripts?.some((c) => c.matches.includes('<all_urls>')), 'a content script runs on all pages');
    if (b.name === 'firefox') {
      assert.equal(m.manifest_version, 2);
      const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
      assert.equal(gecko.id, 'gloss@example.org');
      assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
    } else {
      assert.equal(m.manifest_version, 3);
    }
  });

  s.test('the content script runs on a 127.0.0.1 page and the popup renders for its tab', async (b) => {
    const page = await b.newPage(s.server.url('/basic.html'));
    assert.equal(await page.evaluate(() => document.title), 'Gloss e2e: basic article');
    const rect = await page.rectOfText('Qais al-Khazali');
    assert.ok(rect && rect.width > 0, 'the fixture name is laid out');

    const tabId = await b.tabIdOf(page);
    const popup = await b.openPopup(page);
    assert.equal(new URL(popup.url()).searchParams.get('tab'), String(tabId));
    await popup.waitForFunction(() => (document.getElementById('popup-root')?.childElementCount ?? 0) > 0);
  });
});

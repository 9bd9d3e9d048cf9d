#!/usr/bin/env node
// One-off: renders assets/icon.svg to public/icon/{16,32,48,96,128}.png with headless Chromium.
// The PNGs are committed; rerun after changing the SVG: `node scripts/render-icons.mjs`.
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const root = new URL('..', import.meta.url);
const svg = await readFile(new URL('assets/icon.svg', root), 'utf8');
const executablePath = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`render-icons: ${executablePath} not found (apt-get install -y chromium)`);
  process.exit(1);
}
await mkdir(new URL('public/icon/', root), { recursive: true });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="${dataUrl}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const out = new URL(`public/icon/${size}.png`, root);
    await page.screenshot({ path: out.pathname, omitBackground: true });
    console.log(`render-icons: ${out.pathname}`);
    await page.close();
  }
} finally {
  await browser.close();
}

import assert from 'node:assert/strict';
import { describeBrowsers } from './harness';

/** Runs in the page: the ranges Gloss painted, as text, in page order. */
function paintedTexts(): string[] {
  const ranges: Range[] = [];
  for (const name of ['gloss-person', 'gloss-organization', 'gloss-place']) {
    for (const r of (CSS.highlights.get(name) as Iterable<AbstractRange> | undefined) ?? []) ranges.push(r as Range);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Headlines</title></head><body>
<ul class="links">
  <li><a href="#">Will Trump Be Impeached?</a></li>
  <li><a href="#">President Donald Trump</a><span>42,070 comments</span></li>
</ul>
<article>
  <h1>Kadhimi Replaces Fayyadh</h1>
  <p>Iraqi Prime Minister Mustafa al-Kadhimi on Saturday replaced Falih al-Fayyadh as national security adviser.</p>
  <p>Visitors to Trump Tower were not told.</p>
</article></body></html>`;

describeBrowsers('names in headlines', (s) => {
  s.test('Title Case headlines, glued link lists and a headline surname above the full name are linked', async (b) => {
    const page = await b.newPage(s.server.route('/headlines.html', PAGE));
    await page.waitForFunction(() => {
      for (const r of (CSS.highlights.get('gloss-person') as Iterable<AbstractRange> | undefined) ?? []) {
        if ((r as Range).toString() === 'Kadhimi') return true;
      }
      return false;
    });
    assert.deepEqual(await page.evaluate(paintedTexts), [
      'Trump',
      'Donald Trump',
      'Kadhimi',
      'Fayyadh',
      'Mustafa al-Kadhimi',
      'Falih al-Fayyadh',
    ]);
  });
});

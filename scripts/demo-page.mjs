// The demo news site: the article set (assets/articles/) rendered as an index and one page per article.
// Used by `npm run demo` and mounted under /news/ by the e2e server. Article text is verbatim; every
// piece of data goes through escapeHtml, so an article can never add markup to the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTICLES_DIR = fileURLToPath(new URL('../assets/articles/', import.meta.url));

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The article set: index.json order, each with its text exactly as stored. */
export function readArticles(dir = ARTICLES_DIR) {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  return index.map((meta) => ({ meta, text: readFileSync(join(dir, meta.file), 'utf8') }));
}

export const articlePath = (id) => `articles/${encodeURIComponent(id)}.html`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function formatDate(date) {
  const [y, m, d] = String(date ?? '').split('-').map(Number);
  if (!y) return '';
  const month = m ? MONTHS[m - 1] : '';
  return [month, d ? `${d},` : '', y].filter(Boolean).join(' ');
}

/** A short line without final punctuation between paragraphs reads as a subhead. */
const isSubhead = (line, i) => i > 0 && line.length <= 90 && !/[.?!:;,"”’»)]$/.test(line.trim());

function renderBody(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      if (/^Source »/.test(line.trim())) return `<p class="source">${escapeHtml(line)}</p>`;
      return isSubhead(line, i) ? `<h2>${escapeHtml(line)}</h2>` : `<p>${escapeHtml(line)}</p>`;
    })
    .join('\n        ');
}

function byline(meta) {
  const parts = [formatDate(meta.date), meta.publisher, meta.source && `via ${meta.source}`].filter(Boolean);
  return parts.map(escapeHtml).join(' · ');
}

const STYLE = `
  :root { color-scheme: light; --ink: #1b1f24; --muted: #5d6470; --rule: #e3e0d8; --accent: #b3261e; --paper: #fbfaf7; }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--paper); color: var(--ink); font: 19px/1.65 Georgia, 'DejaVu Serif', serif; }
  a { color: inherit; }
  .masthead { border-bottom: 3px double var(--ink); background: #fff; }
  .masthead .inner { max-width: 1040px; margin: 0 auto; padding: 18px 24px 12px; display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
  .brand { font: 700 34px/1 'Playfair Display', Georgia, serif; letter-spacing: -0.5px; text-decoration: none; }
  .tagline { color: var(--muted); font: 14px/1.4 system-ui, 'DejaVu Sans', sans-serif; }
  nav.sections { border-top: 1px solid var(--rule); font: 600 13px/1 system-ui, 'DejaVu Sans', sans-serif; text-transform: uppercase; letter-spacing: 0.8px; }
  nav.sections .inner { max-width: 1040px; margin: 0 auto; padding: 10px 24px; display: flex; gap: 22px; color: var(--muted); }
  nav.sections .current { color: var(--accent); }
  main { max-width: 1040px; margin: 0 auto; padding: 28px 24px 64px; }
  article.story { max-width: 700px; margin: 0 auto; }
  .kicker { color: var(--accent); font: 700 13px/1 system-ui, 'DejaVu Sans', sans-serif; text-transform: uppercase; letter-spacing: 1px; }
  h1 { font: 700 40px/1.15 Georgia, serif; margin: 10px 0 12px; letter-spacing: -0.3px; }
  .meta { color: var(--muted); font: 14px/1.5 system-ui, 'DejaVu Sans', sans-serif; border-bottom: 1px solid var(--rule); padding-bottom: 14px; margin-bottom: 22px; }
  .meta .note { display: block; font-style: italic; }
  h2 { font: 700 23px/1.3 Georgia, serif; margin: 30px 0 8px; }
  .story p { margin: 0 0 18px; }
  .story p.source { color: var(--muted); font: 15px/1.5 system-ui, 'DejaVu Sans', sans-serif; border-top: 1px solid var(--rule); padding-top: 12px; margin-top: 28px; }
  .pager { max-width: 700px; margin: 36px auto 0; display: flex; justify-content: space-between; gap: 16px; font: 15px/1.4 system-ui, 'DejaVu Sans', sans-serif; }
  .pager a { max-width: 48%; text-decoration: none; color: var(--muted); }
  .pager a:hover { color: var(--ink); }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 28px 32px; }
  .card { border-top: 3px solid var(--ink); padding-top: 12px; }
  .card.lead { grid-column: 1 / -1; border-top-width: 5px; }
  .card h2 { margin: 8px 0; font-size: 24px; }
  .card.lead h2 { font-size: 34px; }
  .card h2 a { text-decoration: none; }
  .card h2 a:hover { text-decoration: underline; }
  .card p { margin: 0 0 8px; color: #333; font-size: 17px; }
  .card .meta { border: 0; margin: 0; padding: 0; }
  footer { max-width: 1040px; margin: 0 auto; padding: 16px 24px 40px; color: var(--muted); font: 13px/1.5 system-ui, 'DejaVu Sans', sans-serif; border-top: 1px solid var(--rule); }
`;

function layout(title, body, rootPrefix) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header class="masthead">
      <div class="inner">
        <a class="brand" href="${rootPrefix}index.html">The Daily Record</a>
        <span class="tagline">A local demo page for Gloss. The stories are the five articles of its article set, verbatim.</span>
      </div>
      <nav class="sections" aria-label="Sections"><div class="inner"><span class="current">Middle East</span><span>Iraq</span><span>Iran</span><span>World</span></div></nav>
    </header>
    <main>
      ${body}
    </main>
    <footer>Demo site generated by <code>npm run demo</code>. Headlines marked as written for this demo are not part of the original articles.</footer>
  </body>
</html>
`;
}

export function renderArticlePage(articles, i) {
  const { meta, text } = articles[i];
  const prev = articles[i - 1];
  const next = articles[i + 1];
  const link = (a, label) =>
    a ? `<a href="${escapeHtml(articlePath(a.meta.id).replace('articles/', ''))}">${label} ${escapeHtml(a.meta.title)}</a>` : '<span></span>';
  const body = `<article class="story" data-article-id="${escapeHtml(meta.id)}">
        <div class="kicker">Iraq</div>
        <h1>${escapeHtml(meta.title)}</h1>
        <div class="meta">${byline(meta)}${meta.titleIsEditorial ? '<span class="note">Headline written for this demo.</span>' : ''}</div>
        ${renderBody(text)}
      </article>
      <nav class="pager" aria-label="More stories">${link(prev, '←')}${link(next, '→')}</nav>`;
  return layout(`${meta.title} · The Daily Record`, body, '../');
}

/** The first paragraph of an article, for the index. */
function lede(text) {
  return text.split('\n').find((l) => l.trim().length > 80) ?? text.split('\n')[0] ?? '';
}

export function renderIndexPage(articles) {
  const cards = articles
    .map(
      ({ meta, text }, i) => `<section class="card${i === 0 ? ' lead' : ''}">
          <div class="kicker">Iraq</div>
          <h2><a href="${escapeHtml(articlePath(meta.id))}">${escapeHtml(meta.title)}</a></h2>
          <div class="meta">${byline(meta)}</div>
          <p>${escapeHtml(lede(text))}</p>
        </section>`,
    )
    .join('\n        ');
  return layout('The Daily Record · Gloss demo', `<div class="grid">\n        ${cards}\n      </div>`, '');
}

/** Every page of the demo site by path: `index.html` and `articles/<id>.html`. */
export function buildDemoSite(dir = ARTICLES_DIR) {
  const articles = readArticles(dir);
  const pages = new Map([['index.html', renderIndexPage(articles)]]);
  articles.forEach((a, i) => {
    pages.set(articlePath(a.meta.id), renderArticlePage(articles, i));
  });
  return pages;
}

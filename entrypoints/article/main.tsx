import '@/components/theme.css';
import '@/components/entity/entity.css';
// The content script's highlight colors and card, so that the article view looks like any annotated page.
import '@/entrypoints/content/highlights.css';
import '@/components/card/card.css';
import '@/components/article/article.css';
import { render } from 'preact';
import dataset from '@/assets/generated/dataset.json';
import { ArticleView } from '@/components/article/ArticleView';
import type { CompiledDataset } from '@/lib/dataset/types';
import { loadArticleText } from '@/lib/popup/article-text';
import { parseArticleLocation } from '@/lib/popup/route';

const data = dataset as CompiledDataset;
const root = document.getElementById('article-root');

function Missing({ what }: { what: string }) {
  return (
    <main class="a-page">
      <p role="status">{what}</p>
    </main>
  );
}

async function start(el: HTMLElement) {
  const ref = parseArticleLocation(location.search, location.hash);
  const meta = ref ? data.articles.find((a) => a.id === ref.articleId) : undefined;
  if (!ref || !meta) {
    render(<Missing what={ref ? `There is no article “${ref.articleId}” in the Gloss set.` : 'No article was given.'} />, el);
    return;
  }
  const text = await loadArticleText(meta.id);
  if (text === null) {
    render(<Missing what={`The text of “${meta.title}” is missing from this build.`} />, el);
    return;
  }
  document.title = `${meta.title} — Gloss`;
  const target = ref.start !== undefined && ref.end !== undefined ? { start: ref.start, end: ref.end } : undefined;
  render(
    <ArticleView
      meta={meta}
      text={text}
      dataset={data}
      target={target}
      onAnnotated={(a) => {
        // For the e2e tests: how many mentions were painted.
        document.documentElement.dataset.glossMentions = String(a.mentions.length);
      }}
    />,
    el,
  );
}

if (root) void start(root);

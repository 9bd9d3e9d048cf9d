/**
 * Article texts for the article view, bundled as raw strings (`?raw`), one lazy chunk per article so
 * the page loads only the one it shows. Keys are the article ids (file names without `.txt`).
 */
const loaders = import.meta.glob<string>('/assets/articles/*.txt', { query: '?raw', import: 'default' });

export function articleIds(): string[] {
  return Object.keys(loaders).map(idOfPath);
}

function idOfPath(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.txt$/, '');
}

export async function loadArticleText(articleId: string): Promise<string | null> {
  const entry = Object.entries(loaders).find(([path]) => idOfPath(path) === articleId);
  return entry ? entry[1]() : null;
}

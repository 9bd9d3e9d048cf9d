export const ARTICLES_DIR: string;
export function escapeHtml(s: unknown): string;
export interface DemoArticle {
  meta: { id: string; file: string; title: string; titleIsEditorial?: boolean; date?: string; source?: string | null; publisher?: string | null };
  text: string;
}
export function readArticles(dir?: string): DemoArticle[];
export function articlePath(id: string): string;
export function renderArticlePage(articles: DemoArticle[], i: number): string;
export function renderIndexPage(articles: DemoArticle[]): string;
/** Every page of the demo site by path: `index.html` and `articles/<id>.html`. */
export function buildDemoSite(dir?: string): Map<string, string>;

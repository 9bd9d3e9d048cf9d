import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type ArticleRef, articlePath } from '@/lib/popup/route';

/**
 * How a citation or an excerpt opens the article view. Extension pages (popup, article view) link to it
 * directly; a content script cannot (web pages may not open extension pages), so the hover card provides
 * an `open` that asks the background ('article:open') instead.
 */
export interface ArticleLinker {
  href(ref: ArticleRef): string;
  /** When given, called on click instead of following the link. */
  open?(ref: ArticleRef): void;
}

export const extensionPageLinker: ArticleLinker = {
  href: (ref) => browser.runtime.getURL(articlePath(ref) as '/article.html'),
};

export const ArticleLinkContext = createContext<ArticleLinker>(extensionPageLinker);

interface ArticleLinkProps {
  to: ArticleRef;
  class?: string;
  children: preact.ComponentChildren;
  'aria-label'?: string;
}

export function ArticleLink({ to, children, ...rest }: ArticleLinkProps) {
  const linker = useContext(ArticleLinkContext);
  const onClick = linker.open
    ? (e: MouseEvent) => {
        e.preventDefault();
        linker.open?.(to);
      }
    : undefined;
  return (
    <a href={linker.href(to)} target="_blank" rel="noopener" onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { extensionApi } from '@/lib/extension-api';
import { type ArticleRef, articlePath } from '@/lib/popup/route';
import { ask } from '@/lib/reader/api';

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
  href: (ref) => extensionApi().runtime.getURL(articlePath(ref) as '/article.html'),
};

/** For the hover card in a content script: the background opens the article view ('article:open'). */
export const backgroundLinker: ArticleLinker = {
  href: extensionPageLinker.href,
  open(ref) {
    ask('article:open', ref).catch(() => {
      // The extension was reloaded or updated: this content script is orphaned and nothing can be opened.
    });
  },
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

/**
 * Why an extension cannot see a page, judged from its URL alone. Used for the popup's empty states when the
 * content script does not answer.
 */
export type PageKind =
  | 'browser' // chrome://, about:, edge://, view-source:, the new tab page
  | 'extension' // another extension's page (or ours)
  | 'store' // Chrome Web Store, addons.mozilla.org: browsers block extensions there
  | 'pdf' // the built-in PDF viewer runs no content scripts
  | 'file' // file:// needs "Allow access to file URLs"
  | 'web';

const STORE_HOSTS = new Set(['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

export function pageKindOf(url: string | undefined | null): PageKind | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  switch (u.protocol) {
    case 'http:':
    case 'https:':
      if (STORE_HOSTS.has(u.hostname)) return 'store';
      if (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore')) return 'store';
      return /\.pdf$/i.test(u.pathname) ? 'pdf' : 'web';
    case 'file:':
      return /\.pdf$/i.test(u.pathname) ? 'pdf' : 'file';
    case 'chrome-extension:':
    case 'moz-extension:':
    case 'extension:':
      return 'extension';
    default:
      return 'browser';
  }
}

/** The site as the settings store it for "pause on this site": the host name without "www.". */
export function siteOf(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/**
 * The host the popup's "this site" switch pauses: http(s) pages only, and not the extension stores, where no
 * extension runs. Null when there is no such host (browser pages, files, a hidden URL).
 */
export function pausableHostOf(url: string | null): string | null {
  const kind = pageKindOf(url);
  if (!url || (kind !== 'web' && kind !== 'pdf')) return null;
  const u = new URL(url);
  return u.protocol === 'http:' || u.protocol === 'https:' ? siteOf(url) : null;
}

import { describe, expect, it } from 'vitest';
import { badgeText } from '@/lib/background/badge';
import { EntityIndex, groupRows, recentRows } from '@/lib/popup/entities';
import { pageKindOf } from '@/lib/popup/page-kind';
import { sitesCovering } from '@/lib/popup/resume';
import { articlePath, parseArticleLocation, parsePopupParams } from '@/lib/popup/route';
import { fold, matchedAlias, matchesQuery, searchKeysOf } from '@/lib/popup/search';
import { formatArticleDate } from '@/lib/popup/sources';
import { fixtureDataset, summary } from './popup-fixture';

const data = fixtureDataset();
function entity(id: string) {
  const e = data.entities.find((x) => x.id === id);
  if (!e) throw new Error(`fixture has no ${id}`);
  return e;
}
const qais = entity('qais-al-khazali');
const kh = entity('kataib-hezbollah');

describe('search', () => {
  it('folds case, diacritics, apostrophes and hyphens', () => {
    expect(fold('Qays al-Khazʿali')).toBe('qays al khazali');
    expect(fold("KATA'IB  Ḥizballah")).toBe('kataib hizballah');
  });

  it('finds an entity by any alias, from the start of a word', () => {
    const keys = searchKeysOf(qais);
    expect(matchesQuery(keys, 'qays')).toBe(true);
    expect(matchesQuery(keys, 'KHAZ')).toBe(true);
    expect(matchesQuery(keys, 'al khaz')).toBe(true);
    expect(matchesQuery(keys, 'khazʿali')).toBe(true);
    expect(matchesQuery(keys, 'azal')).toBe(false);
    expect(matchesQuery(searchKeysOf(kh), 'kataib hizb')).toBe(true);
    expect(matchesQuery(searchKeysOf(kh), 'brigades')).toBe(true);
  });

  it('names the alias that matched when it is not the canonical name', () => {
    expect(matchedAlias(qais, 'qays')).toBe('Qays al-Khazʿali');
    expect(matchedAlias(qais, 'qais')).toBeNull();
    expect(matchedAlias(kh, 'brigades')).toBe('Hezbollah Brigades');
  });
});

describe('rows', () => {
  const index = new EntityIndex(data);
  const rows = index.pageRows({ baghdad: 5, 'qais-al-khazali': 2, 'mike-pompeo': 2, 'not-in-dataset': 9, 'kataib-hezbollah': 0 });

  it('keeps only known entities with mentions', () => {
    expect(rows.map((r) => r.entity.id).sort()).toEqual(['baghdad', 'mike-pompeo', 'qais-al-khazali']);
  });

  it('sorts by count, then by name', () => {
    const [flat] = groupRows(rows, 'count');
    expect(flat?.type).toBeNull();
    expect(flat?.rows.map((r) => r.entity.name)).toEqual(['Baghdad', 'Mike Pompeo', 'Qais al-Khazali']);
  });

  it('groups by type in a fixed order, leaving out empty groups', () => {
    const groups = groupRows(rows, 'type');
    expect(groups.map((g) => g.type)).toEqual(['person', 'place']);
    expect(groups[0]?.rows.map((r) => r.entity.id)).toEqual(['mike-pompeo', 'qais-al-khazali']);
  });

  it('filters by alias', () => {
    expect(index.filter(index.allRows(), 'hizballah').map((r) => r.entity.id)).toEqual(['kataib-hezbollah']);
    expect(index.filter(index.allRows(), '  ')).toHaveLength(4);
  });
});

describe('page kinds', () => {
  it.each([
    ['chrome://extensions/', 'browser'],
    ['about:blank', 'browser'],
    ['about:addons', 'browser'],
    ['edge://settings', 'browser'],
    ['view-source:https://a.com/', 'browser'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['https://chrome.google.com/webstore/detail/x', 'store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'store'],
    ['https://example.org/report.PDF', 'pdf'],
    ['file:///home/me/a.pdf', 'pdf'],
    ['file:///home/me/a.html', 'file'],
    ['moz-extension://uuid/popup.html', 'extension'],
    ['https://www.bbc.com/news', 'web'],
  ])('%s is %s', (url, kind) => {
    expect(pageKindOf(url)).toBe(kind);
  });

  it('knows nothing without a URL', () => {
    expect(pageKindOf(undefined)).toBeNull();
    expect(pageKindOf('not a url')).toBeNull();
  });
});

describe('routes', () => {
  it('reads the popup test hook and the entity deep link', () => {
    expect(parsePopupParams('?tab=42')).toEqual({ tabId: 42, entityId: null });
    expect(parsePopupParams('?entity=qais-al-khazali')).toEqual({ tabId: null, entityId: 'qais-al-khazali' });
    expect(parsePopupParams('?tab=x')).toEqual({ tabId: null, entityId: null });
  });

  it('round-trips an article passage', () => {
    const path = articlePath({ articleId: '001_abc', start: 10, end: 17 });
    expect(path).toBe('/article.html?id=001_abc#10-17');
    const url = new URL(path, 'https://x');
    expect(parseArticleLocation(url.search, url.hash)).toEqual({ articleId: '001_abc', start: 10, end: 17 });
    expect(parseArticleLocation('?id=a', '#9-3')).toEqual({ articleId: 'a' });
    expect(parseArticleLocation('', '#1-2')).toBeNull();
  });
});

describe('sources', () => {
  it('formats dates without time-zone shifts and says "undated"', () => {
    expect(formatArticleDate('2020-01-03')).toBe('3 January 2020');
    expect(formatArticleDate('2019-12')).toBe('December 2019');
    expect(formatArticleDate(null)).toBe('undated');
  });
});

describe('resume', () => {
  it('finds the paused entries that cover a host, subdomains included', () => {
    expect(sitesCovering(['example.com', 'other.org', 'news.example.com'], 'www.news.example.com')).toEqual([
      'example.com',
      'news.example.com',
    ]);
    expect(sitesCovering(['ample.com'], 'example.com')).toEqual([]);
  });
});

describe('badge', () => {
  it('counts distinct entities with mentions and shows nothing when paused or empty', () => {
    expect(badgeText(summary({ a: 3, b: 1, c: 0 }))).toBe('2');
    expect(badgeText(summary({ a: 3 }, { paused: 'site' }))).toBe('');
    expect(badgeText(summary({}))).toBe('');
    expect(badgeText(null)).toBe('');
  });
});

describe('recently seen order', () => {
  it('puts the last seen first and the never seen after, by name', () => {
    const row = (id: string, name: string) => ({
      entity: { id, name, type: 'person' as const, descriptor: '', note: { text: '', citations: [] }, aliases: [] },
      count: null,
    });
    const [group] = recentRows(
      [row('a', 'Alpha'), row('b', 'Beta'), row('c', 'Gamma'), row('d', 'Delta')],
      new Map([
        ['c', 5],
        ['b', 9],
      ]),
    );
    expect(group?.rows.map((r) => r.entity.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});

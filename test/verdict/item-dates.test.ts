// Items their list shows undated take the date their own page shows; nothing else changes.
import { describe, expect, it } from 'vitest';
import type { ArticleArtifact, ListArtifact } from '../../src/model/artifacts.js';
import { datesFromArticles } from '../../src/verdict/reread/item-dates.js';

const list = (items: ListArtifact['items']): ListArtifact => ({
  kind: 'homepage-block',
  name: '本地要闻',
  url: 'http://www.lx.gov.cn/',
  level: null,
  source: 'homepage',
  state: 'items',
  stateReason: null,
  items,
  pagesRead: 1,
  moreUrl: null,
});
const art = (url: string, published: string | null): ArticleArtifact => ({ url, title: null, published, docNumbers: [] });

describe('datesFromArticles', () => {
  it('a page whose date is in its markup but was not read proves nothing: the item stays unread', () => {
    const [got] = datesFromArticles(
      [list([{ title: '甲', url: 'http://www.lx.gov.cn/a.html', dateText: null, date: null }])],
      [{ ...art('http://www.lx.gov.cn/a.html', null), dateUnread: true }],
    );
    expect(got!.items[0]).toEqual({ title: '甲', url: 'http://www.lx.gov.cn/a.html', dateText: null, date: null });
  });

  it('fills undated items from their pages, marks pages read without a date, leaves the rest', () => {
    const [got] = datesFromArticles(
      [
        list([
          { title: '甲', url: 'http://www.lx.gov.cn/show.asp?id=3', dateText: null, date: null },
          { title: '乙', url: 'http://www.lx.gov.cn/show.asp?id=2', dateText: null, date: null },
          { title: '丙', url: 'http://www.lx.gov.cn/show.asp?id=1', dateText: null, date: null },
          { title: '丁', url: 'http://www.lx.gov.cn/d.html', dateText: '2026-11-01', date: '2026-11-01' },
        ]),
      ],
      [
        art('http://www.lx.gov.cn/show.asp?id=3', '2026-11-28'),
        art('http://www.lx.gov.cn/show.asp?id=2', null),
        art('http://www.lx.gov.cn/d.html', '2026-10-01'),
      ],
    );
    expect(got!.items).toEqual([
      {
        title: '甲',
        url: 'http://www.lx.gov.cn/show.asp?id=3',
        dateText: null,
        date: '2026-11-28',
        dateFrom: 'article',
        articleRead: true,
      },
      { title: '乙', url: 'http://www.lx.gov.cn/show.asp?id=2', dateText: null, date: null, articleRead: true },
      { title: '丙', url: 'http://www.lx.gov.cn/show.asp?id=1', dateText: null, date: null },
      // The list's own date stands: a page's date never overrides what the list shows.
      { title: '丁', url: 'http://www.lx.gov.cn/d.html', dateText: '2026-11-01', date: '2026-11-01' },
    ]);
  });
});

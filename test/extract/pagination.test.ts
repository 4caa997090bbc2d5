import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/page.js';

const page = (body: string, url = 'http://www.x.gov.cn/zwgk/tzgg/index.html') =>
  readHtml(`<html><body>${body}</body></html>`, { url, atDay: '2026-12-01' }).nextPage;

describe('next list page', () => {
  it.each([
    ['TRS literal', '<script>createPageHTML(5, 0, "index", "html");</script>', 'http://www.x.gov.cn/zwgk/tzgg/index_1.html'],
    [
      'TRS variables',
      '<script>var currentPage = 2;var countPage = 4\ncreatePageHTML(countPage, currentPage, "index", "shtml");</script>',
      'http://www.x.gov.cn/zwgk/tzgg/index_3.shtml',
    ],
    [
      'a 下一页 link',
      '<div class="page"><a href="?page=1">首页</a> <a href="list.html?page=2">下一页</a></div>',
      'http://www.x.gov.cn/zwgk/tzgg/list.html?page=2',
    ],
  ])('%s', (_n, body, next) => {
    expect(page(body)).toBe(next);
  });

  it.each([
    ['the last TRS page', '<script>createPageHTML(4, 3, "index", "html");</script>'],
    ['a 下一页 to the same page', '<a href="index.html">下一页</a>'],
    ['a 下一页 to another site', '<a href="http://other.gov.cn/list_2.html">下一页</a>'],
    ['unknown variables', '<script>createPageHTML(n, c, "index", "html");</script>'],
  ])('none on %s', (_n, body) => {
    expect(page(body)).toBeNull();
  });
});

describe('article or column address', async () => {
  const { looksLikeArticle } = await import('../../src/extract/links.js');
  it.each([
    ['http://x.gov.cn/zwgk/tzgg/202611/t20261120_11873421.html', true],
    ['http://x.gov.cn/art/2026/11/20/art_1229_58721.html', true],
    ['http://x.gov.cn/shownews.asp?id=3380&classid=1', true],
    ['http://x.gov.cn/html/2026/1120/123.html', true],
    ['http://x.gov.cn/col/col2049/index.html', false],
    ['http://x.gov.cn/zwgk/tzgg/', false],
    ['http://x.gov.cn/zwgk/tzgg/index_1.html', false],
    ['http://x.gov.cn/news.asp?classid=1', false],
  ])('%s → %s', (url, article) => {
    expect(looksLikeArticle(url)).toBe(article);
  });
});

import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/page.js';

const page = (body: string, url = 'http://www.x.gov.cn/zwgk/tzgg/index.html') => readHtml(`<html><body>${body}</body></html>`, { url, atDay: '2026-12-01' }).nextPage;

describe('next list page', () => {
  it.each([
    ['TRS literal', '<script>createPageHTML(5, 0, "index", "html");</script>', 'http://www.x.gov.cn/zwgk/tzgg/index_1.html'],
    ['TRS variables', '<script>var currentPage = 2;var countPage = 4\ncreatePageHTML(countPage, currentPage, "index", "shtml");</script>', 'http://www.x.gov.cn/zwgk/tzgg/index_3.shtml'],
    ['a 下一页 link', '<div class="page"><a href="?page=1">首页</a> <a href="list.html?page=2">下一页</a></div>', 'http://www.x.gov.cn/zwgk/tzgg/list.html?page=2'],
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

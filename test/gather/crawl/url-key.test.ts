import { describe, expect, it } from 'vitest';
import { urlKey } from '../../../src/gather/crawl/url-key.js';

describe('urlKey', () => {
  it.each([
    ['http://x.gov.cn/tzgg/index.html', 'http://x.gov.cn/tzgg/'],
    ['http://x.gov.cn/tzgg/index.html?sid=abc', 'http://x.gov.cn/tzgg/'],
    ['http://x.gov.cn/tzgg/;jsessionid=A1B2', 'http://x.gov.cn/tzgg/'],
    ['http://x.gov.cn/tzgg/?_t=1700000000#top', 'http://x.gov.cn/tzgg/'],
    ['http://x.gov.cn/list.jsp?page=2&cat=5', 'http://x.gov.cn/list.jsp?cat=5&page=2'],
  ])('%s is the page %s', (url, key) => {
    expect(urlKey(url)).toBe(key);
  });

  it('an index page with a real query is a page of its own', () => {
    expect(urlKey('http://x.gov.cn/info/index.jsp?id=3')).toBe('http://x.gov.cn/info/index.jsp?id=3');
    expect(urlKey('http://x.gov.cn/info/index.jsp?id=3&sid=x')).toBe('http://x.gov.cn/info/index.jsp?id=3');
  });
});

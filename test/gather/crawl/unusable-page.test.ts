// Which fetched pages are parsed, and what the walk is told of the others: one line a case.
import { describe, expect, it } from 'vitest';
import { whyUnusable } from '../../../src/gather/crawl/unusable-page.js';
import type { FetchedPage } from '../../../src/store/pages.js';

const page = (body: Buffer | null, error: string | null = null): FetchedPage => ({
  url: 'http://www.example.gov.cn/',
  finalUrl: null,
  kind: 'homepage',
  status: error ? null : 200,
  contentType: 'text/html',
  encoding: null,
  fetchedAt: '2026-12-01T02:00:00.000Z',
  body,
  error,
});

const HTML = Buffer.from('<html><body><a href="/tzgg/">通知公告</a></body></html>');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('whyUnusable', () => {
  const cases: Array<[string, FetchedPage, string | null]> = [
    ['a page of HTML is parsed', page(HTML), null],
    ['an empty body is parsed (it may be a page with nothing on it)', page(Buffer.alloc(0)), null],
    ['a fetch error is passed on as it is', page(null, '连接超时'), '连接超时'],
    ['a fetch error wins over the body it came with', page(PNG, '内容过大'), '内容过大'],
    ['no body and no error: nothing answered', page(null), '无响应内容'],
    ['an image served as a page is named', page(PNG), '不是网页：内容是PNG'],
  ];
  it.each(cases)('%s', (_, p, why) => {
    expect(whyUnusable(p)).toBe(why);
  });
});

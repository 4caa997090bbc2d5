// A link whose text or address holds a NUL is stored and read back without it, on either store
// (PostgreSQL's jsonb refuses U+0000; SQLite would keep it).
import { afterAll, expect, it } from 'vitest';
import { linksOfSite, saveLinks } from '../../src/store/links.js';
import { harness, siteRow } from '../helpers/store.js';

const h = harness('2026-12-01T10:00:00+08:00');
afterAll(() => h.close());

it('drops U+0000 from link text and targets, and keeps the rest', () => {
  h.register([siteRow('s1', 'http://a.gov.cn/')]);
  saveLinks(h.db, h.check.id, 's1', 'http://a.gov.cn/', true, [
    { target: 'http://a.gov.cn/x\u0000.html', tag: 'a', text: '通知\u0000公告' },
    { target: 'http://a.gov.cn/y.html', tag: 'a', text: null },
  ]);
  const links = linksOfSite(h.db, h.check.id, 's1').map((l) => [l.target, l.text]);
  expect(links).toEqual([
    ['http://a.gov.cn/x.html', '通知公告'],
    ['http://a.gov.cn/y.html', null],
  ]);
});

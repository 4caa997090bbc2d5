// Parking pages and what a taken-over domain shows, read from saved landers (test/extract/target-pages/),
// both ways: each lander is told by what gives it away, and the near misses (a news portal with 彩票 in
// its headlines and a story on 域名出售, a company that thanks its host) are not parking pages.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTargetPage } from '../../src/extract/target-page.js';

const saved = (name: string) => readFileSync(new URL(`./target-pages/${name}.html`, import.meta.url));
const HTML = 'text/html; charset=utf-8';

describe('readTargetPage: parking pages', () => {
  it.each([
    ['sedo-parked', 'http://jiankang-old.com/', { kind: 'for-sale', where: 'page', marker: 'The domain jiankang-old.com may be for sale' }],
    ['dan-for-sale', 'http://oldsite.com/', { kind: 'for-sale', where: 'title', marker: 'oldsite.com is for sale' }],
    ['dan-for-sale', 'https://dan.com/buy-domain/oldsite.com', { kind: 'for-sale', where: 'redirect', marker: 'dan.com' }],
    ['godaddy-lander', 'http://xinxi-old.net/', { kind: 'parked', where: 'markup', marker: 'img1.wsimg.com/parking-lander' }],
    ['godaddy-classic', 'http://lvyou-old.org/', { kind: 'parked', where: 'page', marker: 'parked for FREE, courtesy of' }],
    ['cn-for-sale', 'http://nongye-old.cn/', { kind: 'for-sale', where: 'title', marker: '该域名正在出售' }],
    ['cn-juming', 'http://jiaoyu-old.com.cn/', { kind: 'for-sale', where: 'page', marker: '本域名出售' }],
    ['cn-expired', 'http://wenhua-old.cn/', { kind: 'expired', where: 'page', marker: '该域名已过期' }],
    ['cn-redirect-4cn', 'http://tiyu-old.cn/', { kind: 'for-sale', where: 'markup', marker: 'www.4.cn/' }],
  ])('%s (ending at %s) is a parking page', (name, finalUrl, parked) => {
    expect(readTargetPage(saved(name), HTML, finalUrl).parked).toEqual(parked);
  });

  it('wording of any domain counts on a short page, outside its links', () => {
    const lander =
      '<html><head><title>nongye-old.cn</title></head><body><h2>nongye-old.cn</h2><p>域名出售，联系QQ 123456</p></body></html>';
    expect(readTargetPage(Buffer.from(lander), HTML, 'http://nongye-old.cn/').parked).toEqual({
      kind: 'for-sale',
      where: 'page',
      marker: '域名出售',
    });
  });

  it('reads a GBK lander declared only in its meta', () => {
    const gbk = iconv.encode(saved('cn-for-sale').toString('utf8').replace('charset="utf-8"', 'charset="gbk"'), 'gbk');
    expect(readTargetPage(gbk, 'text/html', 'http://nongye-old.cn/').parked).toMatchObject({ kind: 'for-sale', where: 'title' });
  });

  it.each([
    ['news-portal', 'a long news homepage: 彩票 in headlines, a story on 域名出售'],
    ['company-footer', 'a company site with a 域名转让 menu item and a link to its host GoDaddy'],
    ['gambling-new-owner', 'a gambling site on a lapsed domain: taken over, not parked'],
  ])('near miss: %s (%s) is no parking page', (name) => {
    expect(readTargetPage(saved(name), HTML, `http://www.${name}.com/`).parked).toBeNull();
  });

  it('near miss: a story that says "the domain is for sale" deep in a long page is no parking page', () => {
    const story = `<html><head><title>某地破获域名诈骗案</title></head><body><h1>某地破获域名诈骗案</h1><p>${'警方介绍，嫌疑人以高价回收为名实施诈骗。'.repeat(80)}受害人称：“对方说该域名正在出售。”</p></body></html>`;
    expect(readTargetPage(Buffer.from(story), HTML, 'http://news.example.com/a.html').parked).toBeNull();
  });
});

describe('readTargetPage: the gist a person reads', () => {
  it('keeps the title, the description with the keywords, and the first words', () => {
    const page = readTargetPage(saved('gambling-new-owner'), HTML, 'http://lapsed.example.com/');
    expect(page.title).toBe('澳门葡京娱乐城-真人娱乐-百家乐-体育投注官网');
    expect(page.description).toContain('注册送彩金');
    expect(page.description).toContain('真人视讯');
    expect(page.text).toMatch(/^首页 ?真人娱乐/);
  });

  it('keeps no more than the first thousand characters of a long page', () => {
    const page = readTargetPage(saved('news-portal'), HTML, 'http://www.news-portal.com/');
    expect(page.text.length).toBeLessThanOrEqual(1000);
    expect(page.text).toContain('全国福利彩票发行三十周年');
  });
});

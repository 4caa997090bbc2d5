import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { notFoundMessage } from '../../src/extract/soft-404.js';

const page = (html: string) => notFoundMessage(Buffer.from(html), 'text/html; charset=utf-8');
const article = (footer: string) =>
  `<html><head><title>关于做好2026年冬季防火工作的通知</title></head><body><h1>关于做好2026年冬季防火工作的通知</h1>
  <div class="content">${'各乡镇人民政府，县直各单位：为切实做好冬季森林防火工作，现将有关事项通知如下。'.repeat(12)}</div>
  <div class="footer">${footer}</div></body></html>`;

describe('notFoundMessage', () => {
  it.each([
    ['a title', '<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>', '404 Not Found'],
    [
      'a CMS heading',
      '<html><head><title>某某市人民政府</title></head><body><h2>对不起，您访问的页面不存在！</h2></body></html>',
      '您访问的页面不存在',
    ],
    ['a deleted article', '<html><body><div>该信息已删除或不存在</div><a href="/">返回首页</a></body></html>', '信息已删除'],
    ['a short page', '<html><body><p>抱歉，找不到您要访问的页面，请检查网址。</p></body></html>', '找不到您要访问的页面'],
    ['a title ending in 404', '<html><head><title>某某县人民政府 - 404</title></head><body></body></html>', '404'],
  ])('reads the message in %s', (_name, html, word) => {
    expect(page(html)).toBe(word);
  });

  it('reads GBK pages', () => {
    const gbk = iconv.encode('<html><head><meta charset="gbk"><title>页面不存在</title></head><body></body></html>', 'gbk');
    expect(notFoundMessage(gbk, 'text/html')).toBe('页面不存在');
  });

  it.each([
    ['a long article whose footer mentions missing pages', article('如发现页面不存在、链接错误等问题，请联系网站管理员。')],
    ['an article about document No. 404', article('').replace('防火工作的通知</title>', '防火工作的通知（第404号）</title>')],
    ['a real page with nothing of the kind', article('主办单位：某某县人民政府办公室')],
  ])('stays silent on %s', (_name, html) => {
    expect(page(html)).toBeNull();
  });
});

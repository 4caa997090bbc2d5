// The homepage's identity at judging time: completed from the footer script or fragment the crawl
// stored, and marked unread when an item is missing and that include was never read.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { StoredBody } from '../../src/store/page-bodies.js';
import { readSiteContent } from '../../src/verdict/reread/site-content.js';

const HOME = 'http://www.qs.gov.cn/';
const html = (body: string): Buffer =>
  Buffer.from(`<html><head><title>青石县人民政府</title><script src="/js/footer.js"></script></head><body>${body}</body></html>`);
const homepage = (body: string): StoredBody => ({
  url: HOME,
  finalUrl: HOME,
  kind: 'homepage',
  contentType: 'text/html; charset=utf-8',
  body: html(body),
});
const footer = (js: string): StoredBody => ({
  url: `${HOME}js/footer.js`,
  finalUrl: `${HOME}js/footer.js`,
  kind: 'footer',
  contentType: 'application/javascript',
  body: Buffer.from(js),
});
const JS = `document.write('<p>网站标识码：4305240001　<a href="https://beian.miit.gov.cn/">湘ICP备05001234号-1</a>　湘公网安备 43052402000123号</p>');`;

describe('footer at judging time', () => {
  it('items the page lacks are read from its footer script', () => {
    const { identity } = readSiteContent([footer(JS), homepage('<div id="footer"></div>')], '2026-12-01');
    expect(identity).toMatchObject({
      siteCode: '4305240001',
      icp: '湘ICP备05001234号-1',
      police: '湘公网安备 43052402000123号',
      footer: 'include',
      footerUrl: `${HOME}js/footer.js`,
    });
  });

  it('an include that was never stored leaves the footer unread, with the reason', () => {
    const { identity } = readSiteContent([homepage('<div id="footer"></div>')], '2026-12-01');
    expect(identity).toMatchObject({ siteCode: null, footer: 'unread' });
    expect(identity!.footerReason).toContain('footer.js');
  });

  it('a footer script over the size cap is skipped with a reason', () => {
    const { identity } = readSiteContent([footer(`${JS}\n//${'x'.repeat(300 * 1024)}`), homepage('')], '2026-12-01');
    expect(identity).toMatchObject({ footer: 'unread' });
    expect(identity!.footerReason).toContain('KB');
  });

  it('a gb2312 site’s footer.js in GBK, with no charset said, is read as the page would be', () => {
    const gbk = { ...footer(''), contentType: 'application/javascript', body: iconv.encode(JS, 'gbk') };
    expect(readSiteContent([gbk, homepage('')], '2026-12-01').identity).toMatchObject({ icp: '湘ICP备05001234号-1', footer: 'include' });
  });

  it('a footer written through a variable or with a computed year is read from its string literals', () => {
    const viaVariable = `var s = '<p>网站标识码：4305240001 湘ICP备05001234号-1 湘公网安备 43052402000123号</p>'; $("#footer").html(s);`;
    expect(readSiteContent([footer(viaVariable), homepage('')], '2026-12-01').identity).toMatchObject({
      police: '湘公网安备 43052402000123号',
      footer: 'include',
    });
    const withYear = `document.write('Copyright 2010-' + new Date().getFullYear() + ' 网站标识码：4305240001 湘ICP备05001234号-1 湘公网安备 43052402000123号');`;
    expect(readSiteContent([footer(withYear), homepage('')], '2026-12-01').identity).toMatchObject({
      police: '湘公网安备 43052402000123号',
      footer: 'include',
    });
  });

  it('a footer script that names a record it could not be read for leaves the footer unread', () => {
    const computed = `var n = ['43052402', '000123'].join(''); document.write('网站标识码：4305240001 湘ICP备05001234号-1 湘公网安备 ' + n + '号');`;
    const { identity } = readSiteContent([footer(computed), homepage('')], '2026-12-01');
    expect(identity).toMatchObject({ police: null, footer: 'unread' });
  });

  it('near miss: a page that shows every item itself is read from the page, whatever it includes', () => {
    const { identity } = readSiteContent(
      [homepage('<p>网站标识码：4305240001 湘ICP备05001234号 湘公网安备 43052402000123号</p>')],
      '2026-12-01',
    );
    expect(identity).toMatchObject({ siteCode: '4305240001', footer: 'page' });
  });
});

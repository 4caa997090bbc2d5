// Footers a page does not hold as served: written by a static script, loaded from a fixed fragment,
// or shown only in an image's alt text, in the forms CMS templates write them.
import { describe, expect, it } from 'vitest';
import { footerIdentity, footerIncludes, writtenHtml } from '../../src/extract/footer.js';
import { readHtml } from '../../src/extract/page.js';

const BASE = 'http://www.qs.gov.cn/';
const FOOTER_JS = `document.write('<div class="footer"><p>主办单位：青石县人民政府办公室</p>');
document.write('<p>网站标识码：4305240001 ' + '<a href="https://beian.miit.gov.cn/" target="_blank">湘ICP备05001234号-1</a></p>');
document.writeln("<p><img src=\\"/images/ga.png\\">湘公网安备 43052402000123号</p></div>");`;

describe('footer includes', () => {
  it('finds footer scripts and fragments on the site, not libraries or other hosts', () => {
    const scripts = [
      { src: '/js/jquery-1.12.4.min.js', text: '' },
      { src: '/js/footer.js', text: '' },
      { src: 'http://cdn.other.cn/js/footer.js', text: '' },
      { src: null, text: '$(function(){ $("#bottom").load("/include/bottom.html"); $("#list").load("/api/list"); });' },
      { src: '/images/bq.js?v=2', text: '' },
    ];
    expect(footerIncludes(scripts, BASE)).toEqual([`${BASE}js/footer.js`, `${BASE}include/bottom.html`, `${BASE}images/bq.js?v=2`]);
  });

  it('reads what document.write writes, string literals joined and unescaped', () => {
    expect(writtenHtml(FOOTER_JS)).toContain('<p><img src="/images/ga.png">湘公网安备 43052402000123号</p></div>');
    expect(footerIdentity(FOOTER_JS, true)).toEqual({
      siteCode: '4305240001',
      icp: '湘ICP备05001234号-1',
      police: '湘公网安备 43052402000123号',
      mentions: true,
    });
  });

  it('a fragment is read as HTML', () => {
    expect(footerIdentity('<p>网站标识码bm01000001</p><p>京ICP备19054529号</p>', false)).toMatchObject({
      siteCode: 'bm01000001',
      icp: '京ICP备19054529号',
    });
  });

  it('a page: items in an image alt and in an inline document.write count as shown', () => {
    const read = readHtml(
      `<html><head><title>青石县人民政府</title></head><body><div class="foot"><img src="/ga.png" alt="湘公网安备 43052402000123号"><script>document.write('网站标识码：4305240001');</script></div></body></html>`,
      { url: BASE, atDay: '2026-12-01' },
      'content',
    );
    expect(read.identity).toEqual({ siteCode: '4305240001', icp: null, police: '湘公网安备 43052402000123号' });
  });

  it('near miss: a script that writes no footer yields nothing', () => {
    expect(footerIdentity('var a = 1; document.write(a + "");', true)).toEqual({
      siteCode: null,
      icp: null,
      police: null,
      mentions: false,
    });
  });
});

// parsePage finds in one walk what cheerio's selectors found (the reads were built on those): the same
// <base href>, scripts, title and root, on every saved page and on markup real CMSs produce by accident.
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/extract/decode.js';
import { parsePage } from '../../src/extract/document.js';
import { textOf } from '../../src/extract/dom.js';

/** What the page reader took from cheerio before parsePage. */
function viaCheerio(html: string) {
  const $ = load(html, {
    xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  });
  const baseHref = $('base[href]').attr('href') ?? null;
  const scripts = $('script')
    .toArray()
    .map((s) => ({ type: s.attribs.type ?? null, src: s.attribs.src || null, text: $(s).text() }));
  const title = $('title').first().text().replace(/\s+/g, ' ').trim() || null;
  $('script, style, noscript, template').remove();
  const root = ($('body').get(0) ?? $.root().children().get(0)) as Element | undefined;
  return { baseHref, scripts, title, root: root ? { name: root.name, text: textOf(root) } : null };
}

function viaParsePage(html: string) {
  const p = parsePage(html);
  return { baseHref: p.baseHref, scripts: p.scripts, title: p.title, root: p.root ? { name: p.root.name, text: textOf(p.root) } : null };
}

const DIR = new URL('./pages/', import.meta.url);
const saved = readdirSync(DIR).filter((f) => /\.html?$/.test(f));

const ODD: Record<string, string> = {
  'no body': '<title>t</title><div>正文</div>',
  'text only': '只有文字，没有标签',
  empty: '',
  'comment only': '<!-- 空 -->',
  'base without href first':
    '<head><base target="_blank"><base href="/sub/"><base href="/other/"></head><body><a href="x.html">x</a></body>',
  'empty base href': '<head><base href=""></head><body>b</body>',
  'two titles, svg first': '<body><svg><title>图标</title></svg><title>第二</title></body>',
  'title with spaces': '<title>\n  某某市  人民政府\n门户网站 </title><body>x</body>',
  'script in template': '<body><template><script src="/t.js">var a=1</script></template><p>正文</p></body>',
  'nested body': '<body><div><body><p>内</p></body></div><p>外</p></body>',
  'script before html': '<script>var x = "<div>"</script><html><body>正文</body></html>',
  'noscript and style': '<body><noscript>请开启脚本</noscript><style>p{}</style><p>正文</p></body>',
  'uppercase tags': '<HTML><HEAD><TITLE>大写</TITLE><SCRIPT TYPE="text/xml">&lt;a&gt;</SCRIPT></HEAD><BODY><P>正文</P></BODY></HTML>',
  'empty src': '<script src="">x</script><script src="/a.js"></script><body>b</body>',
  'unclosed script': '<body><p>前</p><script>document.write("<p>")',
  cdata: '<body><script><![CDATA[ var a = 1; ]]></script><p>x</p></body>',
};

describe('parsePage', () => {
  it('has saved pages to compare on', () => {
    expect(saved.length).toBeGreaterThan(20);
  });

  it.each(saved)('%s: as cheerio read it', (f) => {
    const html = decodeHtml(readFileSync(new URL(f, DIR)), null).text;
    expect(viaParsePage(html)).toEqual(viaCheerio(html));
  });

  it.each(Object.entries(ODD))('%s: as cheerio read it', (_name, html) => {
    expect(viaParsePage(html)).toEqual(viaCheerio(html));
  });

  it('drops scripts, styles, noscript and templates from the tree it returns', () => {
    const { root } = parsePage(
      '<body><script>var a</script><style>p{}</style><noscript>开启</noscript><template><p>模板</p></template><p>正文</p></body>',
    );
    expect(textOf(root!)).toBe('正文');
  });
});

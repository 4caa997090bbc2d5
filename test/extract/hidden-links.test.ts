import { describe, expect, it } from 'vitest';
import { hiddenLinks, hidingIn } from '../../src/extract/hidden-links.js';
import { parsePage } from '../../src/extract/document.js';

const read = (html: string) => {
  const p = parsePage(html);
  return hiddenLinks(
    p.root!,
    p.styles,
    p.scripts.map((s) => s.text),
    'http://www.example.gov.cn/',
  );
};
const page = (body: string, head = '') => `<html><head>${head}</head><body>${body}</body></html>`;

describe('hidingIn', () => {
  it.each([
    ['display: none', 'display:none'],
    ['VISIBILITY:hidden', 'visibility:hidden'],
    ['font-size:0px', 'font-size:0'],
    ['position:absolute; left:-9999px', 'left:-9999px（移出屏幕）'],
    ['text-indent:-10000px', 'text-indent:-10000px（移出屏幕）'],
    ['height:0;overflow:hidden', '尺寸为0且溢出隐藏'],
    ['opacity:0', 'opacity:0'],
  ])('%s hides', (style, how) => {
    expect(hidingIn(style)).toBe(how);
  });

  it.each(['display:block', 'font-size:0.9em', 'left:-20px;position:relative', 'height:0', 'opacity:0.8', 'margin-left:-10px'])(
    '%s does not',
    (style) => {
      expect(hidingIn(style)).toBeNull();
    },
  );
});

describe('hiddenLinks', () => {
  it('finds links hidden on themselves, by a container, by a class or id of the page’s style sheet', () => {
    const found = read(
      page(
        `<div style="display:none"><a href="http://a.example.com/">甲</a></div>
         <a href="http://b.example.com/" style="position:absolute;top:-1000px">乙</a>
         <p class="seo"><a href="http://c.example.com/">丙</a></p>
         <div id="hd"><span><a href="http://d.example.com/">丁</a></span></div>
         <a hidden href="http://e.example.com/">戊</a>`,
        '<style>.seo{display:none} #hd { visibility : hidden }</style>',
      ),
    );
    expect(found.map((l) => [l.target, l.how])).toEqual([
      ['http://a.example.com/', 'display:none（所在元素 <div>）'],
      ['http://b.example.com/', 'top:-1000px（移出屏幕）'],
      ['http://c.example.com/', 'display:none（样式 .seo）'],
      ['http://d.example.com/', 'visibility:hidden（样式 #hd）'],
      ['http://e.example.com/', 'hidden 属性'],
    ]);
    expect(found[0]!.markup).toBe('<a href="http://a.example.com/">甲</a>');
  });

  it('finds text the colour of its background, and links a script writes', () => {
    const found = read(
      page(
        `<div style="background:#FFF"><a href="http://f.example.com/" style="color:#fff">己</a></div>
         <script>document.write('<a href="http://g.example.com/">庚</a>')</script>`,
      ),
    );
    expect(found.map((l) => [l.target, l.how])).toEqual([
      ['http://f.example.com/', '文字颜色与背景相同（#ffffff）'],
      ['http://g.example.com/', '由脚本写入页面'],
    ]);
  });

  it('near misses: shown links, a coloured link on another background, a script with no link', () => {
    const found = read(
      page(
        `<div style="background:#003366"><a href="http://h.example.com/" style="color:#fff">辛</a></div>
         <div class="nav"><a href="http://i.example.com/">壬</a></div>
         <script>var x = '<div>' + y + '</div>'; el.innerHTML = x;</script>`,
        '<style>.nav li ul{display:none} .nav{color:red}</style>',
      ),
    );
    expect(found).toEqual([]);
  });
});

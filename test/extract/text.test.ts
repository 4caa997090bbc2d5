// Page text for the content checks, on saved pages of one TRS site: each page's own text, the
// template's text once, and the article's headline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/extract/page.js';
import { splitBoilerplate } from '../../src/extract/text.js';

const dir = new URL('./pages/', import.meta.url);
const read = (file: string, contentType: string | null = 'text/html') =>
  readPage(readFileSync(new URL(file, dir)), { url: `http://www.xiangyuan.gov.cn/${file}`, contentType, atDay: '2026-12-01' });
const SITE = ['trs-homepage.html', 'trs-column-list.html', 'trs-column-placeholder.html', 'trs-article.html'];

describe('text blocks', () => {
  it('keeps each paragraph of an article whole and apart from the next', () => {
    const blocks = read('trs-article.html').blocks;
    expect(blocks).toContain('特此通告。');
    expect(blocks.find((b) => b.startsWith('因湘源大道'))).toMatch(/现将有关事项通告如下：$/);
    // Menus are blocks of their own, never glued onto a sentence.
    expect(blocks).toContain('政务公开');
    expect(blocks.some((b) => b.includes('政务公开') && b.includes('通告如下'))).toBe(false);
  });

  it('leaves out controls: the 友情链接 select options are not text', () => {
    const blocks = read('trs-homepage.html').blocks.join('\n');
    expect(blocks).toContain('友情链接');
    expect(blocks).not.toMatch(/--国家部委网站--|国家部委网站--/);
  });
});

describe('the template across a site’s pages', () => {
  const pages = SITE.map((f) => ({ url: f, blocks: read(f).blocks }));
  const split = splitBoilerplate(pages);

  it('reads the footer and the menus once, as the template', () => {
    expect(split.shared.blocks).toContain('网站标识码：4301000001 湘ICP备05001234号-1 湘公网安备 43010202000123号');
    expect(split.shared.blocks).toContain('要闻动态');
    expect(split.shared.url).toBe('trs-homepage.html');
    for (const p of split.pages) expect(p.blocks).not.toContain('要闻动态');
  });

  it('keeps what only the article says with the article', () => {
    const own = split.pages.find((p) => p.url === 'trs-article.html')!.blocks;
    expect(own).toContain('特此通告。');
    expect(own.some((b) => b.startsWith('二、管制路段'))).toBe(true);
    expect(split.shared.blocks).not.toContain('特此通告。');
  });

  it('needs at least three pages to call anything the template', () => {
    const two = splitBoilerplate(pages.slice(0, 2));
    expect(two.shared.blocks).toEqual([]);
    expect(two.pages[0]!.blocks).toEqual(pages[0]!.blocks);
  });
});

describe('headline', () => {
  it('is the headline block the <title> names, without the column and site suffixes', () => {
    expect(read('trs-article.html').headline).toBe('关于湘源大道部分路段施工期间交通管制的通告');
    expect(read('handmade-article-gb18030.html', null).headline).toBe('关于拟推荐欧阳𬀩等5户家庭为2026年度县级“最美家庭”的公示');
    expect(read('hanweb-article.html').headline).toBe('湘源市教育局关于印发《湘源市中小学校课后服务管理办法》的通知');
  });
});

// The column walk of one site, fed pages by hand (no network): what the homepage leads to, how far a
// column is paged, the bounds that stop it, one request per page however it is spelled, and how a
// failure or a stop shows in the result. Pages are read from small HTML strings by the real extractor.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../src/extract/page.js';
import { SiteWalk, type WalkLimits, type WalkRequest } from '../../../src/gather/crawl/site-walk.js';

const HOME = 'http://www.x.gov.cn/';
const AT_DAY = '2026-12-01';
const LIMITS: WalkLimits = {
  maxPages: 200,
  maxColumns: 20,
  maxListPages: 10,
  maxDepth: 6,
  articlesPerColumn: 0,
  undatedArticles: 0,
  pageUntil: '2026-06-01',
  maxBoardPages: 3,
  maxLetterPages: 2,
};

const NAV = `<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xwdt/">新闻动态</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>`;
const page = (body: string, nav = NAV) => `<html><head><title>某市人民政府</title></head><body>${nav}${body}</body></html>`;

let serial = 0;
/** A dated list: one row a day, each linking to an article under `dir`. */
const list = (dir: string, days: string[]) => rows(days.map((d) => [`/${dir}/t${d.replaceAll('-', '')}_${++serial}.html`, d]));
/** A dated list of the given [href, day] rows. */
function rows(items: [string, string][]): string {
  const lis = items.map(([href, d], i) => `<li><a href="${href}">关于做好第${i + 1}项重点工作的通知和相关安排</a><span>${d}</span></li>`);
  return `<ul class="list">${lis.join('')}</ul>`;
}

/** A column's list page: breadcrumb, an optional side menu, its list and an optional 下一页 link. */
function column(name: string, body: string, opts: { next?: string; sub?: [string, string][] } = {}): string {
  const sub = opts.sub ? `<div class="left">${opts.sub.map(([t, u]) => `<a href="${u}">${t}</a>`).join(' ')}</div>` : '';
  const pager = opts.next ? `<div class="page"><a href="${opts.next}">下一页</a></div>` : '';
  return page(`<div class="position">当前位置：首页 &gt; ${name}</div>${sub}${body}${pager}`);
}

/** A homepage block: a heading with its 更多 link over a dated list. */
const block = (name: string, more: string, body: string) =>
  `<div class="box"><div class="tit">${name}<a class="more" href="${more}">更多</a></div>${body}</div>`;

const recent = ['2026-11-20', '2026-11-18'];

const read = (url: string, html: string) => readHtml(html, { url, atDay: AT_DAY }, 'walk');
const path = (u: string) => new URL(u).pathname + new URL(u).search;

/**
 * Plays the walk against a site given as path → html (or → an error, for a fetch that failed); a path
 * not given fails like a 404. Requests are answered in order, first asked first fetched.
 */
function crawl(pages: Record<string, string | { error: string }>, limits: Partial<WalkLimits> = {}) {
  const walk = new SiteWalk('4301000001', HOME, { ...LIMITS, ...limits }, 'never');
  const queue: WalkRequest[] = walk.start();
  const fetched: WalkRequest[] = [];
  while (queue.length > 0) {
    const req = queue.shift()!;
    fetched.push(req);
    const got = pages[path(req.url)] ?? { error: 'HTTP 404' };
    if (typeof got === 'string') queue.push(...walk.onPage(req, read(req.url, got), null, req.url));
    else queue.push(...walk.onPage(req, null, got.error, null));
  }
  expect(walk.done).toBe(true);
  return { result: walk.result(), fetched, walk };
}

const paths = (reqs: WalkRequest[], kind: WalkRequest['kind'] = 'column') => reqs.filter((r) => r.kind === kind).map((r) => path(r.url));
const columnsOf = (result: ReturnType<SiteWalk['result']>) => result.lists.filter((l) => l.kind === 'column');

describe('SiteWalk', () => {
  it('the homepage leads to its navigation columns (level 1) and to its blocks’ 更多 pages', () => {
    const walk = new SiteWalk('4301000001', HOME, LIMITS, 'never');
    const first = walk.start();
    expect(first).toEqual([{ url: HOME, kind: 'homepage' }]);
    const home = page(block('部门动态', '/gzdt/', list('gzdt', recent)));
    const next = walk.onPage(first[0]!, read(HOME, home), null, HOME);
    expect(next).toEqual([
      { url: `${HOME}xwdt/`, kind: 'column', column: `${HOME}xwdt/`, listPage: 1 },
      { url: `${HOME}tzgg/`, kind: 'column', column: `${HOME}tzgg/`, listPage: 1 },
      { url: `${HOME}zwgk/`, kind: 'column', column: `${HOME}zwgk/`, listPage: 1 },
      { url: `${HOME}gzdt/`, kind: 'column', column: `${HOME}gzdt/`, listPage: 1 },
    ]);
    expect(walk.done).toBe(false);
    // Columns not read yet are not in the result; the homepage's block is, with its items.
    const before = walk.result();
    expect(before).toMatchObject({ state: 'complete', reason: null, pagesFetched: 1, channels: [] });
    expect(before.lists).toMatchObject([
      { kind: 'homepage-block', key: `${HOME}#block-1`, name: '部门动态', url: HOME, state: 'items', moreUrl: `${HOME}gzdt/` },
    ]);
    expect(before.lists[0]!.items.map((i) => i.date)).toEqual(recent);

    // The navigation's columns show no breadcrumb; the block's 更多 page shows one.
    for (const req of next) {
      const html = req.url.endsWith('gzdt/') ? column('政务公开 &gt; 工作动态', list('gzdt', recent)) : page(list('x', recent));
      expect(walk.onPage(req, read(req.url, html), null, req.url)).toEqual([]);
    }
    expect(walk.done).toBe(true);
    const after = walk.result();
    expect(after.pagesFetched).toBe(5);
    expect(columnsOf(after).map((c) => [path(c.url), c.name, c.level, c.source, c.state, c.pagesRead])).toEqual([
      ['/xwdt/', '新闻动态', 1, 'nav', 'items', 1],
      ['/tzgg/', '通知公告', 1, 'nav', 'items', 1],
      ['/zwgk/', '政务公开', 1, 'nav', 'items', 1],
      // A block's 更多 page has no level of its own: its breadcrumb gives one, and its name.
      ['/gzdt/', '工作动态', 2, 'more-link', 'items', 1],
    ]);
  });

  // The three columns the navigation leads to, each with one page of recent items.
  const site = {
    '/': page(''),
    '/xwdt/': column('新闻动态', list('xwdt', recent)),
    '/tzgg/': column('通知公告', list('tzgg', recent)),
    '/zwgk/': column('政务公开', list('zwgk', recent)),
  };
  // 通知公告 over four pages, dated newest first; page 3 is the first to reach before 2026-06-01.
  const paged = {
    ...site,
    '/tzgg/': column('通知公告', list('tzgg', ['2026-11-20', '2026-10-01']), { next: 'index_1.html' }),
    '/tzgg/index_1.html': column('通知公告', list('tzgg', ['2026-08-01', '2026-06-01']), { next: 'index_2.html' }),
    '/tzgg/index_2.html': column('通知公告', list('tzgg', ['2026-05-20', '2026-04-01']), { next: 'index_3.html' }),
    '/tzgg/index_3.html': column('通知公告', list('tzgg', ['2026-03-01']), {}),
  };

  it('a column is paged while its items are as recent as pageUntil, and not past the page that reaches before it', () => {
    const { result, fetched } = crawl(paged);
    const tzgg = fetched.filter((r) => r.column === `${HOME}tzgg/`);
    expect(tzgg.map((r) => [path(r.url), r.listPage])).toEqual([
      ['/tzgg/', 1],
      ['/tzgg/index_1.html', 2],
      ['/tzgg/index_2.html', 3],
    ]);
    expect(result).toMatchObject({ state: 'complete', reason: null, pagesFetched: 6 });
    const col = columnsOf(result).find((c) => c.key === `${HOME}tzgg/`)!;
    expect(col).toMatchObject({ name: '通知公告', state: 'items', pagesRead: 3 });
    expect(col.items.map((i) => i.date)).toEqual(['2026-11-20', '2026-10-01', '2026-08-01', '2026-06-01', '2026-05-20', '2026-04-01']);
  });

  it('a column is paged no further than maxListPages, and the crawl says so', () => {
    const { result, fetched } = crawl(paged, { pageUntil: '2020-01-01', maxListPages: 2 });
    expect(paths(fetched).filter((p) => p.startsWith('/tzgg/'))).toEqual(['/tzgg/', '/tzgg/index_1.html']);
    expect(result).toMatchObject({ state: 'partial', reason: '栏目“通知公告”超过 2 页，后续页未读取' });
    expect(columnsOf(result).find((c) => c.key === `${HOME}tzgg/`)).toMatchObject({ state: 'items', pagesRead: 2 });
    // Within the bound, the same column is read to its last page.
    const whole = crawl(paged, { pageUntil: '2020-01-01', maxListPages: 4 });
    expect(paths(whole.fetched).filter((p) => p.startsWith('/tzgg/'))).toHaveLength(4);
    expect(whole.result).toMatchObject({ state: 'complete', reason: null });
  });

  it('maxPages bounds the requests of a site, the homepage included', () => {
    const { result, fetched } = crawl(site, { maxPages: 3 });
    expect(fetched.map((r) => path(r.url))).toEqual(['/', '/xwdt/', '/tzgg/']);
    expect(result).toMatchObject({ state: 'partial', reason: '达到每站页面上限（3 页），部分页面未检查', pagesFetched: 3 });
    expect(columnsOf(result).map((c) => path(c.url))).toEqual(['/xwdt/', '/tzgg/']);
  });

  it('maxColumns bounds the columns read', () => {
    const { result, fetched } = crawl(site, { maxColumns: 2 });
    expect(paths(fetched)).toEqual(['/xwdt/', '/tzgg/']);
    expect(result).toMatchObject({ state: 'partial', reason: '达到每站栏目上限（2 个），部分栏目未检查' });
    expect(crawl(site, { maxColumns: 3 }).result).toMatchObject({ state: 'complete', reason: null });
  });

  it('maxDepth bounds how many column pages deep the walk follows side menus', () => {
    const deep = {
      ...site,
      '/zwgk/': column('政务公开', list('zwgk', recent), { sub: [['法定主动公开', '/zwgk/fdzdgk/']] }),
      '/zwgk/fdzdgk/': column('政务公开 &gt; 法定主动公开', list('fdzdgk', recent), { sub: [['规范性文件', '/zwgk/fdzdgk/gfxwj/']] }),
      '/zwgk/fdzdgk/gfxwj/': column('政务公开 &gt; 法定主动公开 &gt; 规范性文件', list('gfxwj', recent)),
    };
    const { result, fetched } = crawl(deep, { maxDepth: 2 });
    expect(paths(fetched)).toEqual(['/xwdt/', '/tzgg/', '/zwgk/', '/zwgk/fdzdgk/']);
    expect(result).toMatchObject({ state: 'partial', reason: '栏目层级超过 2 层，更深的栏目未检查' });
    expect(columnsOf(result).find((c) => path(c.url) === '/zwgk/fdzdgk/')).toMatchObject({ source: 'submenu', level: 2 });
    const all = crawl(deep, { maxDepth: 3 });
    expect(paths(all.fetched)).toContain('/zwgk/fdzdgk/gfxwj/');
    expect(all.result).toMatchObject({ state: 'complete', reason: null });
  });

  it('a deepest page whose side menu lists only columns already read leaves the crawl complete', () => {
    const siblings: [string, string][] = [
      ['法定主动公开', '/zwgk/fdzdgk/'],
      ['政府信息公开指南', '/zwgk/zn/'],
    ];
    const shallow = {
      ...site,
      '/zwgk/': column('政务公开', list('zwgk', recent), { sub: siblings }),
      '/zwgk/fdzdgk/': column('政务公开 &gt; 法定主动公开', list('fdzdgk', recent), { sub: siblings }),
      '/zwgk/zn/': column('政务公开 &gt; 政府信息公开指南', list('zn', recent), { sub: siblings }),
    };
    const { result, fetched } = crawl(shallow, { maxDepth: 2 });
    expect(paths(fetched)).toEqual(['/xwdt/', '/tzgg/', '/zwgk/', '/zwgk/fdzdgk/', '/zwgk/zn/']);
    expect(result).toMatchObject({ state: 'complete', reason: null });
  });

  it('articlesPerColumn articles are asked for from each column’s first page, none from later pages', () => {
    const { result, fetched } = crawl(
      {
        ...paged,
        '/xwdt/': column('新闻动态', list('xwdt', ['2026-11-20', '2026-11-19', '2026-11-18'])),
        '/zwgk/': column('政务公开', list('zwgk', ['2026-11-20'])),
      },
      { articlesPerColumn: 2 },
    );
    const articles = paths(fetched, 'article');
    expect(articles.map((p) => p.split('/')[1])).toEqual(['xwdt', 'xwdt', 'tzgg', 'tzgg', 'zwgk']);
    expect(articles.filter((p) => p.startsWith('/xwdt/')).map((p) => p.split('_')[0])).toEqual(['/xwdt/t20261120', '/xwdt/t20261119']);
    expect(articles.filter((p) => p.startsWith('/tzgg/')).map((p) => p.split('_')[0])).toEqual(['/tzgg/t20261120', '/tzgg/t20261001']);
    expect(fetched.filter((r) => r.kind === 'article').every((r) => r.column === undefined && r.listPage === undefined)).toBe(true);
    expect(result.pagesFetched).toBe(fetched.length);
    expect(result.state).toBe('complete');
    expect(paths(crawl(paged).fetched, 'article')).toEqual([]);
  });

  it('a list that shows no dates has its first items opened on their own pages, a dated list none', () => {
    const undated = (dir: string, n: number) =>
      `<ul class="list">${Array.from({ length: n }, (_, i) => `<li><a href="/${dir}/show.asp?id=${90 - i}">关于做好第${i + 1}项重点工作的通知和安排</a></li>`).join('')}<li><a href="http://other.gov.cn/x.html">省政府门户网站转载的重要文件</a></li></ul>`;
    const pages = {
      '/': page(block('本地要闻', '/bdyw/', undated('bdyw', 6)) + block('通知公告', '/tzgg/', list('tzgg', recent))),
      '/bdyw/': column('本地要闻', undated('bdyw', 6)),
      '/tzgg/': column('通知公告', list('tzgg', recent)),
    };
    const { fetched } = crawl(pages, { undatedArticles: 3 });
    // Both the block and its column page list the same items: each page is asked for once, off-site ones never.
    expect(paths(fetched, 'article')).toEqual(['/bdyw/show.asp?id=90', '/bdyw/show.asp?id=89', '/bdyw/show.asp?id=88']);
    expect(paths(crawl(pages, { undatedArticles: 0 }).fetched, 'article')).toEqual([]);
  });

  it('undated lists share a bound per site: a portal’s many undated link blocks do not open dozens of pages', () => {
    const undated = (dir: string) =>
      `<ul class="list">${[1, 2, 3, 4, 5, 6].map((i) => `<li><a href="/${dir}/show.asp?id=${i}">关于${dir}第${i}项重点工作的情况通报</a></li>`).join('')}</ul>`;
    const dirs = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { fetched } = crawl({ '/': page(dirs.map((d) => block(`栏目${d}`, `/${d}/`, undated(d))).join('')) }, { undatedArticles: 2 });
    expect(paths(fetched, 'article')).toHaveLength(8);
  });

  it('a 互动交流 page that is a menu of channel tiles is the way to its channels, not an unreadable column', () => {
    const nav = NAV.replace('</ul>', '<li><a href="/hdjl/">互动交流</a></li></ul>');
    const header = '<div class="top"><a href="/hdjl/zxzx/">在线咨询</a></div>';
    const tile = (href: string, alt: string) => `<a href="${href}"><img src="/images/${alt}.png" alt="${alt}"></a>`;
    const pages = {
      '/': page(block('新闻动态', '/xwdt/', list('xwdt', recent)), nav),
      '/xwdt/': page(header, nav),
      '/hdjl/': page(
        `<div class="hd-tiles">${tile('/hdjl/zxts/', '咨询投诉')}${tile('/hdjl/zxft/', '在线访谈')}${tile('/hdjl/dczj/', '调查征集')}${tile('http://xf.hn.gov.cn/', '网上信访')}</div>`,
        nav,
      ),
    };
    const cols = columnsOf(crawl(pages).result);
    expect(cols.find((c) => c.name === '互动交流')).toMatchObject({ state: 'container' });
    expect(cols.find((c) => c.name === '互动交流')!.stateReason).toContain('咨询投诉');
    // Near misses: a news column with a header 在线咨询 link only, and a 互动交流 page offering one kind of channel.
    expect(cols.find((c) => c.name === '新闻动态')).toMatchObject({ state: 'unreadable' });
    const one = columnsOf(
      crawl({ ...pages, '/hdjl/': page(`<div>${tile('/hdjl/zxts/', '咨询投诉')}${tile('/hdjl/ldxx/', '领导信箱')}</div>`, nav) }).result,
    );
    expect(one.find((c) => c.name === '互动交流')).toMatchObject({ state: 'unreadable' });
  });

  it('a tiny site’s two-link navigation is navigation where its link leads to a list', () => {
    const nav = '<div class="nav"><a href="/">首页</a><a href="/tzgg/">通知公告</a></div>';
    const pages = {
      '/': page('<div class="banner">欢迎访问某镇人民政府网站</div>', nav),
      '/tzgg/': column('通知公告', list('tzgg', recent), {}).replace(NAV, nav),
    };
    const cols = columnsOf(crawl(pages).result);
    expect(cols.map((c) => [c.name, c.level, c.state])).toEqual([['通知公告', 1, 'items']]);
    // Near miss: a one-link block that leads to a page with no list is not taken for a column.
    const other = {
      '/': page('', '<div class="nav"><a href="/">首页</a><a href="/wzdt/">网站地图</a></div>'),
      '/wzdt/': page('<p>网站地图</p>', ''),
    };
    expect(columnsOf(crawl(other).result)).toEqual([]);
  });

  it('a same-site iframe on the homepage is read one level deep as a block; other hosts’ frames are not fetched', () => {
    const pages = {
      '/': page(
        `${block('新闻动态', '/xwdt/', list('xwdt', recent))}<div class="zxgk"><iframe src="/zxgk/frame.html" title="最新公开" frameborder="0"></iframe></div><iframe src="http://map.other.cn/embed"></iframe>`,
      ),
      '/zxgk/frame.html': `<html><body><ul class="list">${list('zxgk', ['2026-11-27', '2026-11-25']).replace(/^<ul class="list">|<\/ul>$/g, '')}</ul><iframe src="/zxgk/deeper.html"></iframe></body></html>`,
    };
    const { result, fetched } = crawl(pages);
    expect(paths(fetched, 'frame')).toEqual(['/zxgk/frame.html']);
    const blocks = result.lists.filter((l) => l.kind === 'homepage-block');
    expect(blocks.map((b) => [b.name, b.source, b.items[0]?.date])).toEqual([
      ['新闻动态', 'homepage', '2026-11-20'],
      ['最新公开', 'homepage-frame', '2026-11-27'],
    ]);
  });

  it('the homepage’s footer script is asked for once, as a footer; another host’s is not', () => {
    const home = page(block('新闻动态', '/xwdt/', list('xwdt', recent))).replace(
      '</head>',
      '<script src="/js/footer.js"></script><script src="http://cdn.other.cn/foot.js"></script></head>',
    );
    const { fetched } = crawl({ '/': home, '/js/footer.js': "document.write('网站标识码：4301000001');" });
    expect(paths(fetched, 'footer')).toEqual(['/js/footer.js']);
  });

  it('a homepage frame from another host of the site’s domain, or one that fails, is an unreadable block', () => {
    const pages = {
      '/': page(
        `${block('新闻动态', '/xwdt/', list('xwdt', recent))}<iframe src="http://xxgk.x.gov.cn/zxgk/frame.html" title="最新公开"></iframe><iframe src="/broken/frame.html" title="通知公告"></iframe><iframe src="http://map.other.cn/embed" title="地图"></iframe>`,
      ),
    };
    const blocks = crawl(pages).result.lists.filter((l) => l.kind === 'homepage-block');
    expect(blocks.map((b) => [b.name, b.state])).toEqual([
      ['新闻动态', 'items'],
      ['最新公开', 'unreadable'],
      ['通知公告', 'unreadable'],
    ]);
    expect(blocks[1]!.stateReason).toContain('xxgk.x.gov.cn');
  });

  it('a column page without a breadcrumb that is a menu of sub-columns is judged through them; a header bar is no menu', () => {
    const icon = (href: string, name: string) => `<li><a href="${href}"><img src="/images/${name}.png" alt="${name}"></a></li>`;
    const grid = ['jgzn:机构职能', 'zcwj:政策文件', 'ghjh:规划计划', 'rsxx:人事信息', 'czzj:财政资金']
      .map((p) => p.split(':'))
      .map(([k, n]) => icon(`/zwgk/${k}/`, n!))
      .join('');
    const topBar =
      '<div class="top"><a href="/wzdt/">网站地图</a><a href="/wza/">无障碍</a><a href="/login/">用户登录</a><a href="/en/">English</a><a href="/sjb/">手机版</a></div>';
    const pages: Record<string, string> = {
      '/': page(block('新闻动态', '/xwdt/', list('xwdt', recent))),
      '/xwdt/': column('新闻动态', list('xwdt', recent)),
      '/zwgk/': page(`${topBar}<div class="zwgk-icons"><ul>${grid}</ul></div>`),
      '/zwgk/zcwj/': column('政策文件', list('zcwj', recent)),
      '/tzgg/': page(topBar),
    };
    const cols = columnsOf(crawl(pages).result);
    expect(cols.find((c) => c.url.endsWith('/zwgk/'))).toMatchObject({ state: 'container', level: 1 });
    expect(cols.find((c) => c.url.endsWith('/zwgk/zcwj/'))).toMatchObject({ state: 'items', source: 'container' });
    // Near miss: a page of only a header bar of utility links is not a menu of columns.
    expect(cols.find((c) => c.url.endsWith('/tzgg/'))).toMatchObject({ state: 'unreadable' });
  });

  it('a page under two spellings is asked for once: /tzgg/ and /tzgg/index.html, a session id in the address', () => {
    const notice = '/tzgg/t20261120_7.html';
    const pages = {
      ...site,
      '/': page(block('通知公告', '/tzgg/index.html', rows([[notice, '2026-11-20']]))),
      '/xwdt/': column('新闻动态', rows([[`${notice};jsessionid=A1B2C3`, '2026-11-20']]), {
        sub: [
          ['通知公告', '/tzgg/?sid=9f8e7d'],
          ['通知', '/tzgg/;jsessionid=A1B2C3'],
        ],
      }),
      '/tzgg/': column('通知公告', rows([[`${notice}?jsessionid=D4E5F6`, '2026-11-20']]), { sub: [['公告', '/tzgg/index.html']] }),
    };
    // The pages do offer each spelling to the walk.
    expect(read(HOME, pages['/']).lists[0]!.moreUrl).toBe(`${HOME}tzgg/index.html`);
    const xwdt = read(`${HOME}xwdt/`, pages['/xwdt/']);
    expect(xwdt.subnav.map((l) => path(l.url))).toEqual(['/tzgg/?sid=9f8e7d', '/tzgg/;jsessionid=A1B2C3']);
    expect(read(`${HOME}tzgg/`, pages['/tzgg/']).lists[0]!.items[0]!.url).toBe(`${HOME}tzgg/t20261120_7.html?jsessionid=D4E5F6`);
    const { result, fetched } = crawl(pages, { articlesPerColumn: 5 });
    expect(fetched.map((r) => `${r.kind} ${path(r.url)}`).filter((r) => !r.startsWith('article /zwgk/'))).toEqual([
      'homepage /',
      'column /xwdt/',
      'column /tzgg/',
      'column /zwgk/',
      `article ${notice};jsessionid=A1B2C3`,
    ]);
    // The column keeps the spelling met first, and the level of the navigation that named it.
    expect(columnsOf(result).map((c) => [path(c.url), c.level, c.source])).toEqual([
      ['/xwdt/', 1, 'nav'],
      ['/tzgg/', 1, 'nav'],
      ['/zwgk/', 1, 'nav'],
    ]);
  });

  it('a column whose fetch failed is unreadable in the result, for that reason; the crawl goes on', () => {
    const { result, fetched } = crawl({
      ...paged,
      '/xwdt/': { error: '连接超时' },
      '/tzgg/index_1.html': { error: 'HTTP 502' },
    });
    // The failed column leads nowhere; the failed second page ends its column's paging.
    expect(paths(fetched)).toEqual(['/xwdt/', '/tzgg/', '/zwgk/', '/tzgg/index_1.html']);
    const byPath = new Map(columnsOf(result).map((c) => [path(c.url), c]));
    expect(byPath.get('/xwdt/')).toMatchObject({ state: 'unreadable', stateReason: '栏目页无法获取：连接超时', pagesRead: 0, items: [] });
    // A later page lost leaves what the first page showed.
    expect(byPath.get('/tzgg/')).toMatchObject({ state: 'items', stateReason: null, pagesRead: 1 });
    expect(result).toMatchObject({
      state: 'complete',
      reason: '2 个页面无法读取：/xwdt/（连接超时）、/tzgg/index_1.html（HTTP 502）',
      pagesFetched: 5,
    });
  });

  it('a homepage that cannot be fetched fails the crawl, and nothing else is asked for', () => {
    const walk = new SiteWalk('4301000001', HOME, LIMITS, 'never');
    const [home] = walk.start();
    expect(walk.onPage(home!, null, 'HTTP 503', null)).toEqual([]);
    expect(walk.done).toBe(true);
    expect(walk.result()).toEqual({ state: 'failed', reason: '首页无法获取：HTTP 503', pagesFetched: 1, lists: [] });
    const { result, fetched } = crawl({ ...site, '/': { error: '连接被重置' } });
    expect(fetched).toHaveLength(1);
    expect(result).toMatchObject({ state: 'failed', reason: '首页无法获取：连接被重置' });
  });

  it('stop(reason) ends the walk: pages still coming in are recorded, nothing more is asked for', () => {
    const walk = new SiteWalk('4301000001', HOME, LIMITS, 'never');
    const [home] = walk.start();
    const cols = walk.onPage(home!, read(HOME, page('')), null, HOME);
    expect(cols.map((r) => path(r.url))).toEqual(['/xwdt/', '/tzgg/', '/zwgk/']);
    const more = walk.onPage(cols[1]!, read(cols[1]!.url, paged['/tzgg/']), null, cols[1]!.url);
    expect(more.map((r) => path(r.url))).toEqual(['/tzgg/index_1.html']);

    walk.stop('站点抓取时间超过 10 分钟，部分页面未检查');
    // The first column was in flight: it is read, and leads nowhere, although it links a sub-column and a next page.
    const xwdt = column('新闻动态', list('xwdt', recent), { next: 'index_1.html', sub: [['图片新闻', '/xwdt/tpxw/']] });
    expect(walk.onPage(cols[0]!, read(cols[0]!.url, xwdt), null, cols[0]!.url)).toEqual([]);
    expect(walk.done).toBe(false);
    // The crawler drops what it will not fetch now.
    walk.onSkipped();
    walk.onSkipped();
    expect(walk.done).toBe(true);
    const result = walk.result();
    expect(result).toMatchObject({ state: 'partial', reason: '站点抓取时间超过 10 分钟，部分页面未检查', pagesFetched: 3 });
    expect(columnsOf(result).map((c) => [path(c.url), c.state, c.pagesRead])).toEqual([
      ['/xwdt/', 'items', 1],
      ['/tzgg/', 'items', 1],
    ]);
  });

  it('links to files and to other hosts are not walked as columns, nor as articles', () => {
    const home = page(
      block('政策文件', '/zwgk/zcwj/zcwj.pdf', list('zcwj', recent)) +
        block('省政府信息', 'http://www.hunan.gov.cn/xxgk/', list('sxx', recent)),
      `<div class="nav"><a href="/xwdt/">新闻动态</a> <a href="/tzgg/">通知公告</a> <a href="/zwgk/">政务公开</a> <a href="/bszn/bszn.doc">办事指南</a></div>`,
    );
    // The page does offer them to the walk: a file in the navigation, a file and another host as 更多.
    const offered = read(HOME, home);
    expect(offered.nav.map((l) => l.url)).toContain(`${HOME}bszn/bszn.doc`);
    expect(offered.lists.map((l) => l.moreUrl)).toEqual([`${HOME}zwgk/zcwj/zcwj.pdf`, 'http://www.hunan.gov.cn/xxgk/']);
    const { result, fetched } = crawl(
      {
        ...site,
        '/': home,
        '/zwgk/': column(
          '政务公开',
          `<p>本栏目包括：</p><p><a href="/zwgk/jcgk/">决策公开</a> <a href="/zwgk/gkzn.docx">信息公开指南</a> <a href="http://www.hunan.gov.cn/zwgk/">省政府信息公开</a></p>`,
        ),
        '/zwgk/jcgk/': column('政务公开 &gt; 决策公开', list('jcgk', recent)),
        '/tzgg/': column(
          '通知公告',
          rows([
            ['/tzgg/t20261120_1.html', '2026-11-20'],
            ['/tzgg/P020261118.pdf', '2026-11-18'],
            ['http://www.hunan.gov.cn/tzgg/t20261117_2.html', '2026-11-17'],
          ]),
        ),
      },
      { articlesPerColumn: 5 },
    );
    expect(fetched.filter((r) => r.kind !== 'article').map((r) => `${r.kind} ${path(r.url)}`)).toEqual([
      'homepage /',
      'column /xwdt/',
      'column /tzgg/',
      'column /zwgk/',
      'column /zwgk/jcgk/',
    ]);
    // Of 通知公告's three items, only the page on this site is asked for.
    expect(paths(fetched, 'article').filter((p) => p.startsWith('/tzgg/'))).toEqual(['/tzgg/t20261120_1.html']);
    expect(fetched.every((r) => new URL(r.url).host === 'www.x.gov.cn' && !/\.(pdf|docx?)$/.test(r.url))).toBe(true);
    expect(columnsOf(result).find((c) => path(c.url) === '/zwgk/')).toMatchObject({ state: 'container', level: 1 });
    expect(columnsOf(result).find((c) => path(c.url) === '/zwgk/jcgk/')).toMatchObject({ source: 'container', level: 2 });
  });
});

// The walk's plan for interaction channels, fed pages by hand (no network): which links become boards,
// how far a board is paged, when a letter's own page is read, and how a bound on a board leaves the
// board, never the site, short.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/page.js';
import { BoardWalk } from '../../src/gather/crawl/board-walk.js';
import { SiteWalk, type WalkLimits, type WalkRequest } from '../../src/gather/crawl/site-walk.js';

const HOME = 'http://x.gov.cn/';
const AT_DAY = '2026-12-01';
const LIMITS: WalkLimits = {
  maxPages: 200,
  maxColumns: 20,
  maxListPages: 10,
  maxDepth: 6,
  articlesPerColumn: 0,
  undatedArticles: 0,
  pageUntil: '2025-12-01',
  maxBoardPages: 3,
  maxLetterPages: 2,
};

const nav = `<div class="nav"><ul><li><a href="/xwdt/">新闻动态</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>`;
const page = (body: string, title = '测试') => `<html><head><title>${title}</title></head><body>${nav}${body}</body></html>`;
const crumb = (name: string) => `<div class="position">当前位置：首页 &gt; ${name}</div>`;
const news = `<ul class="list"><li><a href="/xwdt/t20261120_1.html">市政府召开常务会议研究部署冬季安全生产工作</a><span>2026-11-20</span></li><li><a href="/xwdt/t20261118_2.html">全市冬季森林防火工作会议召开部署相关工作</a><span>2026-11-18</span></li></ul>`;

/** Rows of a board: [id, asked, status, replied?]; a 共 N 页 pager with a next link when `next` is given. */
function boardPage(rows: [number, string, string, string?][], next?: string, total?: number): string {
  const trs = rows
    .map(
      ([id, asked, status, replied]) =>
        `<tr><td><a href="/hdjl/zxzx/detail.html?id=${id}">关于第${id}号事项的咨询</a></td><td>${asked}</td><td>${replied ?? ''}</td><td>${status}</td></tr>`,
    )
    .join('');
  const pager = total ? `<div class="page">共 ${total} 页 ${next ? `<a href="${next}">下一页</a>` : '下一页'}</div>` : '';
  return page(
    `${crumb('互动交流 &gt; 在线咨询')}<table><tr><th>信件标题</th><th>来信时间</th><th>回复时间</th><th>状态</th></tr>${trs}</table>${pager}`,
  );
}

/** Plays the walk against a site given as path → html; unknown paths fail like a 404. */
function crawl(pages: Record<string, string>, limits: Partial<WalkLimits> = {}) {
  const walk = new SiteWalk('4301000001', HOME, { ...LIMITS, ...limits }, 'never');
  const queue: WalkRequest[] = walk.start();
  const fetched: WalkRequest[] = [];
  while (queue.length > 0) {
    const req = queue.shift()!;
    fetched.push(req);
    const path = new URL(req.url).pathname + new URL(req.url).search;
    const html = pages[path];
    const read = html === undefined ? null : readHtml(html, { url: req.url, atDay: AT_DAY });
    queue.push(...walk.onPage(req, read, html === undefined ? 'HTTP 404' : null, req.url));
  }
  return { result: walk.result(), fetched };
}

const hub = page(
  `${crumb('互动交流')}<div class="sub"><a href="/hdjl/zxzx/">在线咨询</a> <a href="/hdjl/wsxf/">网上信访</a> <a href="http://zmhd.hunan.example/">政民互动平台</a> <a href="/hdjl/xx.html">我要写信</a></div>`,
);
const basic = { '/': page(news), '/xwdt/': page(crumb('新闻动态') + news), '/zwgk/': page(crumb('政务公开') + news), '/hdjl/': hub };

describe('the walk and interaction channels', () => {
  it('records every channel link; reads consultation boards; leaves 信访, entries and other hosts unread', () => {
    const { result, fetched } = crawl({
      ...basic,
      '/hdjl/zxzx/': boardPage([[1, '2026-11-20', '已回复', '2026-11-23']]),
      '/hdjl/wsxf/': boardPage([[9, '2026-03-01', '办理中']]),
    });
    expect(result.state).toBe('complete');
    const byName = new Map(result.channels!.map((c) => [c.name, c]));
    expect(byName.get('在线咨询')).toMatchObject({
      state: 'read',
      covered: true,
      messages: [{ askedOn: '2026-11-20', repliedOn: '2026-11-23', status: '已回复' }],
    });
    expect(byName.get('网上信访')).toMatchObject({ state: 'not-read', messages: [] });
    expect(byName.get('政民互动平台')).toMatchObject({ state: 'offsite', offsite: true });
    expect(byName.get('我要写信')).toMatchObject({ state: 'entry' });
    // The 互动交流 page lists 我要写信 as a child column, so the column walk may read it; it is never read as a board.
    expect(fetched.filter((r) => r.kind === 'board' || r.kind === 'message').map((r) => r.url)).toEqual([]);
  });

  it('pages a board back until its letters are older than the window, and reads no further', () => {
    const pages = {
      ...basic,
      '/hdjl/zxzx/': boardPage([[1, '2026-11-20', '已回复', '2026-11-23']], '/hdjl/zxzx/?page=2', 3),
      '/hdjl/zxzx/?page=2': boardPage(
        [
          [2, '2026-01-05', '已回复', '2026-01-06'],
          [3, '2025-11-02', '已回复', '2025-11-04'],
        ],
        '/hdjl/zxzx/?page=3',
        3,
      ),
      '/hdjl/zxzx/?page=3': boardPage([[4, '2025-10-01', '已回复', '2025-10-02']], undefined, 3),
    };
    const { result, fetched } = crawl(pages);
    const board = result.channels!.find((c) => c.name === '在线咨询')!;
    expect(board).toMatchObject({ state: 'read', covered: true, pagesRead: 3 });
    expect(fetched.filter((r) => r.url.includes('/hdjl/zxzx/?page=')).length).toBe(2);
    // Page 3 holds only letters from before 2025-12-01: nothing after it is asked for.
    const { fetched: f2 } = crawl({
      ...pages,
      '/hdjl/zxzx/?page=3': boardPage([[4, '2025-10-01', '已回复', '2025-10-02']], '/hdjl/zxzx/?page=4', 9),
    });
    expect(f2.some((r) => r.url.endsWith('page=4'))).toBe(false);
  });

  it('a board longer than --max-board-pages is marked not covered, and the site stays complete', () => {
    const pages: Record<string, string> = { ...basic };
    for (let p = 1; p <= 5; p++)
      pages[p === 1 ? '/hdjl/zxzx/' : `/hdjl/zxzx/?page=${p}`] = boardPage(
        [[p, `2026-${String(12 - p).padStart(2, '0')}-02`, '已回复', `2026-${String(12 - p).padStart(2, '0')}-03`]],
        `/hdjl/zxzx/?page=${p + 1}`,
        9,
      );
    const { result } = crawl(pages);
    expect(result.state).toBe('complete');
    expect(result.channels!.find((c) => c.name === '在线咨询')).toMatchObject({
      covered: false,
      pagesRead: 3,
      reason: expect.stringMatching(/超过 3 页/),
    });
  });

  it('a next page that repeats the first, or shows no letter, leaves the board not covered', () => {
    const first = boardPage([[1, '2026-11-20', '已回复', '2026-11-23']], '/hdjl/zxzx/?page=2', 5);
    const same = crawl({ ...basic, '/hdjl/zxzx/': first, '/hdjl/zxzx/?page=2': first });
    expect(same.result.channels!.find((c) => c.name === '在线咨询')).toMatchObject({
      covered: false,
      reason: expect.stringMatching(/与前面的页相同/),
    });
    const blank = crawl({ ...basic, '/hdjl/zxzx/': first, '/hdjl/zxzx/?page=2': page(crumb('在线咨询') + '<div id="list"></div>') });
    expect(blank.result.channels!.find((c) => c.name === '在线咨询')).toMatchObject({
      covered: false,
      reason: expect.stringMatching(/第 2 页没有识别出留言/),
    });
  });

  it('a pager it cannot follow (共 4 页, no link) leaves the board not covered', () => {
    const { result } = crawl({ ...basic, '/hdjl/zxzx/': boardPage([[1, '2026-11-20', '已回复', '2026-11-23']], undefined, 4) });
    expect(result.channels!.find((c) => c.name === '在线咨询')).toMatchObject({ covered: false, reason: expect.stringMatching(/共 4 页/) });
  });

  it('reads a letter’s own page only when the list leaves its reply day unknown, within --max-letters', () => {
    const letter = (asked: string, replied: string) =>
      page(
        `${crumb('信件详情')}<table><tr><th>来信时间</th><td>${asked}</td><th>办理状态</th><td>已办结</td></tr><tr><th>回复时间</th><td>${replied}</td></tr></table>`,
      );
    const rows: [number, string, string, string?][] = [
      [1, '2026-11-20', '已回复', '2026-11-23'],
      [2, '2026-11-10', '已回复'],
      [3, '2026-11-01', '办理中'],
      [4, '2026-10-20', '已办结'],
      [5, '2026-10-10', '已回复'],
      [6, '2025-06-01', '已回复'],
    ];
    const { result, fetched } = crawl({
      ...basic,
      '/hdjl/zxzx/': boardPage(rows),
      '/hdjl/zxzx/detail.html?id=2': letter('2026-11-10', '2026-11-12'),
      '/hdjl/zxzx/detail.html?id=4': letter('2026-10-20', '2026-10-21'),
    });
    // 1 shows its reply day, 3 is open by its status, 6 is before the window: only 2, 4 and 5 are unknown,
    // and --max-letters 2 allows two of them.
    expect(fetched.filter((r) => r.kind === 'message').map((r) => new URL(r.url).search)).toEqual(['?id=2', '?id=4']);
    const board = result.channels!.find((c) => c.name === '在线咨询')!;
    expect(board.messages.map((m) => [m.repliedOn, m.detailRead])).toEqual([
      ['2026-11-23', false],
      ['2026-11-12', true],
      [null, false],
      ['2026-10-21', true],
      [null, false],
      [null, false],
    ]);
    expect(board.reason).toMatch(/1 条留言的详情页未读取/);
  });

  it('a column that shows letters becomes a board; a 网上信访 or 建议提案办理 column with letters does not', () => {
    const hub2 = page(
      `${crumb('互动交流')}<div class="sub"><a href="/hdjl/bxxs/">百姓心声</a> <a href="/hdjl/wsxf/">网上信访</a> <a href="/hdjl/jyta/">建议提案办理</a></div>`,
    );
    const { result } = crawl({
      ...basic,
      '/hdjl/': hub2,
      '/hdjl/bxxs/': boardPage([[1, '2026-11-20', '已回复', '2026-11-21']]),
      '/hdjl/wsxf/': boardPage([[9, '2026-03-01', '办理中']]),
      '/hdjl/jyta/': boardPage([[5, '2026-03-01', '办理中']]),
    });
    expect(result.channels!.some((c) => c.name === '建议提案办理')).toBe(false);
    expect(result.channels!.find((c) => c.name === '百姓心声')).toMatchObject({ state: 'read', messages: [{ askedOn: '2026-11-20' }] });
    expect(result.channels!.find((c) => c.name === '网上信访')).toMatchObject({ state: 'not-read', messages: [] });
  });

  it('a channel linked from the homepage alone is fetched as a board page, paged as one', () => {
    const home = page(`${news}<div class="hd-entry"><a href="/szxx/index.jsp"><img src="/i/szxx.png" alt="市长信箱"></a></div>`);
    const { result, fetched } = crawl({
      ...basic,
      '/': home,
      '/szxx/index.jsp': boardPage([[7, '2026-11-02', '已回复', '2026-11-03']], '/szxx/index.jsp?page=2', 2),
      '/szxx/index.jsp?page=2': boardPage([[8, '2026-05-02', '办理中']], undefined, 2),
    });
    expect(fetched.filter((r) => r.kind === 'board').map((r) => new URL(r.url).search)).toEqual(['', '?page=2']);
    expect(result.channels!.find((c) => c.name === '市长信箱')).toMatchObject({
      state: 'read',
      covered: true,
      pagesRead: 2,
      foundOn: HOME,
    });
    expect(result.lists.some((l) => l.url.includes('/szxx/'))).toBe(false);
  });

  it('a column read before any link named it a channel keeps what its page showed', () => {
    const boards = new BoardWalk({ pageUntil: '2025-12-01', maxBoardPages: 3, maxLetterPages: 2 }, (u) => u.startsWith(HOME));
    const hdjl = readHtml(
      page(`${crumb('互动交流')}<div class="sub"><a href="/zwgk/zx/">在线咨询</a> <a href="/zwgk/ly/">网上留言</a></div>`),
      { url: `${HOME}hdjl/`, atDay: AT_DAY },
    );
    const seen: Record<string, { state: string | null; reason: string | null }> = {
      [`${HOME}zwgk/zx/`]: { state: 'empty', reason: '页面显示“暂无信息”' },
      [`${HOME}zwgk/ly/`]: { state: 'items', reason: null },
    };
    const { requests } = boards.scan(hdjl, (key) => Object.entries(seen).find(([u]) => key.includes(new URL(u).pathname))?.[1]);
    expect(requests).toEqual([]);
    const byName = (n: string) => boards.result().find((c) => c.name === n);
    expect(byName('在线咨询')).toMatchObject({ name: '在线咨询', state: 'empty', covered: true, reason: '页面显示“暂无信息”' });
    expect(byName('网上留言')).toMatchObject({ name: '网上留言', state: 'unreadable', covered: false, reason: '页面上没有识别出留言列表' });
  });

  it('a consultation page that is gone says so, with its status', () => {
    const { result } = crawl({ ...basic });
    expect(result.channels!.find((c) => c.name === '在线咨询')).toMatchObject({
      state: 'unreadable',
      httpStatus: 404,
      reason: '页面无法获取：HTTP 404',
    });
  });
});

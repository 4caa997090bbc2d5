// Message-board list pages: letters with their asked and replied days and status, from a board module's
// table (the fixture fleet's) and from list layouts; ordinary lists are not boards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { daysBefore } from '../../src/model/day.js';
import { readHtml, readPage } from '../../src/extract/page.js';

const AT_DAY = '2026-12-01';
let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({ at: '2026-12-01T10:00:00+08:00', sites: ['healthy-trs'] });
});
afterAll(() => fleet.close());

describe('board reader', () => {
  it('reads the letters of a board module table, matching the fixture data', async () => {
    const url = `${fleet.sites[0]!.url}hdjl/zxzx/`;
    const res = await fetch(url);
    const read = readPage(Buffer.from(await res.arrayBuffer()), { url, contentType: res.headers.get('content-type'), atDay: AT_DAY });
    const board = fleet.sites[0]!.fixture.columns.flatMap(function walk(c): (typeof c)[] {
      return [c, ...(c.children ?? []).flatMap(walk)];
    }).find((c) => c.list?.kind === 'board');
    const letters = board?.list?.kind === 'board' ? board.list.messages : [];
    expect(read.messages.length).toBe(letters.length);
    expect(letters.length).toBeGreaterThan(0);
    for (const [i, m] of read.messages.entries()) {
      const want = letters[i]!;
      expect(m.askedOn).toBe(daysBefore(AT_DAY, want.askedDaysAgo));
      expect(m.repliedOn).toBe(
        want.repliedDaysAgo === null || want.repliedDaysAgo === undefined ? null : daysBefore(AT_DAY, want.repliedDaysAgo),
      );
      expect(m.status).toBe(m.repliedOn ? '已回复' : '办理中');
      expect(m.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
  });

  it('reads a list-layout board by its status words', () => {
    const html = `<ul class="lylist">
      <li><a href="/ly/1.html">咨询社保卡补办需要哪些材料</a><span>2026-11-02</span><span>已回复</span><span>2026-11-05</span></li>
      <li><a href="/ly/2.html">反映小区路灯长期不亮的问题</a><span>2026-11-20</span><span>未回复</span></li></ul>`;
    const r = readHtml(`<html><body>${html}</body></html>`, { url: 'http://x.gov.cn/ly/', atDay: AT_DAY });
    expect(r.messages).toEqual([
      {
        title: '咨询社保卡补办需要哪些材料',
        url: 'http://x.gov.cn/ly/1.html',
        askedOn: '2026-11-02',
        repliedOn: '2026-11-05',
        status: '已回复',
      },
      { title: '反映小区路灯长期不亮的问题', url: 'http://x.gov.cn/ly/2.html', askedOn: '2026-11-20', repliedOn: null, status: '未回复' },
    ]);
  });

  it('an ordinary news list is not a board, even with 回复 in its titles', () => {
    const html = `<ul class="list"><li><a href="/a/1.html">关于人大代表建议回复情况的通报</a><span>2026-11-02</span></li>
      <li><a href="/a/2.html">市政府常务会议研究答复群众关切问题</a><span>2026-11-01</span></li></ul>`;
    expect(readHtml(`<html><body>${html}</body></html>`, { url: 'http://x.gov.cn/', atDay: AT_DAY }).messages).toEqual([]);
  });
});

describe('inspect on a board page', () => {
  it('says kind "board" and lists the letters', async () => {
    const { inspectRead } = await import('../../src/extract/inspect.js');
    const url = `${fleet.sites[0]!.url}hdjl/zxzx/`;
    const res = await fetch(url);
    const r = inspectRead(
      readPage(Buffer.from(await res.arrayBuffer()), { url, contentType: res.headers.get('content-type'), atDay: AT_DAY }),
    );
    expect(r.kind).toBe('board');
    expect(r.messages.length).toBeGreaterThan(0);
    for (const m of r.messages) {
      expect(m.askedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.repliedOn === null || /^\d{4}-\d{2}-\d{2}$/.test(m.repliedOn)).toBe(true);
      expect(m.status).toBe(m.repliedOn ? '已回复' : '办理中');
    }
  });
});

describe('board reader on the markup real board modules produce', () => {
  const read = (body: string) => readHtml(`<html><body>${body}</body></html>`, { url: 'http://x.gov.cn/hdjl/', atDay: AT_DAY }).messages;

  it('finds columns by their header words in any order, th or td, and ignores 答复单位', () => {
    const html = `<table><tr><td>办理状态</td><td>答复单位</td><td>回复日期</td><td>留言标题</td><td>留言时间</td></tr>
      <tr><td>已办结</td><td>市教育局</td><td>2026-11-05</td><td><a href="/x/1.html">咨询学籍转移手续</a></td><td>2026-11-02</td></tr>
      <tr><td>未办结</td><td></td><td></td><td><a href="/x/2.html">反映噪音扰民</a></td><td>2026-11-20</td></tr></table>`;
    expect(read(html)).toEqual([
      { title: '咨询学籍转移手续', url: 'http://x.gov.cn/x/1.html', askedOn: '2026-11-02', repliedOn: '2026-11-05', status: '已办结' },
      { title: '反映噪音扰民', url: 'http://x.gov.cn/x/2.html', askedOn: '2026-11-20', repliedOn: null, status: '未办结' },
    ]);
  });

  it('a 标题 | 发布日期 table is a news list, not a board', () => {
    const html = `<table><tr><th>标题</th><th>发布日期</th></tr><tr><td><a href="/a/1.html">关于市长信箱办理情况的通报</a></td><td>2026-11-02</td></tr></table>`;
    expect(read(html)).toEqual([]);
  });

  it('reads labelled dates in div rows, never a date or status inside the title', () => {
    const html = `<div class="list">
      <div class="item"><h4><a href="/m/1.html">已回复的问题为何又被退回？2026-01-05</a></h4><p>留言时间：2026-11-02　回复时间：2026-11-09</p></div>
      <div class="item"><h4><a href="/m/2.html">咨询公租房申请</a></h4><p>留言时间：2026-11-21　回复时间：</p><span>办理中</span></div></div>`;
    expect(read(html)).toEqual([
      {
        title: '已回复的问题为何又被退回？2026-01-05',
        url: 'http://x.gov.cn/m/1.html',
        askedOn: '2026-11-02',
        repliedOn: '2026-11-09',
        status: null,
      },
      { title: '咨询公租房申请', url: 'http://x.gov.cn/m/2.html', askedOn: '2026-11-21', repliedOn: null, status: '办理中' },
    ]);
  });

  it('one loose block with a status word is a page, not a board', () => {
    expect(read(`<div><a href="/m/9.html">返回信件列表</a> 办理状态：已办结</div>`)).toEqual([]);
  });
});

describe('reply state of a status word', () => {
  it.each([
    ['已回复', 'answered'],
    ['已办结', 'answered'],
    ['已答复', 'answered'],
    ['未办结', 'pending'], // contains 办结
    ['已受理', 'pending'], // accepted is not answered
    ['已转办', 'pending'],
    ['办理中', 'pending'],
    ['待回复', 'pending'],
    ['已公开', null],
    [null, null],
  ] as const)('%s → %s', async (word, state) => {
    const { replyState } = await import('../../src/model/reply-state.js');
    expect(replyState(word)).toBe(state);
  });
});

describe('a letter’s own page', () => {
  it('reads the labelled days and status, not a 回复时间 in the letter’s text', async () => {
    const { readLetter } = await import('../../src/extract/letter.js');
    expect(
      readLetter(
        '信件标题 咨询插班 来信时间 2026-08-14 16:22 办理状态 已办结 来信内容 回复时间大概多久？ 答复单位 市教育局 答复时间 2026-08-26',
        AT_DAY,
      ),
    ).toEqual({
      askedOn: '2026-08-14',
      repliedOn: '2026-08-26',
      status: '已办结',
    });
    expect(readLetter('留言标题 路灯不亮 留言时间：2026-11-20 回复内容：暂无回复', AT_DAY)).toEqual({
      askedOn: '2026-11-20',
      repliedOn: null,
      status: '暂无回复',
    });
    expect(readLetter('发布时间：2026-11-20 来源：市政府办', AT_DAY)).toBeNull();
  });
});

describe('a 大汉 jpage board', () => {
  it('reads letters held in the <datastore> records when the page itself shows none', () => {
    const records = [
      ['关于公积金异地转移的咨询', '2026-11-20', '已回复'],
      ['反映小区电梯长期停运的问题', '2026-10-02', '办理中'],
    ]
      .map(
        ([t, d, s], i) =>
          `<record><![CDATA[<li><a href="/module/idea/que_content.jsp?topicid=${i}" title="${t}">${t}</a><span class="zt">${s}</span><span class="rq">${d}</span></li>]]></record>`,
      )
      .join('');
    const html = `<html><body><div id="323"></div><script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup><recordset>${records}</recordset></datastore></script>
      <script>$('#323').jpage({ dataStore: dataStore, perPage: 15, totalRecord: 2 });</script></body></html>`;
    expect(readHtml(html, { url: 'http://jyj.x.gov.cn/col/col1256/index.html', atDay: AT_DAY }).messages).toEqual([
      {
        title: '关于公积金异地转移的咨询',
        url: 'http://jyj.x.gov.cn/module/idea/que_content.jsp?topicid=0',
        askedOn: '2026-11-20',
        repliedOn: null,
        status: '已回复',
      },
      {
        title: '反映小区电梯长期停运的问题',
        url: 'http://jyj.x.gov.cn/module/idea/que_content.jsp?topicid=1',
        askedOn: '2026-10-02',
        repliedOn: null,
        status: '办理中',
      },
    ]);
  });
});

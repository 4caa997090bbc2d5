// Message-board list pages: letters with their asked and replied days and status, from a board module's
// table (the fixture fleet's) and from list layouts; ordinary lists are not boards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { daysBefore } from '../../src/extract/day.js';
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
    const board = fleet.sites[0]!.fixture.columns.flatMap(function walk(c): typeof c[] {
      return [c, ...(c.children ?? []).flatMap(walk)];
    }).find((c) => c.list?.kind === 'board');
    const letters = board?.list?.kind === 'board' ? board.list.messages : [];
    expect(read.messages.length).toBe(letters.length);
    expect(letters.length).toBeGreaterThan(0);
    for (const [i, m] of read.messages.entries()) {
      const want = letters[i]!;
      expect(m.askedOn).toBe(daysBefore(AT_DAY, want.askedDaysAgo));
      expect(m.repliedOn).toBe(want.repliedDaysAgo === null || want.repliedDaysAgo === undefined ? null : daysBefore(AT_DAY, want.repliedDaysAgo));
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
      { title: '咨询社保卡补办需要哪些材料', url: 'http://x.gov.cn/ly/1.html', askedOn: '2026-11-02', repliedOn: '2026-11-05', status: '已回复' },
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
    const r = inspectRead(readPage(Buffer.from(await res.arrayBuffer()), { url, contentType: res.headers.get('content-type'), atDay: AT_DAY }));
    expect(r.kind).toBe('board');
    expect(r.messages.length).toBeGreaterThan(0);
    for (const m of r.messages) {
      expect(m.askedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.repliedOn === null || /^\d{4}-\d{2}-\d{2}$/.test(m.repliedOn)).toBe(true);
      expect(m.status).toBe(m.repliedOn ? '已回复' : '办理中');
    }
  });
});

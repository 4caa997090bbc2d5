// An article page's publication date, read in the documented order, from markup in the forms real
// CMSs write it (TRS WCM, 大汉 JCMS 信息公开 tables, 集约化 platform templates, hand-made pages), and
// the near misses that must not be taken for it.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/page.js';

const AT_DAY = '2026-12-01';
const read = (body: string, head = '') =>
  readHtml(
    `<html><head><title>关于做好冬季安全生产工作的通知_湘源市人民政府</title>${head}</head><body>${body}</body></html>`,
    {
      url: 'http://www.xiangyuan.gov.cn/art/1.html',
      atDay: AT_DAY,
    },
    'content',
  ).publishedAt;

const HEADER = '<div class="top">今天是：2026年12月01日 星期二 <a href="/">首页</a></div>';
const TITLE = '<h1>关于做好冬季安全生产工作的通知</h1>';
const BODY =
  '<div class="TRS_Editor"><p>各县市区人民政府，市直各单位：为切实做好冬季安全生产工作，经市人民政府同意，现将有关事项通知如下。会议时间：2026年12月10日上午9时。</p><p>湘源市人民政府办公室</p><p>2026年11月15日</p></div>';

describe('publication date of an article page', () => {
  it('a labelled 发布时间 in the TRS info line', () => {
    const d = read(
      `${HEADER}${TITLE}<div class="info"><span>发布时间：2026-11-20 10:30</span> <span>来源：市应急局</span> 字号：[大 中 小]</div>${BODY}`,
    );
    expect(d).toMatchObject({ day: '2026-11-20', source: 'label', label: '发布时间' });
  });

  it('生成日期 in an 信息公开 metadata table, after a 成文日期 that is never taken', () => {
    const table =
      '<table class="xxgk"><tr><td>索引号：</td><td>11430100MB1234567X/2026-00012</td><td>发布机构：</td><td>湘源市人民政府办公室</td></tr>' +
      '<tr><td>成文日期：</td><td>2026年11月15日</td><td>生成日期：</td><td>2026-11-19</td></tr></table>';
    expect(read(`${HEADER}${table}${TITLE}${BODY}`)).toMatchObject({ day: '2026-11-19', source: 'table', label: '生成日期' });
  });

  it('a bare date as the first entry of the 来源/作者 line under the headline', () => {
    const line = '<ul class="article-info"><li>2026-11-21 14:43</li><li>来源：湘源市应急管理局</li><li>作者：办公室</li></ul>';
    expect(read(`${HEADER}${TITLE}${line}${BODY}`)).toMatchObject({ day: '2026-11-21', source: 'under-title' });
  });

  it('the 政府网站网页设计规范 PubDate meta when the page prints no date', () => {
    const d = read(`${HEADER}${TITLE}${BODY}`, '<meta name="PubDate" content="2026-11-22 09:30">');
    expect(d).toMatchObject({ day: '2026-11-22', source: 'meta', label: 'PubDate' });
  });

  it('firstpublishedtime, as 集约化 platforms write it', () => {
    const d = read(`${TITLE}${BODY}`, '<meta name="firstpublishedtime" content="2026-11-23-10:30:00">');
    expect(d).toMatchObject({ day: '2026-11-23', source: 'meta' });
  });

  it('a CMS comment wrapping the date', () => {
    expect(read(`${TITLE}<!--<publishtime>2026-11-24 08:00:00</publishtime>-->${BODY}`)).toMatchObject({
      day: '2026-11-24',
      source: 'comment',
    });
  });

  it('a printed label before a meta tag: what a person sees comes first', () => {
    const d = read(`${TITLE}<div>发布日期：2026年11月18日</div>${BODY}`, '<meta name="PubDate" content="2026-11-25">');
    expect(d).toMatchObject({ day: '2026-11-18', source: 'label' });
  });

  it('a procurement notice: 发布时间, not the 开标时间 or 报名时间 of its body', () => {
    const body = '<div class="detail"><p>项目编号：XYCG-2026-118</p><p>开标时间：2026年12月20日</p><p>报名时间：2026年12月05日</p></div>';
    expect(read(`${TITLE}${body}<div class="foot-info">发布时间：2026-11-26</div>`)).toMatchObject({ day: '2026-11-26' });
  });

  it('the article’s own line before a sidebar’s labelled list of other articles', () => {
    const side = '<div class="left"><ul><li><a href="/1.html">往期回顾</a> 发布时间：2019-03-01</li></ul></div>';
    expect(read(`${side}${TITLE}<div class="info">发布时间：2026-11-28 来源：办公室</div>${BODY}`)).toMatchObject({ day: '2026-11-28' });
  });

  it('更新时间 as the only visible date', () => {
    expect(read(`<h1>关于做好冬季安全生产工作的通知</h1><p>更新时间：2026-11-27</p>${BODY}`)).toMatchObject({
      day: '2026-11-27',
      label: '更新时间',
    });
  });

  it('a date a script writes after its label is not read, and the page says so', () => {
    const page = readHtml(
      `<html><head><title>关于做好冬季安全生产工作的通知_湘源市人民政府</title></head><body>${TITLE}<div>发布时间：<script>document.write("2026-12-06")</script></div>${BODY}</body></html>`,
      { url: 'http://www.xiangyuan.gov.cn/art/1.html', atDay: AT_DAY },
      'content',
    );
    expect({ day: page.publishedAt?.day ?? null, unread: page.dateUnread }).toEqual({ day: null, unread: true });
  });

  it('a bare 时间： in the line under the headline', () => {
    expect(read(`${HEADER}${TITLE}<div>时间：2026年11月2日 来源：本站</div>${BODY}`)).toMatchObject({ day: '2026-11-02', source: 'label' });
  });
});

describe('near misses: no publication date', () => {
  it('only 成文日期 and the signature date in the body', () => {
    const table = '<table><tr><td>成文日期：</td><td>2026年11月15日</td></tr></table>';
    expect(read(`${HEADER}${table}${TITLE}${BODY}`)).toBeNull();
  });

  it('a header clock', () => {
    expect(read(`${HEADER}${TITLE}${BODY}`)).toBeNull();
  });

  it('a meeting 时间 inside the body', () => {
    expect(read(`${TITLE}<div class="TRS_Editor"><p>时间：2026年12月10日</p><p>地点：市政府三楼会议室</p></div>`)).toBeNull();
  });

  it('a past meeting 时间 and 地点 opening the body', () => {
    expect(read(`${TITLE}<div class="TRS_Editor"><p>时间：2026年11月10日</p><p>地点：市政府三楼会议室</p></div>`)).toBeNull();
  });

  it('a long sentence under the headline that mentions a date', () => {
    const prose = '<p>2026年11月20日，市委常委会召开会议，传达学习有关精神，研究部署我市冬季安全生产工作，市委书记主持会议并讲话。</p>';
    expect(read(`${TITLE}${prose}`)).toBeNull();
  });

  it('a comment that is a template marker, and digits in the address', () => {
    expect(read(`${TITLE}<!-- 2026-11-20 模板修改 -->${BODY}`)).toBeNull();
  });
});

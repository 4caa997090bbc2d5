// Homepage blocks named as a person reads them, in the markup real portals use: tab strips over their
// panes (hidden panes included), title bars drawn as images, and near misses whose names must not move.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/page.js';

const AT_DAY = '2026-12-01';
const items = (dir: string, n: number, from = 1) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<li><a href="/${dir}/202611/t202611${String(28 - i - from).padStart(2, '0')}_${900 + i}.html" target="_blank">关于${dir}第${i + 1}项重点工作推进情况的报道</a><span>2026-11-${String(28 - i - from).padStart(2, '0')}</span></li>`,
  ).join('');
const home = (body: string) =>
  readHtml(
    `<html><head><title>新乡市人民政府</title></head><body>${body}</body></html>`,
    { url: 'http://www.xinxiang.gov.cn/', atDay: AT_DAY },
    'walk',
  ).lists.map((l) => [l.name, l.moreUrl === null ? null : new URL(l.moreUrl).pathname, l.items.length]);

describe('homepage block names', () => {
  it('a TRS tab strip over a sibling holder of panes, the active pane marked by class', () => {
    const html = `<div class="xwzx">
      <div class="xwzx-hd"><ul><li class="on"><a href="/jrxx/">今日新乡</a></li><li><a href="/xqdt/">县区动态</a></li><li><a href="/bmdt/">部门动态</a></li></ul></div>
      <div class="xwzx-bd">
        <div class="item on"><ul>${items('jrxx', 6)}</ul></div>
        <div class="item" style="display:none"><ul>${items('xqdt', 6, 2)}</ul></div>
        <div class="item" style="display:none"><ul>${items('bmdt', 6, 3)}</ul></div>
      </div></div>`;
    expect(home(html)).toEqual([
      ['今日新乡', '/jrxx/', 6],
      ['县区动态', '/xqdt/', 6],
      ['部门动态', '/bmdt/', 6],
    ]);
  });

  it('大汉 spans in a 标题 bar (bt) over lists that differ only by a hide class', () => {
    const html = `<div class="zwgk-box"><div class="bt"><span class="cur">政府文件</span><span>意见征集</span><a class="more" href="/col/col1236/index.html">更多</a></div>
      <div class="nr"><ul class="list">${items('zfwj', 5)}</ul><ul class="list hide">${items('yjzj', 5, 4)}</ul></div></div>`;
    expect(home(html).map((r) => r[0])).toEqual(['政府文件', '意见征集']);
  });

  it('a title bar drawn as an image names its block by the alt text', () => {
    const html = `<div class="zxgk"><div class="lm-tit"><img src="/images/zxgk.png" alt="最新公开"></div><ul>${items('zxgk', 6)}</ul></div>`;
    expect(home(html)).toEqual([['最新公开', null, 6]]);
  });

  it('near miss: a header strip of two links is not the tabs of two side-by-side blocks with title bars', () => {
    const html = `<div class="top-head"><ul><li><a href="/login">用户登录</a></li><li><a href="/reg">用户注册</a></li></ul></div>
      <div class="row"><div class="box"><div class="tit">政务动态<a class="more" href="/zwdt/">更多</a></div><ul>${items('zwdt', 6)}</ul></div><div class="box"><div class="tit">通知公告<a class="more" href="/tzgg/">更多</a></div><ul>${items('tzgg', 6, 2)}</ul></div></div>`;
    expect(home(html).map((r) => [r[0], r[1]])).toEqual([
      ['政务动态', '/zwdt/'],
      ['通知公告', '/tzgg/'],
    ]);
  });

  it('near miss: side-by-side blocks with their own headings keep them, whatever comes before', () => {
    const html = `<div class="nav-bar"><ul><li><a href="/a/">要闻</a></li><li><a href="/b/">公告</a></li></ul></div>
      <div class="row"><div class="box"><h3>部门动态</h3><ul>${items('bmdt', 6)}</ul></div><div class="box"><h3>乡镇动态</h3><ul>${items('xzdt', 6, 2)}</ul></div></div>`;
    expect(home(html).map((r) => r[0])).toEqual(['部门动态', '乡镇动态']);
  });
});

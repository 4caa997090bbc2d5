// Footer identity as real sites print it: every form below was missed once, and site-identity then
// reported an item missing on a site that shows it.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/page.js';

const read = (footer: string) =>
  readHtml(
    `<html><body><div class="main">正文内容</div><div class="footer">${footer}</div></body></html>`,
    { url: 'http://x.gov.cn/', atDay: '2026-12-01' },
    'content',
  ).identity;

describe('footer identity', () => {
  it.each([
    ['a site code with no colon', '网站标识码bm01000001京ICP备05070218号', { siteCode: 'bm01000001', icp: '京ICP备05070218号' }],
    [
      'a site code run into the next label',
      '网站标识码3604000001ICP备案：赣ICP备05002241号',
      { siteCode: '3604000001', icp: '赣ICP备05002241号' },
    ],
    ['公安备案 instead of 公网安备', '赣公安备案 36040202000107号', { police: '赣公安备案 36040202000107号' }],
    [
      'the number in a link after its label, with no 号',
      '冀公网安备 <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=13010402001602">13010402001602</a>',
      { police: '冀公网安备 13010402001602' },
    ],
    ['公安机关备案号 without a province', '公安机关备案号：11010502030143', { police: '公安机关备案号：11010502030143' }],
    ['an ICP number split across elements', '京<span>ICP</span>备<span>19054529</span>号<span>-1</span>', { icp: '京ICP备19054529号-1' }],
    ['an ICP number with a full-width colon and spaces', '湘ICP备案：湘 ICP 备 05001234 号 - 2', { icp: '湘ICP备05001234号-2' }],
  ])('reads %s', (_name, footer, expected) => {
    expect(read(footer)).toMatchObject(expected);
  });

  it.each([
    ['a phone number after 备案', '备案咨询电话 0731-88888888', { icp: null, police: null }],
    ['a site code label with nothing after it', '网站标识码： 主办单位：某某县人民政府', { siteCode: null }],
    ['ICP in an ordinary word', 'ICPC竞赛报名通知 2026', { icp: null }],
  ])('stays silent on %s', (_name, footer, expected) => {
    expect(read(footer)).toMatchObject(expected);
  });
});

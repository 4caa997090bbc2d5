import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, renderCsv } from '../../src/report/csv.js';
import { loadReport } from './fixture.js';

const EVIL_MESSAGE = '标题含"严重错误",见第 2 段\n原文：-“某某”';

describe('renderCsv', () => {
  const bytes = renderCsv(loadReport());
  const text = bytes.subarray(3).toString('utf8');

  it('starts with the UTF-8 BOM', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('ends records with CRLF; the only bare LF is inside a quoted message', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(7); // header, five sites, and the empty tail
    expect(text.replaceAll('\r\n', '').split('\n')).toHaveLength(2);
  });

  it('parses back to one row per site with the right cells', () => {
    const rows = parse(text) as string[][];
    expect(rows).toEqual([
      [...CSV_HEADER],
      [
        '1',
        '湖南省',
        '湖南省人民政府门户网站',
        'http://www.hunan.gov.cn/',
        '4300000001',
        '湖南省人民政府办公厅',
        '省级门户',
        '合格',
        '97.5',
        '',
        '首页链接 http://www.hunan.gov.cn/zwgk/old.html 返回 404',
        '首页最新信息发布于 2026-11-19，超过 10 天未更新，2026-11-17 前不更新将被单项否决',
      ],
      [
        '2',
        '湖南省 长沙市',
        '长沙市教育局',
        'http://jyj.changsha.gov.cn/',
        '4301000002',
        '长沙市教育局',
        '市级部门',
        '不合格',
        '单项否决',
        '首页不更新；空白栏目',
        '首页最近更新于 2026-10-20，已超过 2 周未更新；栏目“通知公告”无任何信息；栏目“政策解读”无任何信息；链接 http://jyj.changsha.gov.cn/a.html 超时',
        '',
      ],
      [
        '3',
        '湖北省 武汉市',
        '武汉市民政局',
        'https://mzj.wuhan.gov.cn/',
        '4201000003',
        '武汉市民政局',
        '市级部门',
        '不合格',
        '55.0',
        '',
        '栏目“工作动态”超过 2 周未更新；留言超过 3 个月未回复 2 条；未检查（错别字）：正文抽取失败',
        '',
      ],
      [
        '4',
        '湖南省',
        '湖南省某厅',
        'http://xx.hunan.gov.cn/',
        '4300000004',
        '',
        '',
        '未检查',
        '',
        '',
        '抓取被拒绝（HTTP 403），未取得页面',
        '',
      ],
      [
        '5',
        '',
        `'=HYPERLINK("http://evil.example/","点击")`,
        'http://evil.example/',
        '4300000005',
        "'+主办单位",
        '县级门户',
        '不合格',
        '单项否决',
        '严重表述错误',
        EVIL_MESSAGE,
        '',
      ],
    ]);
  });

  it('quotes per RFC 4180, doubling inner quotes', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/"",""点击"")"`);
  });

  it('neutralises a message that starts like a formula', () => {
    const report = loadReport();
    report.sites[0]!.findings[0]!.message = '=1+1';
    const rows = parse(renderCsv(report).subarray(3)) as string[][];
    expect(rows[1]![10]).toBe("'=1+1");
  });

  it('shows a time a message quotes in Beijing time', () => {
    const report = loadReport();
    report.sites[0]!.findings[0]!.message = '最近一次探测失败 2026-11-30T16:30:00.000Z';
    const rows = parse(renderCsv(report).subarray(3)) as string[][];
    expect(rows[1]![10]).toBe('最近一次探测失败 2026-12-01 00:30:00');
  });
});

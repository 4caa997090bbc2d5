// What the 通报 says, from the checked-in report.json: the figures, the problems by kind with their
// examples, and the 不合格网站名单; the Word layout is tested apart (docx.test.ts).
import { describe, expect, it } from 'vitest';
import { chineseNumber, clean, EXAMPLES_PER_KIND, OVER_DEDUCTION, tongbao } from '../../src/report/tongbao.js';
import { loadReport } from './fixture.js';

describe('the 通报 draft’s content', () => {
  it('titles the quarter and states 合格率 from the summary', () => {
    const t = tongbao(loadReport());
    expect(t.title).toBe('关于2026年第四季度政府网站抽查情况的通报');
    expect(t.titleLines.join('')).toBe(t.title);
    expect(t.opening).toContain('以2026年12月1日为监测时间点，对5个政府网站开展了2026年第四季度抽查');
    expect(t.overall[0]).toBe(
      '本次共抽查政府网站5个，完成检查4个，其中合格1个、不合格3个，合格率为25.0%。另有1个网站未能完成检查，未计入合格率。1个网站接近单项否决标准，已予预警。',
    );
    expect(t.overall.find((p) => p.startsWith('分地区看'))).toBe(
      '分地区看，未登记地区抽查1个、合格率0.0%；湖北省抽查1个、合格率0.0%；湖南省抽查2个、合格率50.0%。',
    );
  });

  it('groups the problems by kind, vetoes first, each with its sites counted and examples named', () => {
    const t = tongbao(loadReport());
    expect(t.problems.map((k) => [k.title, k.veto, k.sites])).toEqual([
      ['空白栏目', true, 1],
      ['首页不更新', true, 1],
      ['严重表述错误', true, 1],
      ['不可用链接', false, 2],
      ['互动回应差', false, 1],
      ['栏目不更新', false, 1],
    ]);
    // Two empty columns on one site: one example, the site counted once.
    expect(t.problems[0]!.examples).toEqual([
      {
        site: '长沙市教育局',
        url: 'http://jyj.changsha.gov.cn/tzgg/',
        date: '2026年12月1日',
        message: '栏目“通知公告”无任何信息',
      },
    ]);
    expect(t.problems[0]!.text).toBe(
      '1个网站存在此类问题（单项否决）。如长沙市教育局（http://jyj.changsha.gov.cn/tzgg/）：栏目“通知公告”无任何信息（检查日期：2026年12月1日）。',
    );
    expect(t.problems[3]!.examples.map((e) => e.site)).toEqual(['湖南省人民政府门户网站', '长沙市教育局']);
  });

  it('leaves out notices and findings a reviewer set aside, and caps the examples', () => {
    const r = loadReport();
    const link = r.sites[0]!.findings[0]!;
    r.sites[0]!.findings[0] = { ...link, ignored: { reason: '误报', by: '张三', until: null, kind: 'deduction', points: 1 } };
    const t = tongbao(r);
    expect(t.problems.find((k) => k.title === '不可用链接')!.sites).toBe(1);
    expect(t.problems.map((k) => k.title)).not.toContain('错别字');

    const many = loadReport();
    const site = many.sites[2]!;
    many.sites = Array.from({ length: 5 }, (_, i) => ({ ...site, id: `420100000${i}`, name: `站${i}` }));
    const stale = tongbao(many).problems.find((k) => k.title === '栏目不更新')!;
    expect(stale.sites).toBe(5);
    expect(stale.examples).toHaveLength(EXAMPLES_PER_KIND);
    expect(stale.text).toMatch(/^5个网站存在此类问题。如站0（[^；]*；站1（[^；]*；站2（[^；]*）等5个网站。$/);
  });

  it('dates an example by its evidence picture, in Beijing time', () => {
    const r = loadReport();
    const f = r.sites[1]!.findings.find((x) => x.rule === 'homepage-stale')!;
    f.evidence = { ...f.evidence, screenshots: [{ path: 'e.png', url: f.url, capturedAt: '2026-11-28T17:00:00.000Z' }] };
    expect(tongbao(r).problems.find((k) => k.title === '首页不更新')!.examples[0]!.date).toBe('2026年11月29日');
  });

  it('dates a person’s finding by the day they found it, and marks it 人工 in the examples and the list', () => {
    const r = loadReport();
    const f = r.sites[2]!.findings[0]!;
    r.sites[2]!.findings[0] = {
      ...f,
      source: 'manual',
      provenance: { file: '/data/专家.xlsx', row: 3, inspector: '李四', date: '2026-11-20', screenshot: null },
    };
    const t = tongbao(r);
    const example = t.problems.find((k) => k.title === f.title)!.examples[0]!;
    expect(example.date).toBe('2026年11月20日');
    expect(example.message).toBe(`【人工】${f.message}`);
    expect(t.attachment.rows[0]![6]).toContain(`【人工】${f.message}`);
  });

  it('lists the unqualified sites in the attachment by region, with what is wrong', () => {
    const t = tongbao(loadReport());
    expect(t.attachment.header).toEqual(['序号', '地区', '网站名称', '网址', '网站标识码', '主办单位', '问题']);
    expect(t.attachment.rows.map((r) => r.slice(0, 5))).toEqual([
      ['1', '湖北省 武汉市', '武汉市民政局', 'https://mzj.wuhan.gov.cn/', '4201000003'],
      ['2', '湖南省 长沙市', '长沙市教育局', 'http://jyj.changsha.gov.cn/', '4301000002'],
      ['3', '', '=HYPERLINK("http://evil.example/","点击")', 'http://evil.example/', '4300000005'],
    ]);
    expect(t.attachment.rows[0]![6]).toMatch(new RegExp(`^${OVER_DEDUCTION}：栏目“工作动态”超过 2 周未更新`));
    expect(t.attachment.rows[1]![6]).toMatch(/^首页不更新、空白栏目：/);
  });

  it('says so when no site was unqualified, and asks for the deductions to be fixed instead', () => {
    const r = loadReport();
    r.sites = r.sites.filter((s) => s.verdict !== 'unqualified');
    r.summary = { ...r.summary, checked: 1, unqualified: 0, qualifiedRate: 1 };
    const t = tongbao(r);
    expect(t.attachment.rows).toEqual([]);
    expect(t.attachment.empty).toBe('本季度无不合格网站');
    expect(t.requirements[0]!.text).toContain('扣分问题');
  });

  it('computes no 合格率 when no site could be judged', () => {
    const r = loadReport();
    r.sites = r.sites.filter((s) => s.verdict === 'not-checked');
    r.summary = { checked: 0, qualified: 0, unqualified: 0, notChecked: 1, qualifiedRate: null, warned: 0 };
    expect(tongbao(r).overall[0]).toBe('本次共抽查政府网站1个，均未完成检查，未计算合格率。');
  });

  it('names repeat offenders when the history has them', () => {
    const r = loadReport();
    r.history = { previousQuarter: '2026Q3', sites: [{ id: '4301000002', consecutiveUnqualified: 2 }], regions: [], levels: [] };
    expect(tongbao(r).overall.at(-1)).toBe('与2026年第三季度相比，1个网站连续两个季度以上不合格：长沙市教育局。');
  });

  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
  ])('numbers headings in Chinese: %i → %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });

  it('drops characters XML cannot carry', () => {
    expect(clean('长沙\u0001市\u000b教育局\t')).toBe('长沙市教育局\t');
  });
});

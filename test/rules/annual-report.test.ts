// annual-report: the year before's 政府信息公开工作年度报告 once 31 January has passed (at 2026-12-01:
// 2025's), found by its title or as a year's entry of a 年报 column; the deadline's bounds; not-checked
// where the section was not read or the 年报 column was linked but never opened.
import { describe, expect, it } from 'vitest';
import { column, ctx, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';
import { annualReport, dueYear } from '../../src/rules/annual-report.js';
import { runRule } from '../../src/verdict/run-rules.js';
import type { LinkArtifact, ListArtifact, SiteArtifacts } from '../../src/model/artifacts.js';

function link(text: string, target: string, pageUrl = 'http://x.gov.cn/'): LinkArtifact {
  return {
    pageUrl,
    onHomepage: pageUrl === 'http://x.gov.cn/',
    target,
    tag: 'a',
    text,
    status: null,
    http: null,
    error: null,
    attempts: 0,
  };
}

const XXGK = column('政府信息公开', { items: [3, 10] });
function titled(name: string, titles: string[]): ListArtifact {
  const c = column(name, { items: titles.map(() => 40) });
  return { ...c, items: c.items.map((it, i) => ({ ...it, title: titles[i]!, url: `http://x.gov.cn/nb/${i}.html` })) };
}
const partial = { state: 'partial' as const, reason: '页数达到上限 600', pagesFetched: 600 };
const s = (lists: ListArtifact[], links: LinkArtifact[] = [], extra: Partial<SiteArtifacts> = {}) => site({ lists, links, ...extra });

ruleTable(annualReport, {
  valid: [
    {
      name: 'the 2025 report linked by its full title',
      artifacts: s([XXGK], [link('2025年政府信息公开工作年度报告', 'http://x.gov.cn/nb/2025.html')]),
    },
    { name: 'a 年报 column whose entries are years', artifacts: s([XXGK, titled('政府信息公开年报', ['2025年度', '2024年度'])]) },
    {
      name: 'a 2025 年度 report of a department, with its name in front',
      artifacts: s([XXGK, titled('通知公告', ['XX市教育局2025年度政府信息公开工作年度报告'])]),
    },
    {
      name: 'a year link on a 年报 column’s page',
      artifacts: s(
        [XXGK, titled('政府信息公开年度报告', [])],
        [
          link(
            '2025年',
            'http://x.gov.cn/nb/a.pdf',
            'http://x.gov.cn/%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A/',
          ),
        ],
      ),
    },
    { name: 'a level the edition leaves out', artifacts: s([XXGK]), options: { levels: ['province-portal'] } },
  ],
  invalid: [
    {
      name: 'only 2024’s report in the 年报 column',
      artifacts: s([XXGK, titled('政府信息公开年报', ['2024年度', '2023年度'])]),
      codes: ['missing'],
    },
    {
      name: 'no report at all, the 信息公开 column read',
      artifacts: s([XXGK], [link('政府信息公开指南', 'http://x.gov.cn/zn/')]),
      codes: ['missing'],
    },
    {
      name: 'a 2025 news item that is not a report (2025年工作要点) does not count',
      artifacts: s([XXGK, titled('通知公告', ['2025年政务公开工作要点', '2024年政府信息公开工作年度报告'])]),
      codes: ['missing'],
    },
  ],
  notChecked: [
    { name: 'no 信息公开 section named', artifacts: s([column('工作动态', { items: [1] })]) },
    { name: 'the section on another host', artifacts: s([], [link('政府信息公开', 'http://xxgk.county.gov.cn/')]) },
    {
      name: 'the section not read and the crawl partial',
      artifacts: s([], [link('政务公开', 'http://x.gov.cn/zwgk/')], { crawl: partial }),
    },
    {
      name: 'a 年报 column linked but never read',
      artifacts: s([XXGK], [link('政府信息公开年报', 'http://x.gov.cn/nb/')]),
    },
    { name: 'homepage not read', artifacts: s([XXGK], [], { homepage: null }) },
  ],
});

describe('annual-report: which year is due', () => {
  it.each([
    ['2026-01-31', '01-31', 2024],
    ['2026-02-01', '01-31', 2025],
    ['2026-12-31', '01-31', 2025],
    ['2027-01-05', '01-31', 2025],
    ['2016-03-31', '03-31', 2014],
    ['2016-04-01', '03-31', 2015],
  ])('at %s with deadline %s: %i', (atDay, deadline, year) => {
    expect(dueYear(atDay, deadline)).toBe(year);
  });

  it('on 31 January asks for the year before last, and from 1 February for last year’s', () => {
    const only2024 = s([XXGK, titled('政府信息公开年报', ['2024年度'])]);
    const at = (day: string) => ({ ...ctx, at: `${day}T12:00:00+08:00`, atDay: day });
    const opts = annualReport.meta.options.parse({});
    expect(runRule(annualReport, only2024, opts, at('2026-01-31'))).toEqual({ status: 'checked', findings: [] });
    const r = runRule(annualReport, only2024, opts, at('2026-02-01'));
    expect(r.status === 'checked' && r.findings.map((f) => [f.code, f.message])).toEqual([
      ['missing', '未见2025年政府信息公开工作年度报告（应于2026年1月31日前发布），最近一份为2024年度'],
    ]);
  });
});

// state-council-missing: the column on the homepage, and each listed document republished within
// 24 hours; "missing" only when everything was read, "late" only when surely more than 24 hours.
import { describe, expect, it } from 'vitest';
import { daysBefore } from '../../src/model/day.js';
import { stateCouncilMissing } from '../../src/rules/state-council-missing.js';
import type { ArticleArtifact, LinkArtifact, ListArtifact, SiteArtifacts } from '../../src/model/artifacts.js';
import type { RuleContext } from '../../src/rules/rule.js';
import type { StateCouncilDoc } from '../../src/rules/utils/state-council-docs.js';
import { AT_DAY, block, column, ctx, site } from '../helpers/artifacts.js';
import { ruleTable } from '../helpers/rule-table.js';

const d = (n: number) => daysBefore(AT_DAY, n);
const DOCS: StateCouncilDoc[] = [
  { title: '国务院关于印发《加快构建现代化产业体系行动方案》的通知', number: '国发〔2026〕18号', published: d(20), url: null },
  { title: '国务院办公厅关于进一步优化政务服务提升行政效能的意见', number: '国办发〔2026〕41号', published: d(10), url: null },
];
const withDocs: RuleContext = { ...ctx, stateCouncil: DOCS };

function scColumn(items: { title: string; daysAgo: number }[], state: ListArtifact['state'] = 'items'): ListArtifact {
  return {
    ...column('国务院信息', { level: 1 }),
    state,
    items: items.map((i) => ({
      title: i.title,
      url: `http://x.gov.cn/gwyxx/${i.daysAgo}.html`,
      dateText: d(i.daysAgo),
      date: d(i.daysAgo),
    })),
  };
}
const onTime = scColumn([
  { title: '国务院关于印发《加快构建现代化产业体系行动方案》的通知', daysAgo: 19 },
  { title: '国务院办公厅关于进一步优化政务服务提升行政效能…', daysAgo: 10 },
]);
const homeLink = (text: string): LinkArtifact => ({
  pageUrl: 'http://x.gov.cn/',
  onHomepage: true,
  target: 'http://x.gov.cn/gwyxx/',
  tag: 'a',
  text,
  status: null,
  http: null,
  error: null,
  attempts: 0,
});
const s = (parts: Partial<SiteArtifacts>) => site({ links: [homeLink('国务院信息')], ...parts });

const run = (a: SiteArtifacts, c = withDocs) => stateCouncilMissing.run(a, stateCouncilMissing.meta.options.parse({}), c);

describe('state-council-missing', () => {
  it('is silent when the column is there and both documents came within a day (a cut list title matches)', () => {
    expect(run(s({ lists: [onTime] }))).toEqual({ status: 'checked', findings: [] });
  });

  it('matches by 发文字号 on an article page whatever the brackets', () => {
    const art: ArticleArtifact = {
      url: 'http://x.gov.cn/a.html',
      title: '转发国务院文件',
      published: d(10),
      docNumbers: ['国办发〔2026〕41号'],
    };
    const lists = [scColumn([{ title: '国务院关于印发《加快构建现代化产业体系行动方案》的通知', daysAgo: 20 }])];
    expect(run(s({ lists, articles: [art] }))).toEqual({ status: 'checked', findings: [] });
  });

  it('reports a document republished two days after the State Council as late, one day after as on time', () => {
    const lists = [
      scColumn([
        { title: DOCS[0]!.title, daysAgo: 18 },
        { title: DOCS[1]!.title, daysAgo: 9 },
      ]),
    ];
    const r = run(s({ lists }));
    expect(r).toMatchObject({ status: 'checked', findings: [{ code: 'late', evidence: { daysLate: 2, republished: d(18) } }] });
  });

  it('reports a document nowhere on a completely read site as missing', () => {
    const lists = [scColumn([{ title: DOCS[0]!.title, daysAgo: 20 }])];
    expect(run(s({ lists }))).toMatchObject({
      status: 'checked',
      findings: [{ code: 'missing', evidence: { document: { number: '国办发〔2026〕41号' } } }],
    });
  });

  it('does not call a document missing when the column could not be read or the crawl was partial', () => {
    expect(run(s({ lists: [scColumn([], 'unreadable')] })).status).toBe('not-checked');
    expect(
      run(
        s({
          lists: [onTime].map((l) => ({ ...l, items: l.items.slice(0, 1) })),
          crawl: { state: 'partial', reason: '达到每站页面上限', pagesFetched: 500 },
        }),
      ).status,
    ).toBe('not-checked');
  });

  it('does not judge a document whose 24 hours have not surely passed', () => {
    const fresh: StateCouncilDoc = { title: '国务院关于某事项的批复', number: '国函〔2026〕99号', published: d(1), url: null };
    expect(run(s({ lists: [onTime] }), { ...ctx, stateCouncil: [...DOCS, fresh] })).toEqual({ status: 'checked', findings: [] });
  });

  it('finds the column as a homepage block too, and reports its absence', () => {
    expect(run(site({ lists: [{ ...block('国务院信息', [3]), items: onTime.items }] }))).toEqual({ status: 'checked', findings: [] });
    const r = run(site({ links: [homeLink('中国政府网')] }));
    expect(r.status === 'checked' && r.findings.map((f) => f.code)).toEqual(['no-column', 'missing', 'missing']);
  });

  it('without a reference list: reports a missing column, and otherwise says the documents were not checked', () => {
    expect(run(site({}), ctx)).toMatchObject({ status: 'checked', findings: [{ code: 'no-column' }] });
    expect(run(s({ lists: [onTime] }), ctx).status).toBe('not-checked');
  });
});

ruleTable(stateCouncilMissing, {
  valid: [
    {
      name: 'a department below the levels that must republish',
      artifacts: { ...site({}), site: { ...site().site, level: 'county-dept' } },
    },
    { name: 'a provincial department', artifacts: { ...site({}), site: { ...site().site, level: 'province-dept' } } },
  ],
  invalid: [{ name: 'a prefecture portal without the column', artifacts: site({}), codes: ['no-column'] }],
  notChecked: [{ name: 'no level registered', artifacts: { ...site({}), site: { ...site().site, level: null } } }],
});

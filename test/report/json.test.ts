import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderJson } from '../../src/report/json.js';
import { expectValidReport, reportSchemaErrors } from '../helpers/report-schema.js';
import { FIXTURE_PATH, loadReport } from './fixture.js';

/** A report with every optional part filled in: typed as the model, so a key added to or renamed in the model fails to compile here first. */
function fullReport(): Report {
  const r = loadReport();
  const finding = r.sites[1]!.findings[3]!;
  const shot = { path: 'evidence/4301000002/home.png', url: 'http://jyj.changsha.gov.cn/', capturedAt: '2026-12-01T03:10:00.000Z' };
  r.sites[1]!.screenshot = shot;
  r.sites[1]!.findings[0]!.evidence = { ...r.sites[1]!.findings[0]!.evidence, screenshots: [shot] };
  r.sites[1]!.findings[3] = {
    ...finding,
    fingerprint: '0123456789abcdef',
    ignored: { reason: '外链由上级维护', by: '张三', until: '2027-03-31', kind: 'deduction', points: 1 },
  };
  r.history = {
    previousQuarter: '2026Q3',
    sites: [{ id: '4301000002', consecutiveUnqualified: 2 }],
    regions: [{ key: '430100', checked: 1, qualified: 0, rate: 0, previousRate: 0.5, change: -0.5, repeatOffenders: 1 }],
    levels: [{ key: 'unknown', checked: 1, qualified: 1, rate: 1, previousRate: null, change: null, repeatOffenders: 0 }],
  };
  r.closed = [
    {
      id: '4300000009',
      name: '已关停网站',
      url: 'http://closed.hunan.gov.cn/',
      sponsor: null,
      level: 'province-dept',
      region: '430000',
      availability: r.sites[0]!.availability,
      findings: [],
    },
  ];
  r.disagreements = [
    {
      siteId: '4301000002',
      name: '长沙市教育局',
      lowerTier: 'prefecture',
      lowerVerdict: 'qualified',
      upperVerdict: 'unqualified',
      onlyUpper: [
        {
          rule: 'column-empty',
          code: 'empty',
          url: 'http://jyj.changsha.gov.cn/tzgg/',
          message: '栏目无信息',
          fingerprint: 'fedcba9876543210',
        },
      ],
      onlyLower: [],
    },
  ];
  return r;
}

// Edits reach into arbitrary paths of the parsed JSON: typing them would only restate the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The report as JSON with one change made by `edit`, for the cases the schema must refuse. */
function edited(edit: (r: Json) => void): unknown {
  const r = JSON.parse(renderJson(fullReport())) as Json;
  edit(r);
  return r;
}

describe('renderJson', () => {
  it('reproduces the checked-in report.json byte for byte', () => {
    expect(renderJson(loadReport())).toBe(readFileSync(FIXTURE_PATH, 'utf8'));
  });

  it('round-trips, with 2-space indent and a trailing newline', () => {
    const text = renderJson(loadReport());
    expect(JSON.parse(text)).toEqual(loadReport());
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('report.json against schema/report.schema.json', () => {
  it('accepts the checked-in report.json', () => {
    expectValidReport(JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')));
  });

  it('accepts a report with every optional part (history, closed sites, disagreements, ignored findings, screenshots)', () => {
    expectValidReport(JSON.parse(renderJson(fullReport())));
  });

  it('leaves evidence open: a rule may put any field in it', () => {
    expectValidReport(
      edited((r) => {
        r.sites[0].findings[0].evidence.anyRuleField = { nested: [1, 2] };
      }),
    );
  });

  // Each case names where the schema must complain: a renamed, missing, extra or mistyped key.
  const refused: [string, (r: Json) => void, string][] = [
    ['a missing top-level key', (r) => delete r.generatedAt, "/: must have required property 'generatedAt'"],
    [
      'a renamed summary key',
      (r) => ((r.summary.qualifiedRatio = r.summary.qualifiedRate), delete r.summary.qualifiedRate),
      '/summary: must',
    ],
    ['an extra top-level key', (r) => (r.extra = true), '/: must NOT have additional properties'],
    ['another schema version', (r) => (r.schemaVersion = 2), '/schemaVersion: must be equal to constant'],
    ['a mistyped quarter', (r) => (r.quarter = '2026-Q4'), '/quarter: must match pattern'],
    ['an unknown tier', (r) => (r.tier = 'city'), '/tier: must be equal to one of the allowed values'],
    ['a site without its url', (r) => delete r.sites[2].url, "/sites/2: must have required property 'url'"],
    ['a site without availability', (r) => delete r.sites[0].availability, "/sites/0: must have required property 'availability'"],
    ['an unknown verdict', (r) => (r.sites[0].verdict = 'passed'), '/sites/0/verdict: must be equal to one of the allowed values'],
    ['a score above 100', (r) => (r.sites[0].score = 101), '/sites/0/score: must be <= 100'],
    [
      'an unknown crawl state',
      (r) => (r.sites[0].crawl.state = 'done'),
      '/sites/0/crawl/state: must be equal to one of the allowed values',
    ],
    [
      'a finding without evidence',
      (r) => delete r.sites[1].findings[0].evidence,
      "/sites/1/findings/0: must have required property 'evidence'",
    ],
    [
      'a finding with a renamed key',
      (r) => ((r.sites[1].findings[0].ruleId = 'x'), delete r.sites[1].findings[0].rule),
      '/sites/1/findings/0: must',
    ],
    [
      'an unknown finding kind',
      (r) => (r.sites[1].findings[0].kind = 'warning'),
      '/sites/1/findings/0/kind: must be equal to one of the allowed values',
    ],
    ['a short fingerprint', (r) => (r.sites[1].findings[3].fingerprint = 'abc'), '/sites/1/findings/3/fingerprint: must match pattern'],
    ['a screenshot without its path', (r) => delete r.sites[1].screenshot.path, '/sites/1/screenshot'],
    [
      'an evidence screenshot without its path',
      (r) => delete r.sites[1].findings[0].evidence.screenshots[0].path,
      '/sites/1/findings/0/evidence/screenshots/0',
    ],
    ['a rate row without its rate', (r) => delete r.history.regions[0].rate, "/history/regions/0: must have required property 'rate'"],
    ['a closed site with a verdict', (r) => (r.closed[0].verdict = 'qualified'), '/closed/0: must NOT have additional properties'],
    [
      'a disagreement without its tier',
      (r) => delete r.disagreements[0].lowerTier,
      "/disagreements/0: must have required property 'lowerTier'",
    ],
    ['a date that is not ISO 8601', (r) => (r.at = '2026/12/01 10:00'), '/at: must match'],
  ];
  it.each(refused)('refuses %s', (_name, edit, where) => {
    const errors = reportSchemaErrors(edited(edit));
    expect(
      errors.some((e) => e.startsWith(where)),
      errors.join('\n') || 'no error',
    ).toBe(true);
  });
});

// Manual findings judged with the rules' own (src/verdict/manual.ts → judge): the edition decides how they count.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { fingerprint } from '../../src/model/fingerprint.js';
import type { ManualFinding } from '../../src/store/manual-findings.js';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judge } from '../../src/verdict/judge.js';
import { manualOutcomes } from '../../src/verdict/manual.js';
import type { RuleOutcome } from '../../src/verdict/run-rules.js';
import { site } from '../helpers/artifacts.js';

const edition = loadEdition('2019');
const SITE = '4301000001';

function manual(rule: string, code: string, description = '人工发现的问题', url: string | null = null): ManualFinding {
  return {
    quarter: '2026Q4',
    siteId: SITE,
    rule,
    code,
    typeGiven: rule,
    url,
    description,
    inspector: '张三',
    foundOn: '2026-11-20',
    screenshotGiven: null,
    screenshotPath: null,
    sourceFile: '/data/experts.csv',
    sourceRow: 2,
  };
}
const ruleFinding = (rule: string, code: string): Finding => ({ rule, code, siteId: SITE, url: null, message: 'm', evidence: {} });
const checked = (rule: string, ...f: Finding[]): RuleOutcome => ({ rule, result: { status: 'checked', findings: f } });

describe('manual findings in judging', () => {
  it('a manual veto makes the site unqualified even where the rule itself could not judge', () => {
    const j = judge(
      site({ homepage: null }),
      [
        { rule: 'homepage-stale', result: { status: 'not-checked', reason: '首页未能获取' } },
        ...manualOutcomes([manual('homepage-stale', 'stale')]),
      ],
      edition,
    );
    expect(j).toMatchObject({ verdict: 'unqualified', vetoes: ['homepage-stale'] });
    expect(j.findings).toEqual([
      expect.objectContaining({
        kind: 'veto',
        source: 'manual',
        provenance: { file: '/data/experts.csv', row: 2, inspector: '张三', date: '2026-11-20', screenshot: null },
      }),
    ]);
  });

  it('a manual deduction shares its indicator cap with the rules’ own, which count first', () => {
    const four = Array.from({ length: 4 }, () => ruleFinding('column-stale', 'stale-first-level'));
    const j = judge(site(), [checked('column-stale', ...four), ...manualOutcomes([manual('column-stale', 'stale-first-level')])], edition);
    expect(j.findings.map((f) => [f.source, f.points])).toEqual([
      ['checker', 5],
      ['checker', 5],
      ['checker', 5],
      ['checker', 5],
      ['manual', 0],
    ]);
    expect(j.score).toBe(80);
  });

  it('a rule the edition leaves out makes a manual finding a notice', () => {
    const without = { ...edition, rules: edition.rules.filter((r) => r.id !== 'typo') };
    const j = judge(site(), manualOutcomes([manual('typo', 'typo')]), without);
    expect(j).toMatchObject({ verdict: 'qualified', score: 100 });
    expect(j.findings[0]).toMatchObject({ kind: 'notice', points: 0, source: 'manual' });
  });

  it('the ignore list takes out one manual finding by its fingerprint and leaves the other', () => {
    const a = manual('typo', 'typo', '“攻府”应为“政府”', 'http://x.gov.cn/1.html');
    const b = manual('typo', 'typo', '“烈土”应为“烈士”', 'http://x.gov.cn/1.html');
    const fpA = fingerprint(SITE, { rule: 'typo', code: 'typo', url: a.url, evidence: {}, source: 'manual', message: a.description });
    expect(fpA).not.toBe(
      fingerprint(SITE, { rule: 'typo', code: 'typo', url: b.url, evidence: {}, source: 'manual', message: b.description }),
    );
    // A rule's own typo finding with the same rule, code and URL is another finding.
    expect(fpA).not.toBe(fingerprint(SITE, { rule: 'typo', code: 'typo', url: a.url, evidence: {} }));
    const list = { file: 'ignore.yaml', entries: [{ fingerprint: fpA, reason: '引用原文', by: '李四', until: null }] };
    const j = judge(site(), manualOutcomes([a, b]), edition, { list, atDay: '2026-12-01' });
    expect(j.findings.map((f) => [f.message, f.kind, f.points, f.ignored?.reason ?? null])).toEqual([
      ['“攻府”应为“政府”', 'notice', 0, '引用原文'],
      ['“烈土”应为“烈士”', 'deduction', 1, null],
    ]);
    expect(j.score).toBe(99);
  });
});

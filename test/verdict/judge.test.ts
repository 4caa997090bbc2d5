import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/verdict/config/edition.js';
import { judge } from '../../src/verdict/judge.js';
import type { RuleOutcome } from '../../src/verdict/run-rules.js';
import type { Finding } from '../../src/model/finding.js';
import { site } from '../helpers/artifacts.js';

const edition = loadEdition('2019');

function finding(rule: Finding['rule'], code: string): Finding {
  return { rule, code, siteId: '4301000001', url: null, message: 'm', evidence: {} };
}
const checked = (rule: string, ...f: Finding[]): RuleOutcome => ({ rule, result: { status: 'checked', findings: f } });

describe('judge', () => {
  it('a veto makes the site unqualified and stops the scoring', () => {
    const j = judge(site(), [checked('homepage-stale', finding('homepage-stale', 'stale'))], edition);
    expect(j).toMatchObject({ verdict: 'unqualified', score: null, vetoes: ['homepage-stale'] });
    expect(j.findings[0]).toMatchObject({ kind: 'veto', points: 0, title: '首页不更新' });
  });

  it('deductions are capped per indicator (columns: 20)', () => {
    const six = Array.from({ length: 6 }, () => finding('column-stale', 'stale-first-level'));
    const j = judge(site(), [checked('column-stale', ...six)], edition);
    expect(j.verdict).toBe('qualified');
    expect(j.score).toBe(80);
    expect(j.findings.map((f) => f.points)).toEqual([5, 5, 5, 5, 0, 0]);
  });

  it('notices cost nothing', () => {
    const j = judge(site(), [checked('column-empty', finding('column-empty', 'empty-column'))], edition);
    expect(j).toMatchObject({ verdict: 'qualified', score: 100 });
    expect(j.findings[0]?.kind).toBe('notice');
  });

  it('the pass mark itself passes in 2019 and fails in 2015', () => {
    const at60 = { ...edition, scoring: { ...edition.scoring, base: 80 } };
    const five = Array.from({ length: 4 }, () => finding('column-stale', 'stale-first-level'));
    expect(judge(site(), [checked('column-stale', ...five)], at60)).toMatchObject({ score: 60, verdict: 'qualified' });
    const strict = { ...at60, scoring: { ...at60.scoring, passAtMark: false } };
    expect(judge(site(), [checked('column-stale', ...five)], strict)).toMatchObject({ score: 60, verdict: 'unqualified' });
    expect(loadEdition('2015').scoring.passAtMark).toBe(false);
  });

  it('a homepage that could not be read is not-checked, never qualified', () => {
    const j = judge(
      site({ homepage: null }),
      [{ rule: 'homepage-stale', result: { status: 'not-checked', reason: '首页未能获取' } }],
      edition,
    );
    expect(j.verdict).toBe('not-checked');
    expect(j.notCheckedReason).toContain('首页');
    expect(j.notChecked).toEqual([{ rule: 'homepage-stale', reason: '首页未能获取' }]);
  });

  it('rules that could not judge are listed on a scored site', () => {
    const j = judge(site(), [{ rule: 'site-unreachable', result: { status: 'not-checked', reason: '只有 3 次探测' } }], edition); // not a must-check rule
    expect(j).toMatchObject({ verdict: 'qualified', score: 100, notChecked: [{ rule: 'site-unreachable', reason: '只有 3 次探测' }] });
  });
});

describe('judge: must-check rules', () => {
  it('a content veto rule that could not judge leaves the site not-checked, not qualified', () => {
    const j = judge(site(), [{ rule: 'column-empty', result: { status: 'not-checked', reason: '没有读取到任何栏目列表' } }], edition);
    expect(j).toMatchObject({ verdict: 'not-checked', score: null });
    expect(j.notCheckedReason).toContain('空白栏目：没有读取到任何栏目列表');
  });

  it('a veto found elsewhere still makes the site unqualified', () => {
    const j = judge(
      site(),
      [
        checked('homepage-stale', finding('homepage-stale', 'stale')),
        { rule: 'column-empty', result: { status: 'not-checked', reason: 'x' } },
      ],
      edition,
    );
    expect(j.verdict).toBe('unqualified');
  });
});

describe('judge: partially checked sites', () => {
  it('a crawl stopped by a bound gives no verdict of qualified', () => {
    const j = judge(
      site({ crawl: { state: 'partial', reason: '达到每站页面上限（600 页）', pagesFetched: 600 } }),
      [checked('column-stale')],
      edition,
    );
    expect(j).toMatchObject({ verdict: 'not-checked', score: null });
    expect(j.notCheckedReason).toContain('部分检查：达到每站页面上限');
  });

  it('but a veto found in what was read stands', () => {
    const j = judge(
      site({ crawl: { state: 'partial', reason: 'x', pagesFetched: 600 } }),
      [checked('homepage-stale', finding('homepage-stale', 'stale'))],
      edition,
    );
    expect(j.verdict).toBe('unqualified');
  });
});

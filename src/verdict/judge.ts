// Findings → verdict. Any veto makes the site unqualified and stops the scoring; a site whose homepage
// could not be read, or that a must-check rule could not judge, is not-checked (never guessed qualified);
// otherwise deductions, capped per indicator, decide against the pass mark.
import type { FindingKind, Judgement, ReportFinding } from '../model/report.js';
import { ruleTitle } from '../rules/index.js';
import type { SiteArtifacts } from '../model/artifacts.js';
import type { Edition } from './config/edition.js';
import type { RuleOutcome } from './run-rules.js';
import { fingerprint } from '../model/fingerprint.js';
import { ignoreFor, type IgnoreList } from './config/ignore-list.js';

/** `ignore` with `atDay` (the check's reference day) takes accepted findings out of the verdict; they stay listed. */
export function judge(
  artifacts: SiteArtifacts,
  outcomes: RuleOutcome[],
  edition: Edition,
  ignore: { list: IgnoreList | null; atDay: string } | null = null,
): Judgement {
  const findings: ReportFinding[] = [];
  const notChecked: Judgement['notChecked'] = [];
  const remaining = new Map(Object.entries(edition.scoring.indicators).map(([k, v]) => [k, v.cap]));
  let deducted = 0;
  for (const { rule, result } of outcomes) {
    if (result.status === 'not-checked') {
      notChecked.push({ rule, reason: result.reason });
      continue;
    }
    // A manual finding may name a rule this edition leaves out: it is listed, as a notice.
    const spec = edition.rules.find((r) => r.id === rule);
    for (const f of result.findings) {
      const s = spec?.findings[f.code];
      const origin =
        f.source === 'manual' ? { source: 'manual' as const, provenance: f.provenance ?? null } : { source: 'checker' as const };
      const kind: FindingKind = s?.kind ?? 'notice';
      const fp = fingerprint(f.siteId, f);
      const entry = ignore ? ignoreFor(ignore.list, fp, ignore.atDay) : null;
      let points = 0;
      if (entry) {
        findings.push({
          rule: f.rule,
          code: f.code,
          title: ruleTitle(f.rule),
          kind: 'notice',
          points: 0,
          url: f.url,
          message: f.message,
          evidence: f.evidence,
          fingerprint: fp,
          ignored: { reason: entry.reason, by: entry.by, until: entry.until, kind, points: s?.kind === 'deduction' ? s.points : 0 },
          ...origin,
        });
        continue;
      }
      if (kind === 'deduction' && s) {
        points = s.points;
        if (s.indicator) {
          points = Math.min(points, remaining.get(s.indicator) ?? 0);
          remaining.set(s.indicator, (remaining.get(s.indicator) ?? 0) - points);
        }
        deducted += points;
      }
      findings.push({
        rule: f.rule,
        code: f.code,
        title: ruleTitle(f.rule),
        kind,
        points,
        url: f.url,
        message: f.message,
        evidence: f.evidence,
        fingerprint: fp,
        ignored: null,
        ...origin,
      });
    }
  }
  const vetoes = [...new Set(findings.filter((f) => f.kind === 'veto').map((f) => f.rule))];
  const base = { findings, notChecked, vetoes };
  if (vetoes.length > 0) return { ...base, verdict: 'unqualified', score: null, notCheckedReason: null };
  if (!artifacts.homepage?.readable) {
    const why = artifacts.homepage?.error ?? (artifacts.homepage ? `首页返回状态 ${artifacts.homepage.status}` : '尚未抓取');
    return { ...base, verdict: 'not-checked', score: null, notCheckedReason: `首页未能读取：${why}` };
  }
  // A crawl stopped by a bound read only part of the site: what it found stands, its silence does not.
  if (artifacts.crawl.state === 'partial') {
    return { ...base, verdict: 'not-checked', score: null, notCheckedReason: `部分检查：${artifacts.crawl.reason ?? '抓取未完成'}` };
  }
  const missing = notChecked.filter((n) => edition.scoring.mustCheck.includes(n.rule));
  if (missing.length > 0) {
    const why = missing.map((n) => `${ruleTitle(n.rule)}：${n.reason}`).join('；');
    return { ...base, verdict: 'not-checked', score: null, notCheckedReason: `无法判断：${why}` };
  }
  const score = Math.round((edition.scoring.base - deducted) * 10) / 10;
  const { passMark, passAtMark } = edition.scoring;
  const passed = score > passMark || (passAtMark && score === passMark);
  return { ...base, verdict: passed ? 'qualified' : 'unqualified', score, notCheckedReason: null };
}

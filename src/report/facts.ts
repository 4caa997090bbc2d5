// What a site's row says, worked out once so the CSV and every XLSX sheet agree on it.
import type { ReportFinding, ReportSite } from '../model/report.js';
import { ruleTitle } from '../rules/index.js';

export const VETO_SCORE_TEXT = '单项否决';

/** Chinese titles of the veto findings, each once; a veto with no finding falls back to its rule id. */
export function vetoTitles(site: ReportSite): string[] {
  const titles = site.findings.filter((f) => f.kind === 'veto').map((f) => f.title);
  // The verdict stage owns `vetoes`; a rule listed there without a finding must still show up
  // rather than leave a vetoed site with an empty 问题类型.
  const vetoedRules = new Set(site.findings.filter((f) => f.kind === 'veto').map((f) => f.rule));
  const orphans = site.vetoes.filter((rule) => !vetoedRules.has(rule));
  return [...new Set([...titles, ...orphans])];
}

/** The Chinese titles of the rules that took points off a site, once each, in the order found. */
export function deductionTitles(site: ReportSite): string[] {
  return [...new Set(site.findings.filter((f) => f.kind === 'deduction').map((f) => f.title))];
}

/** What every report calls a finding a person made (source `manual`, imported with `choucha findings import`). */
export const MANUAL_LABEL = '人工';

/** A finding's message as the tables give it: a person's finding is marked 【人工】. */
export function findingText(f: ReportFinding): string {
  return f.source === 'manual' ? `【${MANUAL_LABEL}】${f.message}` : f.message;
}

/** Messages of the findings that cost the site its verdict or points; notices are left out. */
export function problemMessages(site: ReportSite): string[] {
  return site.findings.filter((f) => f.kind !== 'notice').map(findingText);
}

/** Why the site, or some of its rules, could not be judged: each rule by the Chinese title a reader knows it by. */
export function notCheckedReasons(site: ReportSite): string[] {
  const reasons = site.notCheckedReason === null ? [] : [site.notCheckedReason];
  return [...reasons, ...site.notChecked.map((n) => `未检查（${ruleTitle(n.rule)}）：${n.reason}`)];
}

export function isVetoed(site: ReportSite): boolean {
  return site.vetoes.length > 0 || site.findings.some((f) => f.kind === 'veto');
}

/** The 得分 cell: a number when scored, 单项否决 when a veto stopped scoring, "" when not judged. */
export function scoreValue(site: ReportSite): number | string {
  if (site.verdict === 'not-checked') return '';
  if (isVetoed(site)) return VETO_SCORE_TEXT;
  return site.score ?? '';
}

/** The exposure list's order: by region code (sites without one last), then by site id. */
export function byRegionThenId(a: ReportSite, b: ReportSite): number {
  if (a.region !== b.region) {
    if (a.region === null) return 1;
    if (b.region === null) return -1;
    return a.region < b.region ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

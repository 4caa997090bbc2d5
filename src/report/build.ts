// The report is a pure function of the stored check: sites, verdicts and findings → report.json's shape.
import type { Db } from '../store/db.js';
import { type Check, sampleOf } from '../store/checks.js';
import { getSites } from '../store/sites.js';
import { judgementsOf } from '../store/verdicts.js';
import { RULES } from '../rules/index.js';
import type { RuleId } from '../rules/types.js';
import type { Report, ReportSite } from './model.js';

export function buildReport(db: Db, check: Check, generatedAt: string): Report {
  const sample = new Map(sampleOf(db, check.id).map((s) => [s.siteId, s]));
  const judged = new Map(judgementsOf(db, check.id, (r) => RULES[r as RuleId]?.meta.title ?? r).map((j) => [j.siteId, j]));
  const sites: ReportSite[] = getSites(db, [...sample.keys()]).map((s) => {
    const j = judged.get(s.id);
    const c = sample.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      url: s.url,
      sponsor: s.sponsor,
      level: s.level,
      region: s.region,
      verdict: j?.verdict ?? 'not-checked',
      score: j?.score ?? null,
      vetoes: j?.vetoes ?? [],
      findings: j?.findings ?? [],
      notChecked: j?.notChecked ?? [],
      notCheckedReason: j ? j.notCheckedReason : '尚未判定（请先运行 choucha check）',
      crawl: { state: c.crawlState, reason: c.crawlReason, pagesFetched: c.pagesFetched },
    };
  });
  const qualified = sites.filter((s) => s.verdict === 'qualified').length;
  const unqualified = sites.filter((s) => s.verdict === 'unqualified').length;
  const checked = qualified + unqualified;
  return {
    schemaVersion: 1,
    quarter: check.quarter,
    tier: check.tier,
    edition: check.edition,
    at: check.at,
    generatedAt,
    summary: { checked, qualified, unqualified, notChecked: sites.length - checked, qualifiedRate: checked > 0 ? Math.round((qualified / checked) * 10000) / 10000 : null },
    sites,
  };
}

// `check`: judge every site of a check from its stored artifacts (no network): rules, then verdict.
import { cstDay } from '../extract/day.js';
import type { Db } from '../store/db.js';
import { loadSiteArtifacts } from '../store/artifacts.js';
import { type Check, sampleOf } from '../store/checks.js';
import { getSites } from '../store/sites.js';
import { saveJudgement } from '../store/verdicts.js';
import type { Edition } from './edition.js';
import { judge } from './judge.js';
import { runRules } from './run-rules.js';

export function judgeCheck(db: Db, check: Check, edition: Edition, now: string): { judged: number } {
  const sites = getSites(db, sampleOf(db, check.id).map((s) => s.siteId));
  const ctx = { at: check.at, atDay: cstDay(check.at), lexicons: edition.lexicons };
  for (const site of sites) {
    const artifacts = loadSiteArtifacts(db, check, site);
    const outcomes = runRules(artifacts, edition, ctx);
    saveJudgement(db, check.id, site.id, judge(artifacts, outcomes, edition), now);
  }
  return { judged: sites.length };
}

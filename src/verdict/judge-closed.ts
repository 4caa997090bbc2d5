// The closed (关停) sites in a check's scope get no verdict: they are out of the sample by definition.
// Their probes are still judged by registry-mismatch alone, which says when one still serves its pages.
import { cstDay } from '../model/day.js';
import type { Db } from '../store/db.js';
import type { RuleContext } from '../rules/rule.js';
import type { Check } from '../store/checks.js';
import { closedInScope } from '../store/closed-sites.js';
import { loadSiteArtifacts } from '../store/artifacts.js';
import { saveFindingsOnly } from '../store/verdicts.js';
import type { Edition } from './config/edition.js';
import type { IgnoreList } from './config/ignore-list.js';
import { judge } from './judge.js';
import { runRules } from './run-rules.js';

export function judgeClosed(db: Db, check: Check, edition: Edition, opts: { ignore?: IgnoreList | null } = {}): { judged: number } {
  const only = { ...edition, rules: edition.rules.filter((r) => r.id === 'registry-mismatch') };
  if (only.rules.length === 0) return { judged: 0 };
  const ctx: RuleContext = { at: check.at, atDay: cstDay(check.at), lexicons: edition.lexicons, stateCouncil: null };
  const sites = closedInScope(db, check);
  for (const site of sites) {
    // Nothing was crawled: the rule sees the probes, and no homepage or text.
    const artifacts = {
      ...loadSiteArtifacts(db, check, site),
      texts: { pages: [], shared: { url: site.url, blocks: [] } },
      articles: [],
      identity: null,
      hiddenLinks: [],
      homepageFeatures: null,
      documentValidity: [],
    };
    const j = judge(artifacts, runRules(artifacts, only, ctx), only, { list: opts.ignore ?? null, atDay: ctx.atDay });
    saveFindingsOnly(db, check.id, site.id, j.findings);
  }
  return { judged: sites.length };
}

// `check`: judge every site of a check from its stored artifacts (no network): rules, then verdict; and
// the closed sites in its scope, on their probes alone.
import { cstDay } from '../model/day.js';
import { heapKeeper } from '../heap.js';
import type { Db } from '../store/db.js';
import type { RuleContext } from '../rules/rule.js';
import type { StateCouncilDoc } from '../rules/utils/state-council-docs.js';
import { siteArtifacts } from './reread/site-artifacts.js';
import { type Check, sampleOf } from '../store/checks.js';
import { getSites } from '../store/sites.js';
import { saveJudgement } from '../store/verdicts.js';
import type { Edition } from './config/edition.js';
import { judge } from './judge.js';
import type { IgnoreList } from './config/ignore-list.js';
import { runRules } from './run-rules.js';
import { judgeClosed } from './judge-closed.js';
import { manualOutcomes } from './manual.js';
import { manualFindingsOf } from '../store/manual-findings.js';

// Judging holds one site at a time (about 80 MB live, most of it the compiled lexicons), but V8 left the
// garbage of reading each site's pages in the heap until it neared its limit: 1,000 sites peaked at
// 525 MB, and a 100-site check at up to 640 MB when one late collection found 257 MB of garbage. jieba's
// dictionary adds a fixed amount outside the heap once a lexicon hit needs word boundaries.
const HEAP_FLOOR_BYTES = 128 * 1024 * 1024;
const HEAP_GROWTH = 1.5;

export function judgeCheck(
  db: Db,
  check: Check,
  edition: Edition,
  now: string,
  opts: { stateCouncil?: StateCouncilDoc[] | null; ignore?: IgnoreList | null; onSite?: (siteId: string) => void } = {},
): { judged: number; closed: number } {
  const sites = getSites(
    db,
    sampleOf(db, check.id).map((s) => s.siteId),
  );
  const ctx: RuleContext = { at: check.at, atDay: cstDay(check.at), lexicons: edition.lexicons, stateCouncil: opts.stateCouncil ?? null };
  // Expert and third-party findings of the check's quarter, judged with the rules' own (src/verdict/manual.ts).
  const manual = manualFindingsOf(db, check.quarter);
  const keepHeap = heapKeeper(HEAP_FLOOR_BYTES, HEAP_GROWTH);
  for (const site of sites) {
    keepHeap();
    const artifacts = siteArtifacts(db, check, site);
    const outcomes = [...runRules(artifacts, edition, ctx), ...manualOutcomes(manual.get(site.id) ?? [])];
    saveJudgement(db, check.id, site.id, judge(artifacts, outcomes, edition, { list: opts.ignore ?? null, atDay: ctx.atDay }), now);
    opts.onSite?.(site.id);
  }
  return { judged: sites.length, closed: judgeClosed(db, check, edition, { ignore: opts.ignore ?? null }).judged };
}

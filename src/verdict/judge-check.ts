// `check`: judge every site of a check from its stored artifacts (no network): rules, then verdict; and
// the closed sites in its scope, on their probes alone. The typo detector's finds are then weighed
// against the whole check's text (reread/run-corpus.ts), and the sites that had such finds judged again
// with it: a second pass over the few sites it concerns, rather than a first one over all of them.
import { cstDay } from '../model/day.js';
import { heapKeeper } from '../heap.js';
import type { Db } from '../store/db.js';
import type { RuleContext } from '../rules/rule.js';
import type { StateCouncilDoc } from '../rules/utils/state-council-docs.js';
import { siteArtifacts } from './reread/site-artifacts.js';
import { type Check, sampleOf } from '../store/checks.js';
import { getSites } from '../store/sites.js';
import type { Site } from '../model/site.js';
import { saveJudgement } from '../store/verdicts.js';
import type { Edition } from './config/edition.js';
import { judge } from './judge.js';
import type { IgnoreList } from './config/ignore-list.js';
import { type RuleOutcome, runRules } from './run-rules.js';
import { readRunCorpus } from './reread/run-corpus.js';
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
  const judgeSite = (site: Site, with_: RuleContext): RuleOutcome[] => {
    keepHeap();
    const artifacts = siteArtifacts(db, check, site);
    const outcomes = [...runRules(artifacts, edition, with_), ...manualOutcomes(manual.get(site.id) ?? [])];
    saveJudgement(db, check.id, site.id, judge(artifacts, outcomes, edition, { list: opts.ignore ?? null, atDay: ctx.atDay }), now);
    return outcomes;
  };
  const detected = new Map<string, string[]>();
  for (const site of sites) {
    const forms = detectedForms(judgeSite(site, ctx));
    if (forms.length > 0) detected.set(site.id, forms);
    opts.onSite?.(site.id);
  }
  // One site is no corpus: its own text is already the rule's evidence.
  if (detected.size > 0 && sites.length > 1) {
    const withCorpus: RuleContext = {
      ...ctx,
      corpus: readRunCorpus(
        db,
        check,
        sites.map((s) => s.id),
        [...detected.values()].flat(),
      ),
    };
    for (const site of sites) if (detected.has(site.id)) judgeSite(site, withCorpus);
  }
  return { judged: sites.length, closed: judgeClosed(db, check, edition, { ignore: opts.ignore ?? null }).judged };
}

/** The forms and corrections of a site's detected typos: what the check's corpus is asked about. */
function detectedForms(outcomes: RuleOutcome[]): string[] {
  const forms: string[] = [];
  for (const o of outcomes) {
    if (o.result.status !== 'checked') continue;
    for (const f of o.result.findings) {
      const e = f.evidence;
      if (f.rule !== 'typo' || typeof e.source !== 'string' || !e.source.startsWith('detected-')) continue;
      forms.push(String(e.wrong), String(e.suggestion));
      for (const p of (e.context ?? []) as { wrong: string; suggestion: string }[]) forms.push(p.wrong, p.suggestion);
    }
  }
  return forms;
}

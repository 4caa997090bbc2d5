// A person's findings (imported with `choucha findings import`) as outcomes beside the rules' own, so the
// edition counts them the same way: a manual veto is a veto, a manual deduction takes its points under
// the same caps, and the ignore list applies to them by their fingerprint.
import type { Finding } from '../model/finding.js';
import type { ManualFinding } from '../store/manual-findings.js';
import type { RuleOutcome } from './run-rules.js';

export function manualFinding(f: ManualFinding): Finding {
  return {
    rule: f.rule,
    code: f.code,
    siteId: f.siteId,
    url: f.url,
    message: f.description,
    evidence: {},
    source: 'manual',
    provenance: {
      file: f.sourceFile,
      row: f.sourceRow,
      inspector: f.inspector,
      date: f.foundOn,
      screenshot: f.screenshotGiven !== null && f.screenshotPath !== null ? { given: f.screenshotGiven, path: f.screenshotPath } : null,
    },
  };
}

/** One outcome per rule named, after the rules' own: their findings count first under an indicator's cap. */
export function manualOutcomes(list: readonly ManualFinding[]): RuleOutcome[] {
  return [...Map.groupBy(list, (f) => f.rule)].map(([rule, fs]) => ({
    rule,
    result: { status: 'checked', findings: fs.map(manualFinding) },
  }));
}

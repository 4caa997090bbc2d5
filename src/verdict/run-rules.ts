// Runs the edition's rules over one site's artifacts. A rule that throws is not-checked for that site
// alone, with the error as its reason; the others still run (Lighthouse's audit isolation).
import { RULES } from '../rules/index.js';
import type { RuleContext, RuleResult, SiteArtifacts } from '../rules/types.js';
import type { Edition } from './edition.js';

export interface RuleOutcome {
  rule: string;
  result: RuleResult;
}

export function runRules(artifacts: SiteArtifacts, edition: Edition, ctx: RuleContext): RuleOutcome[] {
  return edition.rules.map(({ id, options }) => {
    const rule = RULES[id]!;
    try {
      return { rule: id, result: rule.run(artifacts, options, ctx) };
    } catch (e) {
      return { rule: id, result: { status: 'not-checked', reason: `规则执行出错：${(e as Error).message}` } };
    }
  });
}

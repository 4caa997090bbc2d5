// Runs the edition's rules over one site's artifacts. Each rule is handed only the artifacts it
// declared (Lighthouse's requiredArtifacts): what it says it needs is what it reads. A declared
// artifact that is missing, or a rule that throws, makes that rule not-checked for that site alone,
// with the reason; the other rules still run.
import type { ArtifactName, SiteArtifacts } from '../model/artifacts.js';
import type { RuleResult } from '../model/finding.js';
import type { Rule, RuleContext, RuleInput } from '../rules/rule.js';
import type { Edition } from './config/edition.js';

export interface RuleOutcome {
  rule: string;
  result: RuleResult;
}

/** The site and the declared artifacts, or the names of the declared artifacts that are missing. */
function declared(rule: Rule, artifacts: SiteArtifacts): { input: RuleInput<ArtifactName> } | { missing: string[] } {
  const input: Partial<SiteArtifacts> = { site: artifacts.site };
  const missing: string[] = [];
  for (const name of rule.meta.requiredArtifacts) {
    if (artifacts[name] === undefined) missing.push(name);
    else (input as Record<string, unknown>)[name] = artifacts[name];
  }
  return missing.length > 0 ? { missing } : { input: input as RuleInput<ArtifactName> };
}

export function runRule(rule: Rule, artifacts: SiteArtifacts, options: unknown, ctx: RuleContext): RuleResult {
  const d = declared(rule, artifacts);
  if ('missing' in d) return { status: 'not-checked', reason: `规则执行出错：缺少所需数据 ${d.missing.join(', ')}` };
  try {
    return rule.run(d.input, options, ctx);
  } catch (e) {
    return { status: 'not-checked', reason: `规则执行出错：${(e as Error).message}` };
  }
}

export function runRules(artifacts: SiteArtifacts, edition: Edition, ctx: RuleContext): RuleOutcome[] {
  return edition.rules.map(({ id, rule, options }) => ({ rule: id, result: runRule(rule, artifacts, options, ctx) }));
}

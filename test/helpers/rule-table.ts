// ESLint-style rule tables: `valid` artifact sets where the rule stays silent, `invalid` where it fires
// with exactly the codes listed.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/rules/rule.js';
import type { SiteArtifacts } from '../../src/model/artifacts.js';
import { runRule } from '../../src/verdict/run-rules.js';
import { ctx } from './artifacts.js';

export interface RuleCase {
  name: string;
  artifacts: SiteArtifacts;
  options?: Record<string, unknown>;
}

export function ruleTable(
  rule: Rule,
  t: { valid: RuleCase[]; invalid: (RuleCase & { codes: string[] })[]; notChecked?: RuleCase[] },
): void {
  // Through the runner, as judging runs it: the rule is handed only the artifacts it declared.
  const run = (c: RuleCase) => runRule(rule, c.artifacts, rule.meta.options.parse(c.options ?? {}), ctx);
  describe(rule.meta.id, () => {
    for (const c of t.valid) {
      it(`silent: ${c.name}`, () => {
        expect(run(c)).toEqual({ status: 'checked', findings: [] });
      });
    }
    for (const c of t.invalid) {
      it(`fires: ${c.name}`, () => {
        const r = run(c);
        expect(r.status).toBe('checked');
        if (r.status !== 'checked') return;
        expect(r.findings.map((f) => f.code).sort()).toEqual([...c.codes].sort());
        for (const f of r.findings) {
          expect(f.rule).toBe(rule.meta.id);
          expect(f.message.length).toBeGreaterThan(0);
          expect(Object.keys(rule.meta.codes)).toContain(f.code);
        }
      });
    }
    for (const c of t.notChecked ?? []) {
      it(`not-checked: ${c.name}`, () => {
        const r = run(c);
        expect(r.status).toBe('not-checked');
      });
    }
  });
}

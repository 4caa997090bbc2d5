// Editions are data: rules/editions/<name>.yaml, or any YAML file given by path. Validated on load;
// a mistake is reported as "message (location: file key.path)".
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { RULE_IDS, ruleById } from '../../rules/index.js';
import type { Rule } from '../../rules/rule.js';
import { type Lexicons, loadLexicons } from './lexicons.js';
import { type CalendarOverrides, calendarOverridesSchema } from '../../rules/utils/working-days.js';
import { projectPath } from '../../paths.js';

const EDITIONS_DIR = projectPath('rules/editions/');
// Holidays are facts, not an edition's choice: one calendar file whatever the edition.
const CALENDAR_FILE = projectPath('rules/calendar/holidays.yaml');

const findingSpec = z.strictObject({
  kind: z.enum(['veto', 'deduction', 'notice']),
  points: z.number().min(0).default(0),
  indicator: z.string().optional(),
});

const editionSchema = z.strictObject({
  edition: z.string().min(1),
  title: z.string().min(1),
  lexicons: z.strictObject({
    columnCategories: z.string(),
    typos: z.string().optional(),
    protectedTerms: z.string().optional(),
    leaders: z.string().optional(),
    similarChars: z.string().optional(),
    illegalLinks: z.string().optional(),
  }),
  scoring: z.strictObject({
    base: z.number().positive(),
    passMark: z.number().min(0),
    passAtMark: z.boolean(),
    mustCheck: z.array(z.string()).default([]),
    indicators: z.record(z.string(), z.strictObject({ title: z.string(), cap: z.number().min(0) })),
  }),
  rules: z.record(
    z.string(),
    z.strictObject({
      options: z.record(z.string(), z.unknown()).default({}),
      findings: z.record(z.string(), findingSpec),
    }),
  ),
});

export type FindingSpec = z.infer<typeof findingSpec>;

export interface EditionRule {
  id: string;
  rule: Rule;
  options: unknown;
  findings: Record<string, FindingSpec>;
}

export interface Edition {
  name: string;
  title: string;
  file: string;
  scoring: z.infer<typeof editionSchema>['scoring'];
  rules: EditionRule[];
  lexicons: Lexicons & { calendar: CalendarOverrides };
}

/** `2019` → rules/editions/2019.yaml; anything with a slash or .yaml is a path. */
export function editionPath(nameOrPath: string): string {
  return /[/\\]|\.ya?ml$/i.test(nameOrPath) ? resolve(nameOrPath) : resolve(EDITIONS_DIR, `${nameOrPath}.yaml`);
}

function fail(file: string, message: string, at: (string | number)[]): never {
  throw new InputError(
    `${message} (location: ${file}${at.length ? ` ${at.join('.')}` : ''})`,
    'The edition file does not match what choucha expects.',
    'Compare it with rules/editions/2019.yaml.',
  );
}

function readYaml(file: string): unknown {
  if (!existsSync(file))
    throw new InputError(`No edition or lexicon file at ${file}`, undefined, 'Editions shipped: 2019, 2015 (rules/editions/).');
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(file, `not valid YAML: ${(e as Error).message.split('\n')[0]}`, []);
  }
}

export function loadEdition(nameOrPath: string): Edition {
  const file = editionPath(nameOrPath);
  const parsed = editionSchema.safeParse(readYaml(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(file, issue.message, issue.path as (string | number)[]);
  }
  const e = parsed.data;
  const rules: EditionRule[] = [];
  for (const [id, spec] of Object.entries(e.rules)) {
    const rule = ruleById(id);
    if (!rule) fail(file, `unknown rule "${id}"; known: ${RULE_IDS.join(', ')}`, ['rules', id]);
    const opts = rule.meta.options.safeParse(spec.options);
    if (!opts.success) {
      const issue = opts.error.issues[0]!;
      fail(file, issue.message, ['rules', id, 'options', ...(issue.path as (string | number)[])]);
    }
    for (const code of Object.keys(rule.meta.codes)) {
      if (!spec.findings[code])
        fail(file, `rule "${id}" can report "${code}" but the edition does not say how it counts`, ['rules', id, 'findings']);
    }
    for (const [code, f] of Object.entries(spec.findings)) {
      if (!(code in rule.meta.codes))
        fail(file, `rule "${id}" has no finding "${code}"; it has: ${Object.keys(rule.meta.codes).join(', ')}`, [
          'rules',
          id,
          'findings',
          code,
        ]);
      if (f.indicator && !e.scoring.indicators[f.indicator])
        fail(file, `unknown indicator "${f.indicator}"`, ['rules', id, 'findings', code, 'indicator']);
    }
    rules.push({ id, rule, options: opts.data, findings: spec.findings });
  }
  e.scoring.mustCheck.forEach((id, i) => {
    if (!e.rules[id]) fail(file, `"${id}" must be checked but is not a rule of this edition`, ['scoring', 'mustCheck', i]);
  });
  return {
    name: e.edition,
    title: e.title,
    file,
    scoring: e.scoring,
    rules,
    lexicons: { ...loadLexicons(file, e.lexicons), calendar: loadCalendar() },
  };
}

function loadCalendar(): CalendarOverrides {
  const cal = calendarOverridesSchema.safeParse(readYaml(CALENDAR_FILE));
  if (!cal.success) fail(CALENDAR_FILE, cal.error.issues[0]!.message, cal.error.issues[0]!.path as (string | number)[]);
  for (const [year, t] of Object.entries(cal.data.years)) {
    for (const key of ['holidays', 'workdays'] as const) {
      const i = t[key].findIndex((d) => !d.startsWith(`${year}-`));
      if (i >= 0) fail(CALENDAR_FILE, `${t[key][i]} is not in ${year}`, ['years', year, key, i]);
    }
  }
  return cal.data;
}

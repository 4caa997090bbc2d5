// The rule contract: what a rule declares and the function it is. Rules are pure: no network, no
// clock (they get `at`), no database.
import type { z } from 'zod';
import type { ArtifactName, SiteArtifacts } from '../model/artifacts.js';
import type { Day } from '../model/day.js';
import type { RuleResult } from '../model/finding.js';
import type { ColumnCategories } from './utils/categories.js';
import type { SeriousChecker } from './utils/protected-terms.js';
import type { StateCouncilDoc } from './utils/state-council-docs.js';
import type { TypoChecker } from './utils/typo-lexicon.js';
import type { CalendarOverrides } from './utils/working-days.js';
import type { IllegalLinkLexicon } from './utils/illegal-links.js';

export interface RuleContext {
  /** The check's reference time (监测时间点), ISO instant. */
  at: string;
  /** `at` as a calendar day in +08:00. */
  atDay: Day;
  /** Data the rules read (rules/lexicons/), loaded once by the caller. */
  /** `calendar`: official holidays for years the calendar package lacks (rules/calendar/holidays.yaml). */
  lexicons: {
    columnCategories: ColumnCategories;
    typos: TypoChecker;
    serious: SeriousChecker;
    illegalLinks: IllegalLinkLexicon;
    calendar?: CalendarOverrides;
  };
  /** Reference data handed to the check: the State Council documents (`--state-council FILE`), null when none was given. */
  stateCouncil: StateCouncilDoc[] | null;
  /**
   * The text of every site of the check, as evidence about the forms a rule found: absent on the first
   * pass over the sites, and wherever one text is judged alone (`proofread`).
   */
  corpus?: RunCorpus;
}

/** What the check's sites write, asked of the forms a first pass found (verdict/reread/run-corpus.ts). */
export interface RunCorpus {
  /** Sites whose pages were read. */
  sites: number;
  /** How many sites other than `siteId` write `form` on their own pages; −1 when `form` was not asked about. */
  otherSitesWriting(form: string, siteId: string): number;
}

export interface RuleMeta<I extends string, S extends z.ZodType, A extends ArtifactName> {
  /** Stable kebab-case id: the file's name, the edition's key, report.json's `rule`. */
  id: I;
  /** Chinese title used in reports. */
  title: string;
  /** Where the indicator comes from, e.g. `国办秘函〔2019〕19号 单项否决 3`. */
  indicator: string;
  /** Codes this rule can emit, each with its Chinese label. */
  codes: Record<string, string>;
  /** The artifacts `run` is handed; it can read no other (a type error), and a missing one stops this rule alone. */
  requiredArtifacts: readonly A[];
  /** Options with their defaults; the edition may override any of them. */
  options: S;
}

/** What a rule is handed: the site, and only the artifacts it declared. */
export type RuleInput<A extends ArtifactName> = Pick<SiteArtifacts, 'site' | A>;

export interface Rule<I extends string = string, S extends z.ZodType = z.ZodType, A extends ArtifactName = ArtifactName> {
  meta: RuleMeta<I, S, A>;
  run(artifacts: RuleInput<A>, options: z.infer<S>, ctx: RuleContext): RuleResult;
}

/** Declares a rule, keeping its id, options and artifacts as literal types (src/rules/index.ts lists them). */
export function defineRule<const I extends string, S extends z.ZodType, const A extends ArtifactName>(rule: Rule<I, S, A>): Rule<I, S, A> {
  return rule;
}

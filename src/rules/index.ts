// The one list of rules: a rule is added by its file, its test, its edition entries and a line here.
// Ids, titles and codes everywhere else are read from this list.
import { columnEmpty } from './column-empty.js';
import { annualReport } from './annual-report.js';
import { columnStale } from './column-stale.js';
import { disclosureGuide } from './disclosure-guide.js';
import { documentValidity } from './document-validity.js';
import { functionEntries } from './function-entries.js';
import { homepageDates } from './homepage-dates.js';
import { hiddenLinks } from './hidden-links.js';
import { homepageStale } from './homepage-stale.js';
import { https } from './https.js';
import { interactionUnanswered } from './interaction-unanswered.js';
import { ipv6 } from './ipv6.js';
import { linkBroken } from './link-broken.js';
import { mobileFriendly } from './mobile-friendly.js';
import { preWarning } from './pre-warning.js';
import { privacyLeak } from './privacy-leak.js';
import { registryMismatch } from './registry-mismatch.js';
import type { Rule } from './rule.js';
import { seriousError } from './serious-error.js';
import { siteIdentity } from './site-identity.js';
import { siteSearch } from './site-search.js';
import { siteUnreachable } from './site-unreachable.js';
import { stateCouncilMissing } from './state-council-missing.js';
import { typo } from './typo.js';

export const RULES = [
  siteUnreachable,
  homepageStale,
  columnStale,
  columnEmpty,
  interactionUnanswered,
  linkBroken,
  typo,
  seriousError,
  stateCouncilMissing,
  siteIdentity,
  registryMismatch,
  preWarning,
  homepageDates,
  privacyLeak,
  hiddenLinks,
  https,
  ipv6,
  functionEntries,
  disclosureGuide,
  annualReport,
  documentValidity,
  mobileFriendly,
  siteSearch,
] as const;

export type RuleId = (typeof RULES)[number]['meta']['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.meta.id);

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r): [string, Rule] => [r.meta.id, r]));

/** The rule of that id, or undefined for an id no rule has (an edition's typo, a stored finding of a removed rule). */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The Chinese title reports show for a rule id; the id itself when no rule has it. */
export function ruleTitle(id: string): string {
  return BY_ID.get(id)?.meta.title ?? id;
}

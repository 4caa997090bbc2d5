// The registry of rules: adding a rule is one file in src/rules/ and one line here.
import { columnEmpty } from './column-empty.js';
import { columnStale } from './column-stale.js';
import { homepageStale } from './homepage-stale.js';
import { interactionUnanswered } from './interaction-unanswered.js';
import { linkBroken } from './link-broken.js';
import { preWarning } from './pre-warning.js';
import { seriousError } from './serious-error.js';
import { siteIdentity } from './site-identity.js';
import { stateCouncilMissing } from './state-council-missing.js';
import { typo } from './typo.js';
import { siteUnreachable } from './site-unreachable.js';
import { registryMismatch } from './registry-mismatch.js';
import { homepageDates } from './homepage-dates.js';
import type { Rule, RuleId } from './types.js';

export const RULES: Partial<Record<RuleId, Rule>> = {
  'site-unreachable': siteUnreachable as unknown as Rule,
  'homepage-stale': homepageStale as unknown as Rule,
  'column-stale': columnStale as unknown as Rule,
  'column-empty': columnEmpty as unknown as Rule,
  'link-broken': linkBroken as unknown as Rule,
  typo: typo as unknown as Rule,
  'serious-error': seriousError as unknown as Rule,
  'state-council-missing': stateCouncilMissing as unknown as Rule,
  'site-identity': siteIdentity as unknown as Rule,
  'interaction-unanswered': interactionUnanswered as unknown as Rule,
  'pre-warning': preWarning as unknown as Rule,
  'registry-mismatch': registryMismatch as unknown as Rule,
  'homepage-dates': homepageDates as unknown as Rule,
};

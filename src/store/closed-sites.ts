// Sites registered as closed (关停) within a check's scope. They are never sampled, crawled or given a
// verdict, but the probes still visit them: a closed site that still serves its own pages is a
// registry-mismatch finding, and only a probe can see that.
import type { Db } from './db.js';
import { type Check, sampleOf } from './checks.js';
import { listSites } from './sites.js';
import type { Site } from '../model/site.js';

/** The scope a drawn sample was drawn from (`choucha sample --region --level`); every closed site otherwise. */
export function closedInScope(db: Db, check: Check): Site[] {
  const spec = (check.sample ?? {}) as { region?: unknown; levels?: unknown; recheckQualified?: unknown };
  // A re-check of what the lower tier called qualified is about those sites only.
  if (typeof spec.recheckQualified === 'string') return [];
  const region = typeof spec.region === 'string' ? spec.region : '';
  const levels = Array.isArray(spec.levels) ? (spec.levels as string[]) : null;
  return listSites(db).filter(
    (s) =>
      s.status === 'closed' &&
      (s.region ?? '').startsWith(region) &&
      (!levels || levels.length === 0 || (s.level !== null && levels.includes(s.level))),
  );
}

/** What the probes visit: the sample, and the closed sites in scope. */
export function probedSiteIds(db: Db, check: Check): string[] {
  return [...sampleOf(db, check.id).map((s) => s.siteId), ...closedInScope(db, check).map((s) => s.id)];
}

// The sampled sites a once-per-check job has still to measure, for the jobs that run after the crawl
// (https, ipv6, attachments, the mobile render, the site search): resumed, they skip what is done.
import type { Site } from '../model/site.js';
import { sampleOf } from './checks.js';
import type { Db } from './db.js';
import { getSites } from './sites.js';

/** `sampled`: how many sites the check samples; `pending`: those not in `done`, as registered. */
export function pendingSites(db: Db, checkId: number, done: Set<string>): { sampled: number; pending: Site[] } {
  const ids = sampleOf(db, checkId).map((s) => s.siteId);
  return {
    sampled: ids.length,
    pending: getSites(
      db,
      ids.filter((id) => !done.has(id)),
    ),
  };
}

// The IPv6 check of each site's homepage host: one row per check and site, written once.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { ipv6Checks } from './schema.js';
import type { Ipv6Artifact, Ipv6LinkHostArtifact, Ipv6RequestArtifact } from '../model/artifacts.js';
import { isCheckerFailure } from '../model/artifacts.js';

export function saveIpv6Check(db: Db, checkId: number, siteId: string, a: Ipv6Artifact): void {
  db.insert(ipv6Checks)
    .values({ checkId, siteId, ...a })
    .onConflictDoUpdate({ target: [ipv6Checks.checkId, ipv6Checks.siteId], set: { ...a } })
    .run();
}

/** Failures that were the checker's (the address guard, its own network): measured again on the next run. */

/**
 * The sites of a check already measured: a resumed run skips them, unless the checker had no IPv6 route
 * then or spoiled the homepage's fetch (a later run, perhaps from a vantage with IPv6, measures them again).
 */
export function measuredIpv6Sites(db: Db, checkId: number): Set<string> {
  const rows = db
    .select({ siteId: ipv6Checks.siteId, noRoute: ipv6Checks.noRoute, homepage: ipv6Checks.homepage })
    .from(ipv6Checks)
    .where(eq(ipv6Checks.checkId, checkId))
    .all();
  const spoiled = (r: unknown) => isCheckerFailure((r as Ipv6RequestArtifact | null)?.failure);
  return new Set(rows.filter((r) => r.noRoute === null && !spoiled(r.homepage)).map((r) => r.siteId));
}

export function ipv6CheckOf(db: Db, checkId: number, siteId: string): Ipv6Artifact | null {
  const r = db
    .select()
    .from(ipv6Checks)
    .where(and(eq(ipv6Checks.checkId, checkId), eq(ipv6Checks.siteId, siteId)))
    .get();
  if (!r) return null;
  return {
    host: r.host,
    checkedAt: r.checkedAt,
    noRoute: r.noRoute,
    aaaa: r.aaaa as string[],
    dnsError: r.dnsError,
    homepage: (r.homepage as Ipv6RequestArtifact | null) ?? null,
    linkHosts: r.linkHosts as Ipv6LinkHostArtifact[],
    linkHostsOmitted: r.linkHostsOmitted,
  };
}

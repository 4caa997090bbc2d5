// The HTTPS check of each site's homepage host: one row per check and site, written once.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { httpsChecks } from './schema.js';
import type { CertificateArtifact, HttpsArtifact, HttpsRequestArtifact, ProbeFailure } from '../model/artifacts.js';
import { isCheckerFailure } from '../model/artifacts.js';

export function saveHttpsCheck(db: Db, checkId: number, siteId: string, a: HttpsArtifact): void {
  db.insert(httpsChecks)
    .values({ checkId, siteId, ...a })
    .onConflictDoUpdate({ target: [httpsChecks.checkId, httpsChecks.siteId], set: { ...a } })
    .run();
}

/** Failures that were the checker's (the address guard, its own network): measured again on the next run. */

/** The sites of a check already measured: a resumed run skips them, unless the checker spoiled the measurement. */
export function measuredHttpsSites(db: Db, checkId: number): Set<string> {
  const rows = db
    .select({ siteId: httpsChecks.siteId, https: httpsChecks.https, http: httpsChecks.http })
    .from(httpsChecks)
    .where(eq(httpsChecks.checkId, checkId))
    .all();
  const spoiled = (r: unknown) => isCheckerFailure((r as HttpsRequestArtifact).failure);
  return new Set(rows.filter((r) => !spoiled(r.https) && !spoiled(r.http)).map((r) => r.siteId));
}

export function httpsCheckOf(db: Db, checkId: number, siteId: string): HttpsArtifact | null {
  const r = db
    .select()
    .from(httpsChecks)
    .where(and(eq(httpsChecks.checkId, checkId), eq(httpsChecks.siteId, siteId)))
    .get();
  if (!r) return null;
  return {
    host: r.host,
    checkedAt: r.checkedAt,
    https: r.https as HttpsRequestArtifact,
    http: r.http as HttpsRequestArtifact,
    certificate: (r.certificate as CertificateArtifact | null) ?? null,
    tlsFailure: r.tlsFailure as ProbeFailure | null,
    tlsError: r.tlsError,
  };
}

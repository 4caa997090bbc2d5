// The HTTPS check of each site's homepage host: one row per check and site, written once.
import { and, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { httpsChecks } from './schema.js';
import type { CertificateArtifact, HttpsArtifact, HttpsRequestArtifact, ProbeFailure } from '../model/artifacts.js';

export function saveHttpsCheck(db: Db, checkId: number, siteId: string, a: HttpsArtifact): void {
  db.insert(httpsChecks)
    .values({ checkId, siteId, ...a })
    .onConflictDoNothing()
    .run();
}

/** The sites of a check already measured: a resumed run skips them. */
export function measuredHttpsSites(db: Db, checkId: number): Set<string> {
  return new Set(
    db
      .select({ siteId: httpsChecks.siteId })
      .from(httpsChecks)
      .where(eq(httpsChecks.checkId, checkId))
      .all()
      .map((r) => r.siteId),
  );
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

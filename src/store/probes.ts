// Availability probes belong to the site, not to a check: a week of monitoring serves whichever check looks at it.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from './db.js';
import { probes } from './schema.js';
import type { ProbeArtifact, ProbeFailure } from '../rules/types.js';

export interface ProbeRecord extends ProbeArtifact {
  siteId: string;
  url: string;
  bytes: number | null;
}

export function saveProbe(db: Db, p: ProbeRecord): void {
  db.insert(probes).values(p).run();
}

export function probesBetween(db: Db, siteId: string, from: string, to: string): ProbeArtifact[] {
  return db
    .select()
    .from(probes)
    .where(and(eq(probes.siteId, siteId), gte(probes.startedAt, from), lte(probes.startedAt, to)))
    .orderBy(asc(probes.startedAt))
    .all()
    .map((r) => ({
      startedAt: r.startedAt,
      ok: r.ok,
      status: r.status,
      ms: r.ms,
      failure: r.failure as ProbeFailure | null,
      error: r.error,
    }));
}

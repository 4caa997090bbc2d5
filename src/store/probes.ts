// Availability probes belong to the site, not to a check: a week of monitoring serves whichever check looks at it.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from './db.js';
import { probes } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { Day } from '../model/day.js';
import type { ProbeArtifact, ProbeFailure } from '../model/artifacts.js';

export interface ProbeRecord extends ProbeArtifact {
  siteId: string;
  url: string;
  bytes: number | null;
  dnsMs?: number | null;
  connectMs?: number | null;
  tlsMs?: number | null;
  firstByteMs?: number | null;
}

/** Stores one probe; returns its id. */
export function saveProbe(db: Db, p: ProbeRecord): number {
  const { itemDates, ...rest } = p;
  const row = db
    .insert(probes)
    .values({ ...rest, itemDates: itemDates ? JSON.stringify(itemDates) : null })
    .returning({ id: probes.id })
    .get();
  return row.id;
}

export function probesBetween(db: Db, siteId: string, from: string, to: string): ProbeArtifact[] {
  return (
    db
      .select()
      .from(probes)
      .where(and(eq(probes.siteId, siteId), gte(probes.startedAt, from), lte(probes.startedAt, to)))
      // Probes of one instant (several vantages) in the order they were stored, as SQLite's (site, time) index gives them.
      .orderBy(textAsc(db, probes.startedAt), asc(probes.id))
      .all()
      .map((r) => ({
        startedAt: r.startedAt,
        ok: r.ok,
        status: r.status,
        ms: r.ms,
        failure: r.failure as ProbeFailure | null,
        error: r.error,
        finalUrl: r.finalUrl,
        itemsHash: r.itemsHash,
        itemDates: r.itemDates ? (JSON.parse(r.itemDates) as Day[]) : null,
        vantage: r.vantage,
      }))
  );
}

// The monitoring plan in the database: what is due, what was taken, what was missed while no watcher ran.
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { probePlan } from './schema.js';

/** Adds the planned times; times already planned are kept as they are. */
export function addPlan(db: Db, rows: Array<{ siteId: string; dueAt: string }>): void {
  db.transaction((tx) => {
    for (const r of rows) tx.insert(probePlan).values(r).onConflictDoNothing().run();
  });
}

/**
 * Sites among `siteIds` whose plan still has a probe not done: their plan is running. Overdue ones
 * count too: a watcher restarted after the rest of its plan went by finishes that plan (taking or
 * missing each probe) instead of starting a new one.
 */
export function sitesWithPendingPlan(db: Db, siteIds: string[]): Set<string> {
  if (siteIds.length === 0) return new Set();
  const rows = db
    .selectDistinct({ siteId: probePlan.siteId })
    .from(probePlan)
    .where(and(inArray(probePlan.siteId, siteIds), isNull(probePlan.doneAt)))
    .all();
  return new Set(rows.map((r) => r.siteId));
}

export function dueProbes(db: Db, now: string): Array<{ siteId: string; dueAt: string }> {
  return db
    .select({ siteId: probePlan.siteId, dueAt: probePlan.dueAt })
    .from(probePlan)
    .where(and(isNull(probePlan.doneAt), lte(probePlan.dueAt, now)))
    .orderBy(asc(probePlan.dueAt))
    .all();
}

export function nextDue(db: Db): string | null {
  return (
    db
      .select({ d: sql<string | null>`min(${probePlan.dueAt})` })
      .from(probePlan)
      .where(isNull(probePlan.doneAt))
      .get()?.d ?? null
  );
}

/** Marks a planned probe done; probeId null: it was missed (no watcher ran in time) and is not taken late. */
export function markDone(db: Db, siteId: string, dueAt: string, doneAt: string, probeId: number | null): void {
  db.update(probePlan)
    .set({ doneAt, probeId })
    .where(and(eq(probePlan.siteId, siteId), eq(probePlan.dueAt, dueAt)))
    .run();
}

export function planCounts(db: Db): { planned: number; taken: number; missed: number } {
  const r = db
    .select({
      planned: sql<number>`count(*)`,
      taken: sql<number>`sum(case when ${probePlan.probeId} is not null then 1 else 0 end)`,
      missed: sql<number>`sum(case when ${probePlan.doneAt} is not null and ${probePlan.probeId} is null then 1 else 0 end)`,
    })
    .from(probePlan)
    .get();
  return { planned: r?.planned ?? 0, taken: r?.taken ?? 0, missed: r?.missed ?? 0 };
}

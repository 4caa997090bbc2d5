// Checks (检查批次) and their samples.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { checkSites, checks, findings, sites, verdicts } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { CrawlState } from '../model/artifacts.js';

export type Check = typeof checks.$inferSelect;

export function findCheck(db: Db, quarter: string, tier: string): Check | undefined {
  return db
    .select()
    .from(checks)
    .where(and(eq(checks.quarter, quarter), eq(checks.tier, tier)))
    .get();
}

export function checkById(db: Db, id: number): Check | undefined {
  return db.select().from(checks).where(eq(checks.id, id)).get();
}

/**
 * The check for a quarter and tier, created on first use with every running site as its sample.
 * An existing check keeps its `at` and edition unless new ones are given: a re-run resumes, it does not restart.
 */
export function ensureCheck(
  db: Db,
  p: { quarter: string; tier: string; edition?: string | undefined; at?: string | undefined; now: string },
): Check {
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(checks)
      .where(and(eq(checks.quarter, p.quarter), eq(checks.tier, p.tier)))
      .get();
    let check: Check;
    if (existing) {
      const patch: Partial<Check> = {};
      if (p.edition && p.edition !== existing.edition) patch.edition = p.edition;
      if (p.at && p.at !== existing.at) patch.at = p.at;
      if (Object.keys(patch).length > 0) tx.update(checks).set(patch).where(eq(checks.id, existing.id)).run();
      check = { ...existing, ...patch };
    } else {
      check = tx
        .insert(checks)
        .values({ quarter: p.quarter, tier: p.tier, edition: p.edition ?? '2019', at: p.at ?? p.now, createdAt: p.now })
        .returning()
        .get();
    }
    // Sites registered (or re-registered as running) after the check was created join its sample,
    // unless the sample was drawn (`choucha sample`): then it is exactly what was drawn.
    if (!check.sample)
      tx.run(sql`INSERT INTO ${checkSites} (check_id, site_id)
               SELECT ${check.id}, ${sites.id} FROM ${sites} WHERE ${sites.status} = 'running' ON CONFLICT DO NOTHING`);
    return check;
  });
}

export interface SampleRow {
  siteId: string;
  crawlState: CrawlState;
  crawlReason: string | null;
  pagesFetched: number;
}

export function sampleOf(db: Db, checkId: number): SampleRow[] {
  return db
    .select({
      siteId: checkSites.siteId,
      crawlState: checkSites.crawlState,
      crawlReason: checkSites.crawlReason,
      pagesFetched: checkSites.pagesFetched,
    })
    .from(checkSites)
    .where(eq(checkSites.checkId, checkId))
    .orderBy(textAsc(db, checkSites.siteId))
    .all() as SampleRow[];
}

/**
 * The crawl states of these sites of the check (absent: not in its sample). A worker's batch asks for its
 * own sites: reading the whole sample per batch made a national check's batches quadratic.
 */
export function crawlStatesOf(db: Db, checkId: number, siteIds: readonly string[]): Map<string, CrawlState> {
  const out = new Map<string, CrawlState>();
  // Bounded IN lists: a batch is tens of sites, but the parameter count of one statement is limited.
  for (let i = 0; i < siteIds.length; i += 500)
    for (const r of db
      .select({ siteId: checkSites.siteId, crawlState: checkSites.crawlState })
      .from(checkSites)
      .where(and(eq(checkSites.checkId, checkId), inArray(checkSites.siteId, siteIds.slice(i, i + 500))))
      .all())
      out.set(r.siteId, r.crawlState as CrawlState);
  return out;
}

export function setCheckEdition(db: Db, checkId: number, edition: string): void {
  db.update(checks).set({ edition }).where(eq(checks.id, checkId)).run();
}

/** Replaces the check's sample with the sites drawn, and records how they were drawn. */
export function setSample(db: Db, checkId: number, siteIds: string[], spec: Record<string, unknown>): void {
  db.transaction((tx) => {
    const keep = new Set(siteIds);
    for (const r of tx.select({ siteId: checkSites.siteId }).from(checkSites).where(eq(checkSites.checkId, checkId)).all()) {
      if (keep.has(r.siteId)) continue;
      // A site drawn out of the sample takes its judgement with it: history and rates count the sample only.
      tx.delete(findings)
        .where(and(eq(findings.checkId, checkId), eq(findings.siteId, r.siteId)))
        .run();
      tx.delete(verdicts)
        .where(and(eq(verdicts.checkId, checkId), eq(verdicts.siteId, r.siteId)))
        .run();
      tx.delete(checkSites)
        .where(and(eq(checkSites.checkId, checkId), eq(checkSites.siteId, r.siteId)))
        .run();
    }
    for (const siteId of siteIds) tx.insert(checkSites).values({ checkId, siteId }).onConflictDoNothing().run();
    tx.update(checks).set({ sample: spec }).where(eq(checks.id, checkId)).run();
  });
}

export function allChecks(db: Db): Check[] {
  return db.select().from(checks).orderBy(textAsc(db, checks.quarter), textAsc(db, checks.tier)).all();
}

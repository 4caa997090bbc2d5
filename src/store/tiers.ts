// A lower tier's verdicts imported into a higher tier's check.
import { eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { lowerVerdicts } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { LowerReport, LowerSite } from '../model/report.js';

export function saveLowerVerdicts(db: Db, checkId: number, lower: LowerReport, siteIds: Set<string>): number {
  let n = 0;
  db.transaction((tx) => {
    tx.delete(lowerVerdicts).where(eq(lowerVerdicts.checkId, checkId)).run();
    for (const s of lower.sites) {
      if (!siteIds.has(s.siteId)) continue;
      tx.insert(lowerVerdicts)
        .values({
          checkId,
          siteId: s.siteId,
          tier: lower.tier,
          quarter: lower.quarter,
          source: lower.file,
          verdict: s.verdict,
          findings: s.findings,
        })
        .run();
      n++;
    }
  });
  return n;
}

export function lowerVerdictsOf(db: Db, checkId: number): { tier: string; sites: LowerSite[] } | null {
  const rows = db.select().from(lowerVerdicts).where(eq(lowerVerdicts.checkId, checkId)).orderBy(textAsc(db, lowerVerdicts.siteId)).all();
  if (rows.length === 0) return null;
  return { tier: rows[0]!.tier, sites: rows.map((r) => ({ siteId: r.siteId, verdict: r.verdict, findings: r.findings })) };
}

// Verdicts of every check at one tier, quarter by quarter: what `history` and the report's history read.
import { eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { checks, sites, verdicts } from './schema.js';
import { textAsc } from './sqlite-order.js';

export interface VerdictRow {
  quarter: string;
  siteId: string;
  name: string;
  region: string | null;
  level: string | null;
  verdict: string;
}

export function verdictHistory(db: Db, tier: string): VerdictRow[] {
  return db
    .select({
      quarter: checks.quarter,
      siteId: verdicts.siteId,
      name: sites.name,
      region: sites.region,
      level: sites.level,
      verdict: verdicts.verdict,
    })
    .from(verdicts)
    .innerJoin(checks, eq(checks.id, verdicts.checkId))
    .innerJoin(sites, eq(sites.id, verdicts.siteId))
    .where(eq(checks.tier, tier))
    .orderBy(textAsc(db, checks.quarter), textAsc(db, verdicts.siteId))
    .all();
}

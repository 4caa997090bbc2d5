// The 功能设计 measurements of each site (the homepage at a phone's width, the site search): one row per
// check, site and kind, replaced when measured again.
import { and, eq } from 'drizzle-orm';
import type { MobileRenderArtifact, SearchCheckArtifact } from '../model/artifacts.js';
import type { Db } from './db.js';
import { functionChecks } from './schema.js';

export interface FunctionChecks {
  mobile: MobileRenderArtifact;
  search: SearchCheckArtifact;
}
export type FunctionKind = keyof FunctionChecks;

export function saveFunctionCheck<K extends FunctionKind>(db: Db, checkId: number, siteId: string, kind: K, data: FunctionChecks[K]): void {
  db.insert(functionChecks)
    .values({ checkId, siteId, kind, checkedAt: data.checkedAt, data })
    .onConflictDoUpdate({
      target: [functionChecks.checkId, functionChecks.siteId, functionChecks.kind],
      set: { checkedAt: data.checkedAt, data },
    })
    .run();
}

export function functionCheckOf<K extends FunctionKind>(db: Db, checkId: number, siteId: string, kind: K): FunctionChecks[K] | null {
  const r = db
    .select({ data: functionChecks.data })
    .from(functionChecks)
    .where(and(eq(functionChecks.checkId, checkId), eq(functionChecks.siteId, siteId), eq(functionChecks.kind, kind)))
    .get();
  return (r?.data as FunctionChecks[K] | undefined) ?? null;
}

/**
 * The sites of a check measured for `kind`, less those whose measurement the checker spoiled (`redo`
 * says which: rendering off, no browser, a firewall): a resumed run skips the rest.
 */
export function measuredFunctionSites<K extends FunctionKind>(
  db: Db,
  checkId: number,
  kind: K,
  redo: (d: FunctionChecks[K]) => boolean,
): Set<string> {
  const rows = db
    .select({ siteId: functionChecks.siteId, data: functionChecks.data })
    .from(functionChecks)
    .where(and(eq(functionChecks.checkId, checkId), eq(functionChecks.kind, kind)))
    .all();
  return new Set(rows.filter((r) => !redo(r.data as FunctionChecks[K])).map((r) => r.siteId));
}

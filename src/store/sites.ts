// Registry rows in the store: upsert by 网站标识码 so a re-import updates, never duplicates.
import { eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { sites } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { RenderMode, Site, SiteLevel, SiteStatus } from '../model/site.js';

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export function upsertSites(db: Db, rows: Site[], sourceFile: string, now: string): UpsertCounts {
  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
  db.transaction((tx) => {
    for (const s of rows) {
      const before = tx.select().from(sites).where(eq(sites.id, s.id)).get();
      const values = {
        id: s.id,
        name: s.name,
        url: s.url,
        sponsor: s.sponsor,
        level: s.level,
        region: s.region,
        parentId: s.parentId,
        status: s.status,
        render: s.render ?? null,
        sourceFile,
        updatedAt: now,
      };
      if (!before) {
        tx.insert(sites).values(values).run();
        counts.added++;
      } else if (sameSite(rowToSite(before), s)) {
        counts.unchanged++;
      } else {
        tx.update(sites).set(values).where(eq(sites.id, s.id)).run();
        counts.updated++;
      }
    }
  });
  return counts;
}

function sameSite(a: Site, b: Site): boolean {
  return (Object.keys(b) as (keyof Site)[]).every((k) => (a[k] ?? null) === (b[k] ?? null));
}

export function rowToSite(r: typeof sites.$inferSelect): Site {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    sponsor: r.sponsor,
    level: r.level as SiteLevel | null,
    region: r.region,
    parentId: r.parentId,
    status: r.status as SiteStatus,
    render: (r.render as RenderMode | null) ?? null,
  };
}

export function listSites(db: Db): Site[] {
  return db.select().from(sites).orderBy(textAsc(db, sites.region), textAsc(db, sites.id)).all().map(rowToSite);
}

export function getSites(db: Db, ids: string[]): Site[] {
  const wanted = new Set(ids);
  return listSites(db).filter((s) => wanted.has(s.id));
}

export function countSites(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(sites).get()?.n ?? 0;
}

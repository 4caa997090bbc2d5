// Links found on pages, and the one status each distinct target gets per check.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { linkChecks, links } from './schema.js';
import type { PageLink } from '../extract/page-links.js';
import type { LinkArtifact } from '../rules/types.js';

// A page carries a hundred links or more: one prepared statement in one transaction, not a query
// built per row (which cost a third of the crawl's time).
const insertLink = new WeakMap<Db, (rows: unknown[][]) => void>();

export function saveLinks(db: Db, checkId: number, siteId: string, pageUrl: string, onHomepage: boolean, found: PageLink[]): void {
  if (found.length === 0) return;
  let insert = insertLink.get(db);
  if (!insert) {
    const stmt = db.$client.prepare('INSERT OR IGNORE INTO links (check_id, site_id, page_url, on_homepage, target, tag, text) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert = db.$client.transaction((rows: unknown[][]) => {
      for (const r of rows) stmt.run(...r);
    });
    insertLink.set(db, insert);
  }
  insert(found.map((l) => [checkId, siteId, pageUrl, onHomepage ? 1 : 0, l.target, l.tag, l.text]));
}

export type LinkStatus = 'ok' | 'broken' | 'suspect' | 'excluded' | 'blocked';

export interface LinkCheck {
  target: string;
  status: LinkStatus;
  http: number | null;
  error: string | null;
  attempts: number;
  checkedAt: string;
}

export function saveLinkCheck(db: Db, checkId: number, c: LinkCheck): void {
  db.insert(linkChecks)
    .values({ checkId, ...c })
    .onConflictDoUpdate({ target: [linkChecks.checkId, linkChecks.target], set: c })
    .run();
}

/** Distinct link targets of a check that have no status yet. */
export function uncheckedTargets(db: Db, checkId: number): string[] {
  return db
    .selectDistinct({ target: links.target })
    .from(links)
    .leftJoin(linkChecks, and(eq(linkChecks.checkId, links.checkId), eq(linkChecks.target, links.target)))
    .where(and(eq(links.checkId, checkId), isNull(linkChecks.target)))
    .all()
    .map((r) => r.target);
}

/** Targets whose only failure so far may have been passing (timeout, 5xx): to be tried again. */
export function suspectTargets(db: Db, checkId: number): string[] {
  return db
    .select({ target: linkChecks.target })
    .from(linkChecks)
    .where(and(eq(linkChecks.checkId, checkId), eq(linkChecks.status, 'suspect')))
    .all()
    .map((r) => r.target);
}

export type SiteLink = LinkArtifact;

export function linksOfSite(db: Db, checkId: number, siteId: string): SiteLink[] {
  return db
    .select({
      pageUrl: links.pageUrl,
      onHomepage: links.onHomepage,
      target: links.target,
      tag: links.tag,
      text: links.text,
      status: linkChecks.status,
      http: linkChecks.http,
      error: linkChecks.error,
      attempts: sql<number>`coalesce(${linkChecks.attempts}, 0)`,
    })
    .from(links)
    .leftJoin(linkChecks, and(eq(linkChecks.checkId, links.checkId), eq(linkChecks.target, links.target)))
    .where(and(eq(links.checkId, checkId), eq(links.siteId, siteId)))
    .all() as SiteLink[];
}


export function linkStatusCounts(db: Db, checkId: number): Record<string, number> {
  const rows = db
    .select({ status: linkChecks.status, n: sql<number>`count(*)` })
    .from(linkChecks)
    .where(eq(linkChecks.checkId, checkId))
    .groupBy(linkChecks.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

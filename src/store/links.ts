// Links found on pages, and the one status each distinct target gets per check.
import { and, eq, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
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

// One prepared statement: the ORM's builder, run per target, cost about as much as a HEAD on loopback.
const upsertLinkCheck = new WeakMap<Db, Statement<unknown[]>>();

export function saveLinkCheck(db: Db, checkId: number, c: LinkCheck): void {
  let stmt = upsertLinkCheck.get(db);
  if (!stmt) {
    stmt = db.$client.prepare<unknown[]>(`INSERT INTO link_checks (check_id, target, status, http, error, attempts, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (check_id, target) DO UPDATE SET status = excluded.status, http = excluded.http, error = excluded.error, attempts = excluded.attempts, checked_at = excluded.checked_at`);
    upsertLinkCheck.set(db, stmt);
  }
  stmt.run(checkId, c.target, c.status, c.http, c.error, c.attempts, c.checkedAt);
}

/**
 * The next distinct targets of a check with no status yet, read from the link rows after `afterId` (the
 * rowid of the last row read): a check's targets are streamed a step at a time rather than held all at
 * once. Row order is crawl order, which mixes hosts (ordering by target would bunch one host's targets
 * and starve the per-host lanes). A target seen again in a later step is skipped once its status is saved.
 */
export function uncheckedTargetsAfter(db: Db, checkId: number, afterId: number, rows: number): { targets: string[]; lastId: number | null } {
  // The join skips rows whose target has a status inside SQLite: a resumed or repeated run passes over
  // the checked part of a large check without a lookup per row in JavaScript. NOT INDEXED keeps the read
  // a rowid range: through the (check, target) index SQLite would sort every row of the check per step.
  const read = db.$client
    .prepare<unknown[], { id: number; target: string }>(
      `SELECT l.id, l.target FROM links AS l NOT INDEXED LEFT JOIN link_checks c ON c.check_id = l.check_id AND c.target = l.target
       WHERE l.check_id = ? AND l.id > ? AND c.target IS NULL ORDER BY l.id LIMIT ?`,
    )
    .all(checkId, afterId, rows);
  if (read.length === 0) return { targets: [], lastId: null };
  return { targets: [...new Set(read.map((r) => r.target))], lastId: read.at(-1)!.id };
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

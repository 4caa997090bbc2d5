// Links found on pages, and the one status each distinct target gets per check.
import { and, eq, sql } from 'drizzle-orm';
import { type Db, deferredRun, prepared } from './db.js';
import { forDialect } from './dialect.js';
import { linkChecks } from './schema.js';
import { textAsc } from './sqlite-order.js';
import type { PageLink } from '../extract/page-links.js';
import type { LinkArtifact, LinkHostArtifact } from '../model/artifacts.js';

// One row per page, its links as JSON (see schema.ts pageLinks). A page stored again (a resumed crawl
// reads stored pages anew) keeps the row it has.
export function saveLinks(db: Db, checkId: number, siteId: string, pageUrl: string, onHomepage: boolean, found: PageLink[]): void {
  if (found.length === 0) return;
  deferredRun(
    db,
    'INSERT INTO page_links (check_id, site_id, page_url, on_homepage, links) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    checkId,
    siteId,
    pageUrl,
    onHomepage ? 1 : 0,
    JSON.stringify(found.map((l) => [noNul(l.target), l.tag, noNul(l.text)])),
  );
}

// A NUL (U+0000) means nothing in a link, and PostgreSQL's jsonb refuses it: dropped on both stores alike.
const noNul = <T extends string | null>(s: T): T => (s === null ? s : (s.replaceAll('\0', '') as T));

/** A page's links (a JSON array of [target, tag, text]) as rows in PostgreSQL, numbered as json_each numbers them. */
export const PG_LINKS = 'jsonb_array_elements(p.links::jsonb) WITH ORDINALITY';

/** `blocked`: a firewall or the address guard stopped the check; `vantage`: the checker's own network failed. Neither is the site's fault. */
export type LinkStatus = 'ok' | 'broken' | 'suspect' | 'excluded' | 'blocked' | 'vantage';

export interface LinkCheck {
  target: string;
  status: LinkStatus;
  http: number | null;
  error: string | null;
  attempts: number;
  checkedAt: string;
}

// A prepared statement (db.ts): the ORM's builder, run per target, cost about as much as a HEAD on loopback.
const UPSERT_LINK_CHECK = `INSERT INTO link_checks (check_id, target, status, http, error, attempts, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (check_id, target) DO UPDATE SET status = excluded.status, http = excluded.http, error = excluded.error, attempts = excluded.attempts, checked_at = excluded.checked_at`;

/** Up to `n` targets of the check that answered: controls for a retry pass (see the link checker). */
export function okTargets(db: Db, checkId: number, n: number): string[] {
  return prepared<{ target: string }>(db, forDialect(db, OK_TARGETS))
    .all(checkId, n)
    .map((r) => r.target);
}

// The first by target, as SQLite reads them through the (check, target) key: which controls the retry
// pass asks decides whether a failure is called the checker's.
const OK_TARGETS = {
  sqlite: "SELECT target FROM link_checks WHERE check_id = ? AND status = 'ok' ORDER BY target LIMIT ?",
  pg: `SELECT target FROM link_checks WHERE check_id = ? AND status = 'ok' ORDER BY target COLLATE "C" LIMIT ?`,
};

/** Re-labels targets already saved (a failure found to be the checker's after the pass). */
export function markLinkChecks(db: Db, checkId: number, targets: string[], status: LinkStatus, error: string): void {
  const stmt = prepared(db, 'UPDATE link_checks SET status = ?, error = ? WHERE check_id = ? AND target = ?');
  db.transaction(() => {
    for (const t of targets) stmt.run(status, error, checkId, t);
  });
}

export function saveLinkCheck(db: Db, checkId: number, c: LinkCheck): void {
  prepared(db, UPSERT_LINK_CHECK).run(checkId, c.target, c.status, c.http, c.error, c.attempts, c.checkedAt);
}

/**
 * The next distinct targets of a check with no status yet, from the pages stored after `afterId` (the
 * rowid of the last page read), `pages` pages at a time: a check's targets are streamed a step at a time
 * rather than held all at once. Page order is crawl order, which mixes hosts (ordering by target would
 * bunch one host's targets and starve the per-host lanes). A target seen again in a later step is
 * skipped once its status is saved.
 */
export function uncheckedTargetsAfter(
  db: Db,
  checkId: number,
  afterId: number,
  pages: number,
): { targets: string[]; lastId: number | null } {
  const last = prepared<{ id: number | null }>(db, forDialect(db, STEP_END)).get(checkId, afterId, pages)!.id;
  if (last === null) return { targets: [], lastId: null };
  const read = prepared<{ target: string }>(db, forDialect(db, UNCHECKED_IN_STEP)).all(checkId, afterId, last);
  return { targets: [...new Set(read.map((r) => r.target))], lastId: last };
}

// NOT INDEXED keeps a step's read a rowid range: through the (check, site, page) index SQLite would sort
// every page of the check per step.
const STEP_END = {
  sqlite: 'SELECT max(id) AS id FROM (SELECT id FROM page_links NOT INDEXED WHERE check_id = ? AND id > ? ORDER BY id LIMIT ?)',
  pg: 'SELECT max(id) AS id FROM (SELECT id FROM page_links WHERE check_id = ? AND id > ? ORDER BY id LIMIT ?) AS step',
};
// The join skips targets with a status inside SQLite: a resumed or repeated run passes over the checked
// part of a large check without a lookup per target in JavaScript.
const UNCHECKED_IN_STEP = {
  sqlite: `SELECT j.value ->> 0 AS target FROM page_links AS p NOT INDEXED, json_each(p.links) AS j
  LEFT JOIN link_checks c ON c.check_id = p.check_id AND c.target = j.value ->> 0
  WHERE p.check_id = ? AND p.id > ? AND p.id <= ? AND c.target IS NULL ORDER BY p.id, j.key`,
  pg: `SELECT j.value ->> 0 AS target FROM page_links AS p CROSS JOIN LATERAL ${PG_LINKS} AS j(value, key)
  LEFT JOIN link_checks c ON c.check_id = p.check_id AND c.target = j.value ->> 0
  WHERE p.check_id = ? AND p.id > ? AND p.id <= ? AND c.target IS NULL ORDER BY p.id, j.key`,
};

/** Targets whose only failure so far may have been passing (timeout, 5xx): to be tried again. */
export function suspectTargets(db: Db, checkId: number): string[] {
  return db
    .select({ target: linkChecks.target })
    .from(linkChecks)
    .where(and(eq(linkChecks.checkId, checkId), eq(linkChecks.status, 'suspect')))
    .orderBy(textAsc(db, linkChecks.target))
    .all()
    .map((r) => r.target);
}

export type SiteLink = LinkArtifact;

export function linksOfSite(db: Db, checkId: number, siteId: string): SiteLink[] {
  const rows = prepared<Omit<SiteLink, 'onHomepage'> & { onHomepage: number }>(db, forDialect(db, SITE_LINKS)).all(checkId, siteId);
  const links: SiteLink[] = rows.map((r) => ({ ...r, onHomepage: r.onHomepage === 1 }));
  const hostOf = (t: string) => {
    try {
      return new URL(t).host;
    } catch {
      return null;
    }
  };
  const hosts = linkHostsOf(db, checkId, [...new Set(links.map((l) => hostOf(l.target)).filter((h): h is string => h !== null))]);
  if (hosts.size === 0) return links;
  for (const l of links) {
    const seen = hosts.get(hostOf(l.target) ?? '');
    if (seen) l.host = seen;
  }
  return links;
}

/** What the link checker saw of a host: its domain gone (with the servers of the zone that said so), or its homepage read. */
interface LinkHostSeen {
  host: string;
  checkedAt: string;
  lapsed: { domain: string; zone: string; zoneServers: string[] } | null;
  site: LinkHostArtifact['site'];
}

/** Kept once per check, for every site that links to the host. */
export function saveLinkHost(db: Db, checkId: number, seen: LinkHostSeen): void {
  prepared(db, UPSERT_LINK_HOST).run(
    checkId,
    seen.host,
    seen.checkedAt,
    seen.lapsed ? JSON.stringify(seen.lapsed) : null,
    seen.site ? JSON.stringify(seen.site) : null,
  );
}

// What was seen once stays unless seen anew: a lapse found on the first try and a homepage read later are both kept.
const UPSERT_LINK_HOST = `INSERT INTO link_hosts (check_id, host, checked_at, lapsed, site) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (check_id, host) DO UPDATE SET checked_at = excluded.checked_at,
    lapsed = coalesce(excluded.lapsed, link_hosts.lapsed), site = coalesce(excluded.site, link_hosts.site)`;

/** The hosts of the check the checker has already seen (a resumed run does not read them again). */
export function seenLinkHosts(db: Db, checkId: number): Set<string> {
  return new Set(
    prepared<{ host: string }>(db, 'SELECT host FROM link_hosts WHERE check_id = ?')
      .all(checkId)
      .map((r) => r.host),
  );
}

function linkHostsOf(db: Db, checkId: number, hosts: string[]): Map<string, LinkHostArtifact> {
  if (hosts.length === 0) return new Map();
  const rows = prepared<{ host: string; lapsed: string | null; site: string | null }>(
    db,
    forDialect(db, {
      sqlite: 'SELECT host, lapsed, site FROM link_hosts WHERE check_id = ? AND host IN (SELECT value FROM json_each(?))',
      pg: 'SELECT host, lapsed, site FROM link_hosts WHERE check_id = ? AND host IN (SELECT jsonb_array_elements_text(?::jsonb))',
    }),
  ).all(checkId, JSON.stringify(hosts));
  return new Map(
    rows.map((r) => {
      const lapsed = r.lapsed ? (JSON.parse(r.lapsed) as { domain: string; zone: string }) : null;
      return [
        r.host,
        {
          host: r.host,
          lapsed: lapsed ? { domain: lapsed.domain, zone: lapsed.zone } : null,
          site: r.site ? (JSON.parse(r.site) as LinkHostArtifact['site']) : null,
        },
      ];
    }),
  );
}

// By page address, then target: the order the rules and their evidence have always seen.
// PostgreSQL sorts text by the database's locale unless told otherwise: "C" is SQLite's byte order.
const SITE_LINKS = {
  sqlite: `SELECT p.page_url AS pageUrl, p.on_homepage AS onHomepage, j.value ->> 0 AS target, j.value ->> 1 AS tag, j.value ->> 2 AS text,
    c.status AS status, c.http AS http, c.error AS error, coalesce(c.attempts, 0) AS attempts
  FROM page_links AS p, json_each(p.links) AS j
  LEFT JOIN link_checks c ON c.check_id = p.check_id AND c.target = j.value ->> 0
  WHERE p.check_id = ? AND p.site_id = ? ORDER BY p.page_url, target`,
  pg: `SELECT p.page_url AS "pageUrl", p.on_homepage AS "onHomepage", j.value ->> 0 AS target, j.value ->> 1 AS tag, j.value ->> 2 AS text,
    c.status AS status, c.http AS http, c.error AS error, coalesce(c.attempts, 0) AS attempts
  FROM page_links AS p CROSS JOIN LATERAL ${PG_LINKS} AS j(value, key)
  LEFT JOIN link_checks c ON c.check_id = p.check_id AND c.target = j.value ->> 0
  WHERE p.check_id = ? AND p.site_id = ? ORDER BY p.page_url COLLATE "C", (j.value ->> 0) COLLATE "C"`,
};

export function linkStatusCounts(db: Db, checkId: number): Record<string, number> {
  const rows = db
    .select({ status: linkChecks.status, n: sql<number>`count(*)` })
    .from(linkChecks)
    .where(eq(linkChecks.checkId, checkId))
    .groupBy(linkChecks.status)
    // The summary line lists them in this order; SQLite's GROUP BY sorts, PostgreSQL's may hash.
    .orderBy(textAsc(db, linkChecks.status))
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * The link targets on a site's homepage and its column pages, by the kind of page they are on: the
 * homepage's links are the site's second-level links (二级链接), a column page's its third-level ones.
 */
export function homeAndColumnLinks(db: Db, checkId: number, siteId: string): { target: string; kind: 'homepage' | 'column' }[] {
  return prepared<{ target: string; kind: 'homepage' | 'column' }>(db, forDialect(db, HOME_AND_COLUMN_LINKS)).all(checkId, siteId);
}

const HOME_AND_COLUMN_LINKS = {
  sqlite: `SELECT j.value ->> 0 AS target, g.kind AS kind
  FROM page_links AS p JOIN pages AS g ON g.check_id = p.check_id AND g.url = p.page_url AND g.rendered = 0, json_each(p.links) AS j
  WHERE p.check_id = ? AND p.site_id = ? AND g.kind IN ('homepage', 'column') ORDER BY p.id, j.key`,
  pg: `SELECT j.value ->> 0 AS target, g.kind AS kind
  FROM page_links AS p JOIN pages AS g ON g.check_id = p.check_id AND g.url = p.page_url AND g.rendered = 0
    CROSS JOIN LATERAL ${PG_LINKS} AS j(value, key)
  WHERE p.check_id = ? AND p.site_id = ? AND g.kind IN ('homepage', 'column') ORDER BY p.id, j.key`,
};

// Attachments fetched for the personal-data check: one row per check, site and attachment URL, its text
// rows gzip'd; and one row per site once all of its attachments are fetched.
import { and, eq } from 'drizzle-orm';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Db, prepared } from './db.js';
import { forDialect } from './dialect.js';
import { PG_LINKS } from './links.js';
import { attachmentScans, attachments } from './schema.js';
import type { AttachmentArtifact, AttachmentFormat, AttachmentRow, AttachmentsArtifact } from '../model/artifacts.js';

export function saveAttachment(db: Db, checkId: number, siteId: string, a: AttachmentArtifact, fetchedAt: string): void {
  const row = {
    foundOn: a.foundOn,
    linkText: a.linkText,
    format: a.format,
    state: a.state,
    reason: a.reason,
    bytes: a.bytes,
    rows: a.rows.length > 0 ? gzipSync(JSON.stringify(a.rows.map((r) => [r.part, r.row, r.cells]))) : null,
    fetchedAt,
  };
  db.insert(attachments)
    .values({ checkId, siteId, url: a.url, ...row })
    .onConflictDoUpdate({ target: [attachments.checkId, attachments.siteId, attachments.url], set: row })
    .run();
}

/** Every link on a site's stored pages, in the order the crawl found them (pages, then links on a page). */
export function linksInFoundOrder(db: Db, checkId: number, siteId: string): { pageUrl: string; target: string; text: string | null }[] {
  return prepared<{ pageUrl: string; target: string; text: string | null }>(db, forDialect(db, LINKS_IN_ORDER)).all(checkId, siteId);
}

const LINKS_IN_ORDER = {
  sqlite: `SELECT p.page_url AS pageUrl, j.value ->> 0 AS target, j.value ->> 2 AS text
  FROM page_links AS p, json_each(p.links) AS j WHERE p.check_id = ? AND p.site_id = ? ORDER BY p.id, j.key`,
  pg: `SELECT p.page_url AS "pageUrl", j.value ->> 0 AS target, j.value ->> 2 AS text
  FROM page_links AS p CROSS JOIN LATERAL ${PG_LINKS} AS j(value, key) WHERE p.check_id = ? AND p.site_id = ? ORDER BY p.id, j.key`,
};

/** The attachment URLs of a site already stored for the check: a resumed run does not fetch them again. */
export function storedAttachmentUrls(db: Db, checkId: number, siteId: string): Set<string> {
  const rows = db
    .select({ url: attachments.url })
    .from(attachments)
    .where(and(eq(attachments.checkId, checkId), eq(attachments.siteId, siteId)))
    .all();
  return new Set(rows.map((r) => r.url));
}

export function markAttachmentsScanned(db: Db, checkId: number, siteId: string, found: number, omitted: number, at: string): void {
  db.insert(attachmentScans)
    .values({ checkId, siteId, found, omitted, scannedAt: at })
    .onConflictDoUpdate({ target: [attachmentScans.checkId, attachmentScans.siteId], set: { found, omitted, scannedAt: at } })
    .run();
}

export function scannedAttachmentSites(db: Db, checkId: number): Set<string> {
  return new Set(
    db
      .select({ siteId: attachmentScans.siteId })
      .from(attachmentScans)
      .where(eq(attachmentScans.checkId, checkId))
      .all()
      .map((r) => r.siteId),
  );
}

/** A site's attachments with their rows; null when its attachments were not fetched for the check. */
export function attachmentsOf(db: Db, checkId: number, siteId: string): AttachmentsArtifact | null {
  const scan = db
    .select()
    .from(attachmentScans)
    .where(and(eq(attachmentScans.checkId, checkId), eq(attachmentScans.siteId, siteId)))
    .get();
  if (!scan) return null;
  const files = db
    .select()
    .from(attachments)
    .where(and(eq(attachments.checkId, checkId), eq(attachments.siteId, siteId)))
    .all()
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map(
      (r): AttachmentArtifact => ({
        url: r.url,
        foundOn: r.foundOn,
        linkText: r.linkText,
        format: r.format as AttachmentFormat | null,
        state: r.state as AttachmentArtifact['state'],
        reason: r.reason,
        bytes: r.bytes,
        rows: r.rows ? (JSON.parse(gunzipSync(r.rows).toString('utf8')) as [string | null, number, string[]][]).map(toRow) : [],
      }),
    );
  return { found: scan.found, omitted: scan.omitted, files };
}

function toRow([part, row, cells]: [string | null, number, string[]]): AttachmentRow {
  return { part, row, cells };
}

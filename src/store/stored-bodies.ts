// Single stored pages by address, for the judging-time reads that need a few pages rather than every
// page of a site (the homepage's features, a 规范性文件 list and its documents). As in page-bodies.ts,
// a page that was also rendered is read as rendered: its DOM holds what the page's scripts wrote.
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from './db.js';
import { type StoredBody, storedBody } from './page-bodies.js';
import { pages } from './schema.js';

const COLUMNS = {
  url: pages.url,
  finalUrl: pages.finalUrl,
  kind: pages.kind,
  contentType: pages.contentType,
  status: pages.status,
  rendered: pages.rendered,
  body: pages.body,
};

type Row = {
  url: string;
  finalUrl: string | null;
  kind: string;
  contentType: string | null;
  status: number | null;
  rendered: boolean;
  body: Buffer | null;
};

function toBody(r: Row | undefined): StoredBody | null {
  return !r?.body || (r.status ?? 200) >= 400 ? null : storedBody(r, r.body);
}

/** The site's stored homepage, rendered when it was rendered; null when none was stored with a body. */
export function homepageBody(db: Db, checkId: number, siteId: string): StoredBody | null {
  const r = db
    .select(COLUMNS)
    .from(pages)
    .where(and(eq(pages.checkId, checkId), eq(pages.siteId, siteId), eq(pages.kind, 'homepage'), isNotNull(pages.body)))
    // Of two homepages (the registered address changed between crawls), the one stored first.
    .orderBy(desc(pages.rendered), asc(pages.id))
    .get();
  return toBody(r);
}

/** The stored page at `url` in the check, rendered when it was rendered; null when not stored (or an error page). */
export function bodyAt(db: Db, checkId: number, url: string): StoredBody | null {
  const r = db
    .select(COLUMNS)
    .from(pages)
    .where(and(eq(pages.checkId, checkId), eq(pages.url, url), isNotNull(pages.body)))
    .orderBy(desc(pages.rendered))
    .get();
  return toBody(r);
}

// Raw pages as fetched, gzip-compressed; the crawl's memory of what it has already done.
import { and, eq, inArray } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Db, deferredRun } from './db.js';
import { pages } from './schema.js';

/** `board`: a message board's list page read as a board; `message`: one letter's own page. */
/**
 * `frame`: a same-site page the homepage shows in an iframe (its lists are homepage blocks). `footer`: a
 * script or fragment that writes the homepage's footer (its identity items are read from it).
 */
export type PageKind = 'homepage' | 'frame' | 'footer' | 'column' | 'article' | 'board' | 'message';

export interface FetchedPage {
  url: string;
  finalUrl: string | null;
  kind: PageKind;
  status: number | null;
  contentType: string | null;
  encoding: string | null;
  fetchedAt: string;
  body: Buffer | null;
  error: string | null;
  /** Chromium's DOM after scripts ran, rather than the bytes as served. */
  rendered?: boolean;
}

// The fastest level: every page of every site is compressed on the crawl's main thread, which is CPU
// bound. On the saved CMS pages (test/extract/pages) level 6, the default, made the output 7% smaller
// (31.9% of the page against 34.3%) for 40% more time.
const GZIP = { level: 1 };

// A prepared statement (db.ts): a query built per page by the ORM cost more than the write itself.
const UPSERT_PAGE = `INSERT INTO pages (check_id, site_id, url, final_url, kind, status, content_type, encoding, fetched_at, content_hash, body, error, rendered)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (check_id, url, rendered) DO UPDATE SET site_id = excluded.site_id, final_url = excluded.final_url, kind = excluded.kind,
    status = excluded.status, content_type = excluded.content_type, encoding = excluded.encoding, fetched_at = excluded.fetched_at,
    content_hash = excluded.content_hash, body = excluded.body, error = excluded.error`;

export function savePage(db: Db, checkId: number, siteId: string, p: FetchedPage): void {
  deferredRun(
    db,
    UPSERT_PAGE,
    checkId,
    siteId,
    p.url,
    p.finalUrl,
    p.kind,
    p.status,
    p.contentType,
    p.encoding,
    p.fetchedAt,
    p.body ? createHash('sha256').update(p.body).digest('hex') : null,
    p.body ? gzipSync(p.body, GZIP) : null,
    p.error,
    p.rendered === true ? 1 : 0,
  );
}

export function loadPage(db: Db, checkId: number, url: string, rendered = false): FetchedPage | undefined {
  const r = db
    .select()
    .from(pages)
    .where(and(eq(pages.checkId, checkId), eq(pages.url, url), eq(pages.rendered, rendered)))
    .get();
  if (!r) return undefined;
  return {
    url: r.url,
    finalUrl: r.finalUrl,
    kind: r.kind as PageKind,
    status: r.status,
    contentType: r.contentType,
    encoding: r.encoding,
    fetchedAt: r.fetchedAt,
    body: r.body ? gunzipSync(r.body) : null,
    error: r.error,
    rendered: r.rendered,
  };
}

/** Keys (`storedKey`) of the pages a check has stored: what a resumed crawl reads back instead of fetching. */
/** `siteIds`: only the pages stored for these sites (a worker's batch), rather than the whole check's. */
export function storedPageKeys(db: Db, checkId: number, siteIds: string[] | null = null): Set<string> {
  const keys = new Set<string>();
  const read = (where: ReturnType<typeof eq>) => {
    for (const r of db.select({ url: pages.url, rendered: pages.rendered }).from(pages).where(where).all())
      keys.add(storedKey(r.url, r.rendered));
  };
  if (siteIds === null) read(eq(pages.checkId, checkId));
  else
    for (let i = 0; i < siteIds.length; i += 500) read(and(eq(pages.checkId, checkId), inArray(pages.siteId, siteIds.slice(i, i + 500)))!);
  return keys;
}

export function storedKey(url: string, rendered: boolean): string {
  return `${rendered ? 'rendered' : 'fetched'} ${url}`;
}

// Raw pages as fetched, gzip-compressed; the crawl's memory of what it has already done.
import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './db.js';
import { pages } from './schema.js';

/** `board`: a message board's list page read as a board; `message`: one letter's own page. */
export type PageKind = 'homepage' | 'column' | 'article' | 'board' | 'message';

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

export function savePage(db: Db, checkId: number, siteId: string, p: FetchedPage): void {
  const values = {
    checkId,
    siteId,
    url: p.url,
    finalUrl: p.finalUrl,
    kind: p.kind,
    status: p.status,
    contentType: p.contentType,
    encoding: p.encoding,
    fetchedAt: p.fetchedAt,
    contentHash: p.body ? createHash('sha256').update(p.body).digest('hex') : null,
    body: p.body ? gzipSync(p.body) : null,
    error: p.error,
    rendered: p.rendered === true,
  };
  db.insert(pages)
    .values(values)
    .onConflictDoUpdate({ target: [pages.checkId, pages.url, pages.rendered], set: values })
    .run();
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
export function storedPageKeys(db: Db, checkId: number): Set<string> {
  return new Set(
    db
      .select({ url: pages.url, rendered: pages.rendered })
      .from(pages)
      .where(eq(pages.checkId, checkId))
      .all()
      .map((r) => storedKey(r.url, r.rendered)),
  );
}

export function storedKey(url: string, rendered: boolean): string {
  return `${rendered ? 'rendered' : 'fetched'} ${url}`;
}

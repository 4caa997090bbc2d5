// The stored bodies of one site's pages, one at a time, for the content checks at judging time:
// reading them again (rather than storing their text at crawl time) lets a better extractor re-judge
// an old crawl. Where a page was also rendered, the rendered DOM is the one read: it holds what the
// page's scripts wrote.
import { and, eq, isNotNull } from 'drizzle-orm';
import { gunzipSync } from 'node:zlib';
import type { Db } from './db.js';
import { pages } from './schema.js';
import type { PageKind } from './pages.js';

export interface StoredBody {
  url: string;
  finalUrl: string;
  kind: PageKind;
  contentType: string | null;
  body: Buffer;
}

export function* pageBodies(db: Db, checkId: number, siteId: string): Generator<StoredBody> {
  const rows = db
    .select({
      id: pages.id,
      url: pages.url,
      finalUrl: pages.finalUrl,
      kind: pages.kind,
      contentType: pages.contentType,
      status: pages.status,
      rendered: pages.rendered,
    })
    .from(pages)
    .where(and(eq(pages.checkId, checkId), eq(pages.siteId, siteId), isNotNull(pages.body)))
    .all()
    // Sorted here, not in SQL: ORDER BY url led SQLite to walk the (check, url) index, reading every page
    // row of the check to find one site's (judging 1,000 sites read the pages table 1,000 times over).
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : Number(b.rendered) - Number(a.rendered)));
  let last: string | null = null;
  for (const r of rows) {
    if (r.url === last || (r.status ?? 200) >= 400) continue;
    last = r.url;
    const body = db.select({ body: pages.body }).from(pages).where(eq(pages.id, r.id)).get()?.body;
    if (!body) continue;
    yield storedBody(r, body);
  }
}

/** A stored page row as judging reads it: its body unzipped, and a rendered page's DOM read as UTF-8 HTML. */
export function storedBody(
  r: { url: string; finalUrl: string | null; kind: string; contentType: string | null; rendered: boolean },
  gzipped: Buffer,
): StoredBody {
  return {
    url: r.url,
    finalUrl: r.finalUrl ?? r.url,
    kind: r.kind as PageKind,
    contentType: r.rendered ? 'text/html; charset=utf-8' : r.contentType,
    body: gunzipSync(gzipped),
  };
}

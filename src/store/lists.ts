// A site's columns and homepage blocks are written once, with its crawl state, in one transaction:
// a site is either finished (lists and state together) or will be crawled again.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Db, deferredRun, prepared } from './db.js';
import { items, lists } from './schema.js';
import { writeChannels } from './channels.js';
import type { ChannelArtifact, CrawlState, ItemArtifact, ListArtifact } from '../model/artifacts.js';

export interface SiteCrawlResult {
  state: CrawlState;
  reason: string | null;
  pagesFetched: number;
  lists: (ListArtifact & { key: string })[];
  channels?: (ChannelArtifact & { key: string })[];
}

// Every site finishes with these, and on PostgreSQL each statement that waits for its answer is a round
// trip the crawl's thread blocks on: about 33 a site when each list, letter and block of items was a
// statement of its own (a worker's main thread spent 2.7 s of an 18 s crawl of 500 sites in them; --cpu-prof).
// Now a site's lists are one statement per LISTS_A_STATEMENT, their ids read back by key; items, letters
// and the state are deferred writes (db.ts), sent without waiting; channels are one statement.
const LISTS_A_STATEMENT = 50;
const ITEMS_A_STATEMENT = 32;
const insertItems = (rows: number) =>
  `INSERT INTO items (list_id, position, title, url, date_text, date) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`;
const insertLists = (rows: number) =>
  'INSERT INTO lists (check_id, site_id, kind, key, url, name, level, source, state, state_reason, pages_read, more_url) VALUES ' +
  `${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} RETURNING id, key`;
const OLD_LISTS = 'SELECT id FROM lists WHERE check_id = ? AND site_id = ?';
const CRAWL_STATE =
  'UPDATE check_sites SET crawl_state = ?, crawl_reason = ?, pages_fetched = ?, crawled_at = ? WHERE check_id = ? AND site_id = ?';

export function finishSiteCrawl(db: Db, checkId: number, siteId: string, r: SiteCrawlResult, now: string): void {
  db.transaction(() => {
    const old = prepared<{ id: number }>(db, OLD_LISTS)
      .all(checkId, siteId)
      .map((x) => x.id);
    if (old.length > 0) {
      db.delete(items).where(inArray(items.listId, old)).run();
      db.delete(lists).where(inArray(lists.id, old)).run();
    }
    for (let at = 0; at < r.lists.length; at += LISTS_A_STATEMENT) {
      const chunk = r.lists.slice(at, at + LISTS_A_STATEMENT);
      // RETURNING's order is not promised (SQLite says so): ids are matched by the key, unique in a site.
      const ids = new Map(
        prepared<{ id: number; key: string }>(db, insertLists(chunk.length))
          .all(
            ...chunk.flatMap((l) => [
              checkId,
              siteId,
              l.kind,
              l.key,
              l.url,
              l.name,
              l.level,
              l.source,
              l.state,
              l.stateReason,
              l.pagesRead,
              l.moreUrl,
            ]),
          )
          .map((x) => [x.key, x.id]),
      );
      for (const l of chunk) {
        const id = ids.get(l.key)!;
        for (let from = 0; from < l.items.length; from += ITEMS_A_STATEMENT) {
          const part = l.items.slice(from, from + ITEMS_A_STATEMENT);
          deferredRun(db, insertItems(part.length), ...part.flatMap((it, i) => [id, from + i, it.title, it.url, it.dateText, it.date]));
        }
      }
    }
    writeChannels(db, checkId, siteId, r.channels ?? []);
    deferredRun(db, CRAWL_STATE, r.state, r.reason, r.pagesFetched, now, checkId, siteId);
  });
}

export function listsOf(db: Db, checkId: number, siteId: string): ListArtifact[] {
  const rows = db
    .select()
    .from(lists)
    .where(and(eq(lists.checkId, checkId), eq(lists.siteId, siteId)))
    .orderBy(asc(lists.id))
    .all();
  if (rows.length === 0) return [];
  const all = db
    .select()
    .from(items)
    .where(
      inArray(
        items.listId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(items.listId), asc(items.position))
    .all();
  const byList = new Map<number, ItemArtifact[]>();
  for (const it of all) {
    const arr = byList.get(it.listId) ?? [];
    arr.push({ title: it.title, url: it.url, dateText: it.dateText, date: it.date });
    byList.set(it.listId, arr);
  }
  return rows.map((r) => ({
    kind: r.kind as ListArtifact['kind'],
    name: r.name,
    url: r.url,
    level: r.level,
    source: r.source,
    state: r.state as ListArtifact['state'],
    stateReason: r.stateReason,
    items: byList.get(r.id) ?? [],
    pagesRead: r.pagesRead,
    moreUrl: r.moreUrl,
  }));
}

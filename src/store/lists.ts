// A site's columns and homepage blocks are written once, with its crawl state, in one transaction:
// a site is either finished (lists and state together) or will be crawled again.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Db, prepared } from './db.js';
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

// Items are most of a site's rows, and every site finishes with these: prepared statements (db.ts), a
// list's items ITEMS_A_STATEMENT at a time (on PostgreSQL each statement is a round trip to the server).
const ITEMS_A_STATEMENT = 32;
const insertItems = (rows: number) =>
  `INSERT INTO items (list_id, position, title, url, date_text, date) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`;
const INSERT_LIST =
  'INSERT INTO lists (check_id, site_id, kind, key, url, name, level, source, state, state_reason, pages_read, more_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id';
const OLD_LISTS = 'SELECT id FROM lists WHERE check_id = ? AND site_id = ?';
const CRAWL_STATE =
  'UPDATE check_sites SET crawl_state = ?, crawl_reason = ?, pages_fetched = ?, crawled_at = ? WHERE check_id = ? AND site_id = ?';

export function finishSiteCrawl(db: Db, checkId: number, siteId: string, r: SiteCrawlResult, now: string): void {
  db.transaction((tx) => {
    const old = prepared<{ id: number }>(db, OLD_LISTS)
      .all(checkId, siteId)
      .map((x) => x.id);
    if (old.length > 0) {
      tx.delete(items).where(inArray(items.listId, old)).run();
      tx.delete(lists).where(inArray(lists.id, old)).run();
    }
    for (const l of r.lists) {
      const { id } = prepared<{ id: number }>(db, INSERT_LIST).get(
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
      )!;
      for (let from = 0; from < l.items.length; from += ITEMS_A_STATEMENT) {
        const chunk = l.items.slice(from, from + ITEMS_A_STATEMENT);
        prepared(db, insertItems(chunk.length)).run(...chunk.flatMap((it, i) => [id, from + i, it.title, it.url, it.dateText, it.date]));
      }
    }
    writeChannels(tx, checkId, siteId, r.channels ?? []);
    prepared(db, CRAWL_STATE).run(r.state, r.reason, r.pagesFetched, now, checkId, siteId);
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

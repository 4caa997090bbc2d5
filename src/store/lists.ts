// A site's columns and homepage blocks are written once, with its crawl state, in one transaction:
// a site is either finished (lists and state together) or will be crawled again.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { items, lists } from './schema.js';
import { writeChannels } from './channels.js';
import type { ChannelArtifact, CrawlState, ItemArtifact, ListArtifact } from '../rules/types.js';

export interface SiteCrawlResult {
  state: CrawlState;
  reason: string | null;
  pagesFetched: number;
  lists: (ListArtifact & { key: string })[];
  channels?: (ChannelArtifact & { key: string })[];
}

// Items are most of a site's rows: one prepared statement, not a query built per item.
const itemStatements = new WeakMap<Db, Statement<unknown[]>>();
function insertItem(db: Db, row: unknown[]): void {
  let stmt = itemStatements.get(db);
  if (!stmt) {
    stmt = db.$client.prepare<unknown[]>('INSERT INTO items (list_id, position, title, url, date_text, date) VALUES (?, ?, ?, ?, ?, ?)');
    itemStatements.set(db, stmt);
  }
  stmt.run(...row);
}

// A site has tens of lists: the ORM's insert, built per call, cost more than the row (crawl profile).
const listStatements = new WeakMap<Db, Statement<unknown[], { id: number }>>();
function insertList(db: Db, row: unknown[]): { id: number } {
  let stmt = listStatements.get(db);
  if (!stmt) {
    stmt = db.$client.prepare<unknown[], { id: number }>(
      'INSERT INTO lists (check_id, site_id, kind, key, url, name, level, source, state, state_reason, pages_read, more_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    );
    listStatements.set(db, stmt);
  }
  return stmt.get(...row)!;
}

// Once per site, on the crawl's main thread: prepared once rather than built by the ORM per site.
const siteStatements = new WeakMap<Db, { oldLists: Statement<unknown[], { id: number }>; state: Statement<unknown[]> }>();
function siteStatementsOf(db: Db) {
  let s = siteStatements.get(db);
  if (!s) {
    s = {
      oldLists: db.$client.prepare<unknown[], { id: number }>('SELECT id FROM lists WHERE check_id = ? AND site_id = ?'),
      state: db.$client.prepare<unknown[]>('UPDATE check_sites SET crawl_state = ?, crawl_reason = ?, pages_fetched = ?, crawled_at = ? WHERE check_id = ? AND site_id = ?'),
    };
    siteStatements.set(db, s);
  }
  return s;
}

export function finishSiteCrawl(db: Db, checkId: number, siteId: string, r: SiteCrawlResult, now: string): void {
  const st = siteStatementsOf(db);
  db.transaction((tx) => {
    const old = st.oldLists.all(checkId, siteId).map((x) => x.id);
    if (old.length > 0) {
      tx.delete(items).where(inArray(items.listId, old)).run();
      tx.delete(lists).where(inArray(lists.id, old)).run();
    }
    for (const l of r.lists) {
      const { id } = insertList(db, [checkId, siteId, l.kind, l.key, l.url, l.name, l.level, l.source, l.state, l.stateReason, l.pagesRead, l.moreUrl]);
      l.items.forEach((it, position) => insertItem(db, [id, position, it.title, it.url, it.dateText, it.date]));
    }
    writeChannels(tx, checkId, siteId, r.channels ?? []);
    st.state.run(r.state, r.reason, r.pagesFetched, now, checkId, siteId);
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

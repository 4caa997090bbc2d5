// A crawl's writes grouped into one transaction per short window instead of one per page.
// Each commit writes every B-tree page it touched to the WAL: pages, links and their indexes were
// rewritten once per fetched page, which made commits the largest single cost of the crawl's main
// thread (npm run bench, CPU profile). Grouped, a window's pages share those writes.
// What a kill loses is the open window's pages, which were never reported stored: the resumed crawl
// fetches them again. Everything committed stays whole, as before.
import type { Db } from './db.js';

export interface GroupCommit {
  /** Runs `fn` inside the open group (opening one if needed); the group commits within `windowMs`. */
  write<T>(fn: () => T): T;
  /** Commits the open group now. */
  commit(): void;
  /** Undoes the open group: after a failed write, nothing half-written is committed later. */
  abandon(): void;
}

/** `onError`: a commit made by the window's timer that fails (a full disk) is reported here, not thrown into the event loop. */
export function groupCommit(db: Db, onError: (e: unknown) => void, windowMs = 100, maxWrites = 1_000): GroupCommit {
  const client = db.$client;
  let open = false;
  let writes = 0;
  let timer: NodeJS.Timeout | null = null;
  const end = (sql: 'COMMIT' | 'ROLLBACK') => {
    if (timer) clearTimeout(timer);
    timer = null;
    writes = 0;
    if (!open) return;
    open = false;
    if (client.inTransaction) client.exec(sql);
  };
  const group: GroupCommit = {
    write(fn) {
      if (!open) {
        client.exec('BEGIN');
        open = true;
        // The window's timer must not keep a finished process alive; the crawl commits at its end anyway.
        timer = setTimeout(() => {
          try {
            group.commit();
          } catch (e) {
            group.abandon();
            onError(e);
          }
        }, windowMs);
        timer.unref();
      }
      const out = fn();
      if (++writes >= maxWrites) group.commit();
      return out;
    },
    commit: () => end('COMMIT'),
    abandon: () => end('ROLLBACK'),
  };
  return group;
}

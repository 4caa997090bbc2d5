// A PostgreSQL session ended under the store (a restart, a failover, an administrator): between
// transactions the store opens a new one and goes on; inside a transaction the loss is an error that
// stays until the owner reconnects, and what the transaction held is gone, never half-kept.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, type Db, openDb } from '../../src/store/db.js';
import { groupCommit } from '../../src/store/group-commit.js';
import { isConnectionLoss, PgConnection } from '../../src/store/pg-client.js';
import { freshPgDatabase, PG_SERVER } from '../helpers/pg.js';

let db: Db | null = null;
afterEach(() => {
  if (db) closeDb(db);
  db = null;
});

/** Ends every other session on the test's database, as a server restart would. */
function endSessions(url: string): void {
  const admin = new PgConnection(PG_SERVER!);
  try {
    admin
      .prepare('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()')
      .all(new URL(url).pathname.slice(1));
  } finally {
    admin.close();
  }
}

const count = (d: Db) => d.get<{ n: number }>(sql`SELECT count(*) AS n FROM sites`).n;
const addSite = (d: Db, id: string) =>
  d.run(sql`INSERT INTO sites (id, name, url, status, updated_at) VALUES (${id}, 'x', 'http://a.test/', 'running', 't')`);

describe.skipIf(!PG_SERVER)('a PostgreSQL session lost under the store', () => {
  it('between transactions: the next statement runs on a new session', () => {
    const { url } = freshPgDatabase();
    db = openDb(url);
    addSite(db, 'a');
    endSessions(url);
    addSite(db, 'b');
    expect(count(db)).toBe(2);
  });

  it('inside a transaction: an error until the owner reconnects, and the transaction is gone', () => {
    const { url } = freshPgDatabase();
    db = openDb(url);
    const conn = db.$client as unknown as PgConnection;
    addSite(db, 'kept');
    const errors: unknown[] = [];
    const g = groupCommit(db, (e) => errors.push(e), 60_000);
    g.write(() => addSite(db!, 'lost'));
    endSessions(url);
    let thrown: unknown = null;
    try {
      g.write(() => addSite(db!, 'after'));
    } catch (e) {
      thrown = e;
    }
    expect(isConnectionLoss(thrown)).toBe(true);
    // Still refused: nothing may be written as if the lost window had been kept.
    expect(() => count(db!)).toThrow(/lost inside a transaction/);
    g.abandon();
    conn.reconnect();
    expect(db.all<{ id: string }>(sql`SELECT id FROM sites ORDER BY id`).map((r) => r.id)).toEqual(['kept']);
  });

  it('a server that stays away is an error, not a hang', () => {
    const { url } = freshPgDatabase();
    db = openDb(url);
    const conn = db.$client as unknown as PgConnection;
    // Pointed at a port nothing listens on, as a server that is down.
    (conn as unknown as { url: string }).url = url.replace(/:\d+\//, ':1/');
    endSessions(url);
    let thrown: unknown = null;
    try {
      count(db!);
    } catch (e) {
      thrown = e;
    }
    expect(isConnectionLoss(thrown)).toBe(true);
  });
});

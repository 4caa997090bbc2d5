// Writes whose results nobody reads, sent without waiting inside a transaction (PostgreSQL's pipeline):
// what a later statement in the transaction reads includes them, the commit keeps them all or an error
// in one of them fails the transaction whole, and outside a transaction a write is kept at once.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, type Db, deferredRun, openDb } from '../../src/store/db.js';
import { groupCommit } from '../../src/store/group-commit.js';
import { freshPgDatabase, PG_SERVER } from '../helpers/pg.js';

const INSERT = "INSERT INTO sites (id, name, url, status, updated_at) VALUES (?, ?, 'http://a.test/', 'running', 't')";
let opened: Db[] = [];
afterEach(() => {
  for (const d of opened) closeDb(d);
  opened = [];
});
const open = (url: string) => {
  const d = openDb(url);
  opened.push(d);
  return d;
};
/** A group that commits only when told, and throws what its timer would have reported. */
const strictGroup = (db: Db) =>
  groupCommit(
    db,
    (e) => {
      throw e;
    },
    60_000,
  );
const ids = (d: Db) => d.all<{ id: string }>(sql`SELECT id FROM sites ORDER BY id`).map((r) => r.id);

describe.skipIf(!PG_SERVER)('deferred writes on PostgreSQL', () => {
  it('inside a transaction: read back by the next statement, kept by the commit', () => {
    const { url } = freshPgDatabase();
    const db = open(url);
    const other = open(url);
    const g = strictGroup(db);
    g.write(() => {
      for (let i = 0; i < 50; i++) deferredRun(db, INSERT, `s${String(i).padStart(2, '0')}`, 'x');
    });
    // The same transaction sees its own writes; another connection does not yet.
    expect(g.write(() => ids(db))).toHaveLength(50);
    expect(ids(other)).toEqual([]);
    g.write(() => deferredRun(db, INSERT, 'zz', 'x'));
    g.commit();
    expect(ids(other)).toHaveLength(51);
  });

  it('an error in one of them fails the commit, and none of the transaction is kept', () => {
    const { url } = freshPgDatabase();
    const db = open(url);
    deferredRun(db, INSERT, 'before', 'x');
    const g = strictGroup(db);
    g.write(() => {
      deferredRun(db, INSERT, 'a', 'x');
      // name is NOT NULL: the server refuses this one, but only the commit reads its answer.
      deferredRun(db, INSERT, 'b', null);
      deferredRun(db, INSERT, 'c', 'x');
    });
    expect(() => g.commit()).toThrow(/null value in column "name"/);
    g.abandon();
    expect(ids(open(url))).toEqual(['before']);
    // The connection goes on: the next transaction is whole again.
    g.write(() => deferredRun(db, INSERT, 'd', 'x'));
    g.commit();
    expect(ids(open(url))).toEqual(['before', 'd']);
  });

  it('outside a transaction: kept at once', () => {
    const { url } = freshPgDatabase();
    const db = open(url);
    deferredRun(db, INSERT, 'solo', 'x');
    expect(ids(open(url))).toEqual(['solo']);
  });
});

// Which database a store function is talking to, for the few statements the two write differently
// (JSON arrays, INSERT OR IGNORE, two-argument min/max). Everything else is one text for both.
import type { Db } from './db.js';
import { PgConnection } from './pg-client.js';

export function isPostgres(db: Db): boolean {
  return (db.$client as unknown) instanceof PgConnection;
}

/** The statement written for this database. */
export function forDialect(db: Db, text: { sqlite: string; pg: string }): string {
  return isPostgres(db) ? text.pg : text.sqlite;
}

// SQLite's order on PostgreSQL too, for the reads whose order reaches a rule, a report or a message.
// SQLite compares text byte by byte (BINARY) and puts NULL before everything; PostgreSQL sorts text by
// the database's locale ("B" before "a" in C, after it in en_US) and puts NULL last when ascending.
// The SQLite text stays as it was, so SQLite keeps its plans and its order.
import { type AnyColumn, asc, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { isPostgres } from './dialect.js';

/** A text column ascending, byte by byte, NULL first: as SQLite orders it. */
export function textAsc(db: Db, column: AnyColumn): SQL {
  return isPostgres(db) ? sql`${column} COLLATE "C" ASC NULLS FIRST` : asc(column);
}

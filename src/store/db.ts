// Opening the database: WAL, foreign keys, and the committed drizzle-kit migrations applied on open.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import * as schema from './schema.js';
import { InputError } from '../errors.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

export function openDb(path: string, opts: { create?: boolean } = {}): Db {
  if (!opts.create && path !== ':memory:' && !existsSync(path)) {
    throw new InputError(`No database at ${path}`, 'choucha keeps its work in one SQLite file.', 'Run `choucha init` first, or pass --db PATH.');
  }
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  const db = drizzle(client, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

export function closeDb(db: Db): void {
  db.$client.close();
}

// Opening the database: WAL, foreign keys, and the committed drizzle-kit migrations applied on open.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync } from 'node:fs';
import * as schema from './schema.js';
import { ChouchaError, InputError } from '../errors.js';
import { projectPath } from '../paths.js';
import { PgConnection } from './pg-client.js';
import { migratePg } from './pg-migrate.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = projectPath('src/store/migrations');

const TEST_ON_OPEN = () =>
  (globalThis as Record<symbol, unknown>)[Symbol.for('choucha.test.onOpen')] as ((c: Database.Database) => void) | undefined;

// Statements the hot paths run per page or per site, prepared once per connection: the ORM's builder,
// or a prepare per call, cost more than the rows (crawl and link-stage profiles).
const statements = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown>>>();

/** `sql` prepared on `db`'s connection, once: later calls with the same text get the same statement. */
export function prepared<R = unknown>(db: Db, sql: string): Database.Statement<unknown[], R> {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.$client.prepare<unknown[], unknown>(sql)));
  return stmt as Database.Statement<unknown[], R>;
}

/** A `--db` value naming a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(where: string): boolean {
  return /^postgres(ql)?:\/\//i.test(where);
}

/** `where` without its password, for messages and logs. */
export function redactDbUrl(where: string): string {
  return where.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/**
 * A write whose result the caller never reads (a crawl's page and its links). On SQLite it runs as any
 * prepared statement; on PostgreSQL, inside an open transaction, it is sent without waiting for the
 * server's answer, which is read (and any error thrown) by the next statement or the commit.
 */
export function deferredRun(db: Db, sql: string, ...params: unknown[]): void {
  const client = db.$client as unknown;
  if (client instanceof PgConnection) client.defer(sql, params as never[]);
  else prepared(db, sql).run(...params);
}

export function openDb(path: string, opts: { create?: boolean } = {}): Db {
  if (isPostgresUrl(path)) return openPg(path, opts);
  if (!opts.create && path !== ':memory:' && !existsSync(path)) {
    throw new InputError(
      `No database at ${path}`,
      'choucha keeps its work in one SQLite file.',
      'Run `choucha init` first, or pass --db PATH.',
    );
  }
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  // Tests only: test/helpers/full-disk.mjs, loaded with --import, hooks each new connection to simulate
  // a full disk. No flag or environment variable reaches it; only code loaded into the process can.
  TEST_ON_OPEN()?.(client);
  const db = drizzle(client, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/**
 * A write the disk could not take (full, quota, I/O error) as a known error: SQLite has rolled the
 * transaction back, so what is stored is whole, and the same command run again resumes from it.
 */
export function storageFailure(e: unknown): ChouchaError | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^SQLITE_(FULL|IOERR|CANTOPEN|READONLY)/.test(code)) return null;
  const what = code.startsWith('SQLITE_FULL') ? 'the disk (or the database size limit) is full' : `the disk refused the write (${code})`;
  return new StorageError(
    `Could not write to the database: ${what}`,
    'The write in progress was rolled back; everything stored before it is intact.',
    'Free some space, then run the same command again: it carries on from what is stored.',
  );
}

/** The database could not be written. Exit code 3: nothing the user typed was wrong. */
export class StorageError extends ChouchaError {}

function openPg(url: string, opts: { create?: boolean }): Db {
  const where = redactDbUrl(url);
  let conn: PgConnection;
  try {
    conn = new PgConnection(url);
  } catch (e) {
    throw new InputError(
      `Cannot connect to PostgreSQL at ${where}: ${firstLine((e as Error).message)}`,
      'The server is down or unreachable, or the address, user, password or database name is wrong.',
      'Check the --db URL (or CHOUCHA_DB), and that the server accepts connections from this machine.',
    );
  }
  try {
    migratePg(conn, where, opts);
  } catch (e) {
    conn.close();
    throw e;
  }
  // The SQLite builder's statements run on PostgreSQL through a connection shaped like better-sqlite3's.
  return drizzle(conn as unknown as Database.Database, { schema }) as Db;
}

function firstLine(s: string): string {
  return s
    .trim()
    .split('\n')[0]!
    .replace(/^FATAL:\s*/, '');
}

export function closeDb(db: Db): void {
  db.$client.close();
}

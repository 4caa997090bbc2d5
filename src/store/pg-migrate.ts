// The committed drizzle-kit migrations for PostgreSQL (src/store/migrations-pg), applied on open in one
// transaction, in drizzle's own bookkeeping table so that drizzle-kit sees the same history.
// Several workers may open one database at once: an advisory lock lets one apply while the others wait.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { InputError } from '../errors.js';
import { projectPath } from '../paths.js';
import type { PgConnection } from './pg-client.js';

const MIGRATIONS = projectPath('src/store/migrations-pg');
// Any fixed number: the lock's name among the database's advisory locks.
const LOCK = 4_280_716;

export function migratePg(conn: PgConnection, where: string, opts: { create?: boolean }): void {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
  conn.transaction(() => {
    conn.prepare('SELECT pg_advisory_xact_lock(?)').get(LOCK);
    const known = conn.prepare("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok").get() as { ok: number };
    if (!known.ok) {
      if (!opts.create)
        throw new InputError(
          `No choucha schema in ${where}`,
          'The database is reachable but has never been set up for choucha.',
          `Run \`choucha init --db ${where}\` first.`,
        );
      conn.exec('CREATE SCHEMA IF NOT EXISTS drizzle');
      conn.exec('CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
    }
    const last = conn.prepare('SELECT max(created_at) AS at FROM drizzle.__drizzle_migrations').get() as { at: number | null };
    const newest = files.at(-1)?.folderMillis ?? 0;
    if (last.at !== null && last.at > newest)
      throw new InputError(
        `The schema in ${where} is newer than this choucha`,
        'A later version of choucha has migrated this database; this one would misread it.',
        'Run the same choucha version as the workers that set it up.',
      );
    for (const m of files) {
      if (last.at !== null && m.folderMillis <= last.at) continue;
      for (const stmt of m.sql) if (stmt.trim()) conn.exec(stmt);
      conn.prepare('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (?, ?)').run(m.hash, m.folderMillis);
    }
  })();
}

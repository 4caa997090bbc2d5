// A fresh PostgreSQL database per test, copied from a migrated template, on the server CHOUCHA_TEST_PG
// names (.ci/run starts one in a temporary directory). Databases are byte-ordered ("C"), as SQLite is.
import { randomBytes } from 'node:crypto';
import { closeDb, openDb } from '../../src/store/db.js';
import { PgConnection } from '../../src/store/pg-client.js';

export const PG_SERVER = process.env.CHOUCHA_TEST_PG;

/** The store tests' backend: `pg` runs them on PostgreSQL (CHOUCHA_TEST_BACKEND=pg with CHOUCHA_TEST_PG set). */
export const TEST_BACKEND: 'sqlite' | 'pg' = process.env.CHOUCHA_TEST_BACKEND === 'pg' && PG_SERVER ? 'pg' : 'sqlite';

let template: string | null = null;
const made: string[] = [];

// Dropped when the test process ends, so a test may close its connection and reopen the store by URL.
process.on('exit', () => {
  if (made.length === 0) return;
  try {
    admin((c) => {
      for (const name of made.reverse()) c.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  } catch {
    // The server may be gone at exit; the CI cluster is thrown away with its directory.
  }
});

function urlWithDatabase(name: string): string {
  const u = new URL(PG_SERVER!);
  u.pathname = `/${name}`;
  return u.toString();
}

function admin<T>(fn: (c: PgConnection) => T): T {
  const c = new PgConnection(PG_SERVER!);
  try {
    return fn(c);
  } finally {
    c.close();
  }
}

/** A new empty database (no schema), dropped when the test process ends. */
export function emptyPgDatabase(): { url: string } {
  if (!PG_SERVER) throw new Error('CHOUCHA_TEST_PG is not set');
  const name = `choucha_t_${randomBytes(6).toString('hex')}`;
  admin((c) => c.exec(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  made.push(name);
  return { url: urlWithDatabase(name) };
}

/** A new database with choucha's schema, copied from a template migrated once per test process. */
export function freshPgDatabase(): { url: string } {
  if (!template) {
    const t = emptyPgDatabase();
    closeDb(openDb(t.url, { create: true }));
    template = new URL(t.url).pathname.slice(1);
  }
  const name = `choucha_t_${randomBytes(6).toString('hex')}`;
  admin((c) => c.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  made.push(name);
  return { url: urlWithDatabase(name) };
}

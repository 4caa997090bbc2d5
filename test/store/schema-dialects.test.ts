// The PostgreSQL schema must stay the SQLite schema's twin: the store's code builds its SQL from
// schema.ts and sends it to either database, so a table, column, key or index that one has and the
// other lacks (or holds in another shape) breaks the PostgreSQL store only, long after the edit.
// The last test applies the PostgreSQL migrations to a real server when CHOUCHA_TEST_PG names one.
import { is, SQL } from 'drizzle-orm';
import { PgDialect, PgTable, getTableConfig as pgTableConfig, integer as pgInteger, pgTable, text as pgText } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect, SQLiteTable, getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../src/store/schema-pg.js';
import * as sqliteSchema from '../../src/store/schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PG_MIGRATIONS = join(ROOT, 'src/store/migrations-pg');

/** The PostgreSQL types a SQLite column's values may live in, as the SQLite builder sends and reads them. */
const TYPE_TWINS: Record<string, string[]> = {
  integer: ['integer', 'bigint'],
  text: ['text'],
  real: ['double precision'],
  blob: ['bytea'],
};

interface Shape {
  name: string;
  columns: Record<string, { type: string; notNull: boolean; autoIncrement: boolean; default: unknown }>;
  primaryKey: string[];
  indexes: Record<string, { columns: string[]; unique: boolean; where: string | null }>;
  uniques: Record<string, string[]>;
  foreignKeys: string[];
}

/** A partial index's condition as text, the same for both dialects when the condition is ('?' for '$n'). */
function condition(where: SQL | undefined, dialect: PgDialect | SQLiteSyncDialect): string | null {
  if (!where) return null;
  const q = dialect.sqlToQuery(where);
  return `${q.sql.replace(/\$\d+/g, '?')} ${JSON.stringify(q.params)}`;
}

function sqliteShape(table: SQLiteTable): Shape {
  const c = sqliteTableConfig(table);
  const dialect = new SQLiteSyncDialect();
  const columns: Shape['columns'] = {};
  for (const col of c.columns) {
    const d = col.default;
    columns[col.name] = {
      type: col.getSQLType(),
      notNull: col.notNull,
      autoIncrement: 'autoIncrement' in col && col.autoIncrement === true,
      // What the SQLite builder sends for the default: false goes out as 0.
      default: d === undefined ? undefined : is(d, SQL) ? 'sql' : col.mapToDriverValue(d),
    };
  }
  return {
    name: c.name,
    columns,
    primaryKey: [
      ...c.columns.filter((col) => col.primary).map((col) => col.name),
      ...c.primaryKeys.flatMap((pk) => pk.columns.map((col) => col.name)),
    ],
    indexes: Object.fromEntries(
      c.indexes.map((i) => [
        i.config.name,
        {
          columns: i.config.columns.map((col) => ('name' in col ? col.name : 'sql')),
          unique: i.config.unique,
          where: condition(i.config.where, dialect),
        },
      ]),
    ),
    uniques: Object.fromEntries(c.uniqueConstraints.map((u) => [u.getName(), u.columns.map((col) => col.name)])),
    foreignKeys: c.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return JSON.stringify([
          r.columns.map((col) => col.name),
          sqliteTableConfig(r.foreignTable).name,
          r.foreignColumns.map((col) => col.name),
          fk.onDelete ?? 'no action',
          fk.onUpdate ?? 'no action',
        ]);
      })
      .sort(),
  };
}

function pgShape(table: PgTable): Shape {
  const c = pgTableConfig(table);
  const dialect = new PgDialect();
  const columns: Shape['columns'] = {};
  for (const col of c.columns) {
    const d = col.default;
    columns[col.name] = {
      type: col.getSQLType(),
      notNull: col.notNull,
      autoIncrement: col.generatedIdentity !== undefined || col.getSQLType() === 'serial',
      default: d === undefined ? undefined : is(d, SQL) ? 'sql' : col.mapToDriverValue(d),
    };
  }
  return {
    name: c.name,
    columns,
    primaryKey: [
      ...c.columns.filter((col) => col.primary).map((col) => col.name),
      ...c.primaryKeys.flatMap((pk) => pk.columns.map((col) => col.name)),
    ],
    indexes: Object.fromEntries(
      c.indexes.map((i) => [
        i.config.name ?? '(unnamed)',
        {
          columns: i.config.columns.map((col) => (col && 'name' in col && col.name ? col.name : 'sql')),
          unique: i.config.unique,
          where: condition(i.config.where, dialect),
        },
      ]),
    ),
    uniques: Object.fromEntries(c.uniqueConstraints.map((u) => [u.getName() ?? '(unnamed)', u.columns.map((col) => col.name)])),
    foreignKeys: c.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return JSON.stringify([
          r.columns.map((col) => col.name),
          pgTableConfig(r.foreignTable).name,
          r.foreignColumns.map((col) => col.name),
          fk.onDelete ?? 'no action',
          fk.onUpdate ?? 'no action',
        ]);
      })
      .sort(),
  };
}

/** Every way the PostgreSQL table differs from its SQLite twin, one line each; none when they agree. */
function drift(lite: Shape, pg: Shape): string[] {
  const out: string[] = [];
  if (lite.name !== pg.name) out.push(`table name ${lite.name} vs ${pg.name}`);
  const names = new Set([...Object.keys(lite.columns), ...Object.keys(pg.columns)]);
  for (const name of names) {
    const a = lite.columns[name];
    const b = pg.columns[name];
    if (!a || !b) {
      out.push(`column ${name} only in ${a ? 'sqlite' : 'pg'}`);
      continue;
    }
    if (!(TYPE_TWINS[a.type] ?? []).includes(b.type)) out.push(`column ${name}: sqlite ${a.type} kept as pg ${b.type}`);
    if (a.notNull !== b.notNull) out.push(`column ${name}: not null ${a.notNull} vs ${b.notNull}`);
    if (a.autoIncrement !== b.autoIncrement) out.push(`column ${name}: numbered by the database ${a.autoIncrement} vs ${b.autoIncrement}`);
    if (a.default !== b.default) out.push(`column ${name}: default ${String(a.default)} vs ${String(b.default)}`);
  }
  if (JSON.stringify(lite.primaryKey) !== JSON.stringify(pg.primaryKey)) out.push(`primary key ${lite.primaryKey} vs ${pg.primaryKey}`);
  for (const name of new Set([...Object.keys(lite.indexes), ...Object.keys(pg.indexes)]))
    if (JSON.stringify(lite.indexes[name]) !== JSON.stringify(pg.indexes[name]))
      out.push(`index ${name}: ${JSON.stringify(lite.indexes[name])} vs ${JSON.stringify(pg.indexes[name])}`);
  if (JSON.stringify(lite.uniques) !== JSON.stringify(pg.uniques))
    out.push(`unique ${JSON.stringify(lite.uniques)} vs ${JSON.stringify(pg.uniques)}`);
  for (const fk of lite.foreignKeys) if (!pg.foreignKeys.includes(fk)) out.push(`foreign key ${fk} only in sqlite`);
  for (const fk of pg.foreignKeys) if (!lite.foreignKeys.includes(fk)) out.push(`foreign key ${fk} only in pg`);
  return out;
}

const sqliteTables = Object.entries(sqliteSchema as Record<string, unknown>).filter((e): e is [string, SQLiteTable] =>
  is(e[1], SQLiteTable),
);
const pgTables = Object.entries(pgSchema as Record<string, unknown>).filter((e): e is [string, PgTable] => is(e[1], PgTable));
const pgByExport = new Map(pgTables);

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('exports the same tables under the same names', () => {
    expect(sqliteTables.length).toBeGreaterThan(20);
    expect(pgTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
  });

  it.each(sqliteTables)('%s: same columns, value shapes, keys, indexes and foreign keys', (exportName, table) => {
    const twin = pgByExport.get(exportName);
    expect(twin, `schema-pg.ts has no ${exportName}`).toBeDefined();
    if (twin) expect(drift(sqliteShape(table), pgShape(twin))).toEqual([]);
  });

  it('notices a drifted table', () => {
    // probes as it would read if schema-pg.ts missed a column, let one go nullable, kept a boolean as text,
    // numbered ids itself and lost the index: each difference must be named.
    const drifted = pgTable('probes', {
      id: pgInteger('id').primaryKey(),
      siteId: pgText('site_id').notNull(),
      url: pgText('url'),
      startedAt: pgText('started_at').notNull(),
      ok: pgText('ok').notNull(),
    });
    const lines = drift(sqliteShape(sqliteSchema.probes), pgShape(drifted));
    expect(lines).toEqual(
      expect.arrayContaining([
        'column id: numbered by the database true vs false',
        'column url: not null true vs false',
        'column ok: sqlite integer kept as pg text',
        'column vantage only in sqlite',
        expect.stringMatching(/^index probes_site_time: .* vs undefined$/),
        expect.stringMatching(/^foreign key .*"sites".* only in sqlite$/),
      ]),
    );
  });

  it('has its committed migrations up to date with schema-pg.ts', () => {
    // drizzle-kit compares schema-pg.ts with the last snapshot; it wants `out` inside the project.
    const dir = join(ROOT, '.tmp', `pg-migrations-${randomBytes(4).toString('hex')}`);
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    cpSync(PG_MIGRATIONS, dir, { recursive: true });
    try {
      const before = readdirSync(dir, { recursive: true }).sort();
      const out = execFileSync(
        join(ROOT, 'node_modules/.bin/drizzle-kit'),
        ['generate', '--dialect', 'postgresql', '--schema', './src/store/schema-pg.ts', '--out', dir.slice(ROOT.length)],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(out, 'run `npm run db:generate:pg` after changing schema-pg.ts').toContain('No schema changes');
      expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// `pg` (node-postgres) comes with pg-boss and has no type declarations of its own: the little used here.
interface PgClient {
  connect(): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as { Client: new (config: { connectionString: string }) => PgClient };

/** Every statement of every committed PostgreSQL migration, in the journal's order. */
function migrationStatements(): string[] {
  const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.flatMap((e) =>
    readFileSync(join(PG_MIGRATIONS, `${e.tag}.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

const SERVER = process.env.CHOUCHA_TEST_PG;

describe('the PostgreSQL migrations', () => {
  it.skipIf(!SERVER)('apply to a fresh database and give every table, column and index of schema-pg.ts', async () => {
    const name = `choucha_schema_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: SERVER ?? '' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(SERVER ?? '');
      url.pathname = `/${name}`;
      const db = new Client({ connectionString: url.href });
      await db.connect();
      try {
        for (const statement of migrationStatements()) await db.query(statement);

        const tables = await db.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        );
        expect(tables.rows.map((r) => r.table_name).sort()).toEqual(sqliteTables.map(([, t]) => sqliteTableConfig(t).name).sort());

        const columns = await db.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
          "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
        );
        const inDb = columns.rows
          .map((r) => `${r.table_name}.${r.column_name} ${r.data_type}${r.is_nullable === 'NO' ? ' not null' : ''}`)
          .sort();
        const inSchema = pgTables
          .flatMap(([, t]) => {
            const c = pgTableConfig(t);
            return c.columns.map((col) => `${c.name}.${col.name} ${col.getSQLType()}${col.notNull ? ' not null' : ''}`);
          })
          .sort();
        expect(inDb).toEqual(inSchema);

        const indexes = await db.query<{ indexname: string; indexdef: string }>(
          "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
        );
        const byName = new Map(indexes.rows.map((r) => [r.indexname, r.indexdef]));
        for (const [, t] of sqliteTables)
          for (const i of sqliteTableConfig(t).indexes) {
            const def = byName.get(i.config.name);
            expect(def, `index ${i.config.name}`).toBeDefined();
            expect(def?.startsWith('CREATE UNIQUE INDEX'), `index ${i.config.name} unique`).toBe(i.config.unique);
          }

        // judged_at's default gives the text SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now') gives: UTC, milliseconds, Z.
        await db.query(
          "INSERT INTO sites (id, name, url, status, updated_at) VALUES ('s1', '某市政府', 'http://a.gov.cn/', 'running', '2026-10-01')",
        );
        const check = await db.query<{ id: number }>(
          "INSERT INTO checks (quarter, tier, edition, at, created_at) VALUES ('2026Q4', 'province', '2026', '2026-12-01', '2026-12-01') RETURNING id",
        );
        await db.query("INSERT INTO verdicts (check_id, site_id, verdict, vetoes, not_checked) VALUES ($1, 's1', 'pass', '[]', '[]')", [
          check.rows[0]?.id,
        ]);
        const judged = await db.query<{ judged_at: string }>('SELECT judged_at FROM verdicts');
        const at = judged.rows[0]?.judged_at ?? '';
        expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60_000);
      } finally {
        await db.end();
      }
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

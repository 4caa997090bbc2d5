// Usage errors (exit 2): a CLI that refuses what it cannot do instead of saying yes. An unknown command
// is refused with or without --help, and the commands that read a check refuse one that does not exist
// without creating it: a mistyped quarter in CI must fail, not report every site "not checked".
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'choucha-usage-'));
  db = join(dir, 'choucha.db');
  writeFileSync(
    join(dir, 'registry.csv'),
    '网站标识码,网站名称,首页网址,主办单位,网站层级,地区代码,运行状态\n4301000001,长沙站,http://cs.gov.cn/,长沙市,市级部门,430100,正常\n',
  );
  expect((await cli(['--db', db, 'init'])).code).toBe(0);
  expect((await cli(['--db', db, 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
  // The one check this database has: 2026Q4 at the province tier (no network: sampling only).
  const s = await cli(['--db', db, 'sample', '--quarter', '2026Q4', '--tier', 'province', '--ratio', '1']);
  expect(s.code, s.stderr).toBe(0);
}, 120_000);

const checks = () => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT quarter, tier FROM checks ORDER BY quarter, tier').all() as { quarter: string; tier: string }[]).map(
      (c) => `${c.quarter} ${c.tier}`,
    );
  } finally {
    d.close();
  }
};

describe('an unknown command', () => {
  it.each([
    [['frobnicate'], 'choucha --help'],
    [['frobnicate', '--help'], 'choucha --help'],
    [['serve', '--help'], 'choucha --help'],
    [['help', 'frobnicate'], 'choucha --help'],
    [['--db', 'some.db', 'frobnicate', '--help'], 'choucha --help'],
    [['--quiet', 'frobnicate', 'sites'], 'choucha --help'],
    [['sites', 'frobnicate', '--help'], 'choucha sites --help'],
  ])('choucha %j exits 2 with "unknown command", and no help on stdout', async (args, hint) => {
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`unknown command '${args.includes('frobnicate') ? 'frobnicate' : 'serve'}'`);
    expect(r.stderr).toContain(`Run \`${hint}\``);
    expect(r.stdout).toBe('');
  });

  it.each([[['--help']], [['report', '--help']], [['help', 'sites']], [['--db', 'frobnicate', '--help']], [['sites', 'list', '--help']]])(
    'choucha %j, a known command or a value, still prints its help and exits 0',
    async (args) => {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Usage: choucha/);
    },
  );
});

describe('a check that does not exist', () => {
  it.each([
    ['report', ['report', '--quarter', '2025Q1', '--out', 'OUT', '--fail-on', 'unqualified'], '2025Q1', 'province'],
    ['report', ['report', '--quarter', '2026Q4', '--tier', 'national', '--out', 'OUT'], '2026Q4', 'national'],
    ['recheck', ['recheck', '--quarter', '2025Q1', '--tier', 'prefecture'], '2025Q1', 'prefecture'],
    ['disagreements', ['disagreements', '--quarter', '2025Q1'], '2025Q1', 'province'],
  ])(
    '%s %j exits 2, names the quarter, the tier and the command that creates it, and creates nothing',
    async (command, args, quarter, tier) => {
      const out = join(dir, `out-${command}-${quarter}-${tier}`);
      const r = await cli(['--db', db, ...args.map((a) => (a === 'OUT' ? out : a))]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`No ${tier} check for ${quarter}`);
      expect(r.stderr).toContain(`choucha ${command}`);
      expect(r.stderr).toContain(`choucha run --registry FILE --quarter ${quarter} --tier ${tier}`);
      expect(r.stderr).toContain(`choucha sample --quarter ${quarter} --tier ${tier}`);
      // What the database does have, so a mistyped quarter or tier is obvious.
      expect(r.stderr).toContain('2026Q4 province');
      expect(checks()).toEqual(['2026Q4 province']);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('an existing check still reports (every site not checked until `choucha check`), in the published shape', async () => {
    const out = join(dir, 'out-existing');
    const r = await cli(['--db', db, 'report', '--quarter', '2026Q4', '--out', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = readValidReport<{ quarter: string; tier: string; summary: { notChecked: number } }>(join(out, 'report.json'));
    expect(report).toMatchObject({ quarter: '2026Q4', tier: 'province', summary: { notChecked: 1 } });
    expect(checks()).toEqual(['2026Q4 province']);
  });

  it('a malformed quarter is refused before the database is read', async () => {
    const r = await cli(['--db', db, 'report', '--quarter', '2025-Q1', '--out', join(dir, 'out-bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025-Q1');
    expect(checks()).toEqual(['2026Q4 province']);
  });
});

describe('vantage flags', () => {
  it.each([
    [['--vantage', 'two words'], 'Bad --vantage'],
    [['--canaries', ','], 'Bad --canaries'],
    [['--canaries', 'www.gov.cn,not a name'], 'Bad --canaries'],
  ])('%j exits 2 naming the flag, before any probe', async (flags, message) => {
    const r = await cli(['--db', db, ...flags, 'probe', '--quarter', '2026Q4', '--tier', 'province', '--once']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    const d = new Database(db, { readonly: true });
    try {
      expect((d.prepare('SELECT count(*) AS n FROM probes').get() as { n: number }).n).toBe(0);
    } finally {
      d.close();
    }
  });
});

describe('workers on a SQLite file', () => {
  it.each([
    [['worker'], 'choucha worker needs a PostgreSQL store'],
    [['crawl', '--quarter', '2026Q4', '--tier', 'province', '--workers', '2'], '--workers needs a PostgreSQL store'],
    [['probe', '--quarter', '2026Q4', '--tier', 'province', '--workers', '0'], '--workers needs a PostgreSQL store'],
    [['run', '--registry', 'registry.csv', '--quarter', '2026Q4', '--workers', '1'], '--workers needs a PostgreSQL store'],
  ])('choucha %j exits 2 and says what it needs, fetching nothing', async (args, message) => {
    const r = await cli(['--db', db, ...args.map((a) => (a === 'registry.csv' ? join(dir, a) : a))]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    const d = new Database(db, { readonly: true });
    try {
      expect((d.prepare('SELECT count(*) AS n FROM probes').get() as { n: number }).n).toBe(0);
      expect((d.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n).toBe(0);
    } finally {
      d.close();
    }
  });
});

// `probe --watch` as a user runs it: a plan of a few seconds over a site that hangs on every third
// request, the watcher stopped with SIGTERM midway and started again, then judged from the database.
// Nothing is asserted about timing; the database says what happened.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

const BIN = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
const ID = '4311990001';
let server: Server;
let dir: string;
let n = 0;

beforeAll(async () => {
  // Hangs on every third request: a site that fails some probes, on a schedule.
  server = createServer((_req, res) => {
    if (++n % 3 === 0) return;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<ul><li><a href="/a/1.html">关于开展冬季安全生产检查的通知</a> 2026-11-20</li></ul>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  dir = mkdtempSync(join(tmpdir(), 'choucha-watch-'));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  writeFileSync(
    join(dir, 'r.csv'),
    `网站标识码,网站名称,首页网址,主办单位,网站层级,地区代码,运行状态\r\n${ID},测试县人民政府,${url},测试县人民政府办公室,县级门户,431199,正常\r\n`,
  );
  expect((await cli(['--db', join(dir, 'db'), 'sites', 'import', join(dir, 'r.csv')])).code).toBe(0);
});

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

const db = () => new Database(join(dir, 'db'), { readonly: true });
/** A count from the database; any SQL error (a renamed table or column) fails the test. */
const count = (sql: string): number => {
  const d = db();
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
};
/** The same while the watcher is starting: its table may not exist yet, and only that reads as 0. */
const countOnceMigrated = (sql: string): number => {
  try {
    return count(sql);
  } catch (e) {
    if (/no such table/.test((e as Error).message)) return 0;
    throw e;
  }
};
// Six probes, one a second: a tiny week.
const WATCH = [
  '--db',
  '',
  '--allow-private',
  'probe',
  '--quarter',
  '2026Q4',
  '--at',
  new Date(Date.now() + 30_000).toISOString(),
  '--watch',
  '--days',
  String(6 / 86_400),
  '--per-day',
  '86400',
  '--seed',
  'e2e',
  '--timeout',
  '1s',
  '--max-late',
  '10m',
];

describe('probe --watch, stopped and started again', () => {
  let plan: string[] = [];

  it('stops on SIGTERM with the plan stored, part of it done', async () => {
    WATCH[1] = join(dir, 'db');
    const child = spawn(process.execPath, [BIN, ...WATCH], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('close', r));
    while (countOnceMigrated('SELECT count(*) n FROM probes') < 2) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const d = db();
    plan = (d.prepare('SELECT due_at FROM probe_plan ORDER BY due_at').all() as { due_at: string }[]).map((r) => r.due_at);
    d.close();
    expect(plan).toHaveLength(6);
    expect(count('SELECT count(*) n FROM probe_plan WHERE done_at IS NULL')).toBeGreaterThan(0);
  }, 30_000);

  it('started again, carries on with the same plan to its end', async () => {
    expect((await cli(WATCH, { timeoutMs: 30_000 })).code).toBe(0);
    const d = db();
    expect((d.prepare('SELECT due_at FROM probe_plan ORDER BY due_at').all() as { due_at: string }[]).map((r) => r.due_at)).toEqual(plan);
    d.close();
    expect(count('SELECT count(*) n FROM probe_plan WHERE done_at IS NULL')).toBe(0);
    expect(count('SELECT count(*) n FROM probe_plan WHERE probe_id IS NOT NULL')).toBe(count('SELECT count(*) n FROM probes'));
  }, 40_000);

  it('the failures it saw are judged, and reported per site', async () => {
    const edition = readFileSync(new URL('../../rules/editions/2019.yaml', import.meta.url), 'utf8')
      .replace('minProbes: 140', 'minProbes: 3')
      .replace(
        '../lexicons/column-categories.yaml',
        fileURLToPath(new URL('../../rules/lexicons/column-categories.yaml', import.meta.url)),
      );
    writeFileSync(join(dir, 'ed.yaml'), edition);
    const base = ['--db', join(dir, 'db'), '--allow-private'];
    expect((await cli([...base, 'check', '--quarter', '2026Q4', '--edition', join(dir, 'ed.yaml')])).code).toBe(0);
    expect((await cli([...base, 'report', '--quarter', '2026Q4', '--out', join(dir, 'out'), '--format', 'json'])).code).toBe(0);
    const site = readValidReport<Report>(join(dir, 'out', 'report.json')).sites[0]!;
    const probes = count('SELECT count(*) n FROM probes');
    const failed = count("SELECT count(*) n FROM probes WHERE failure = 'timeout'");
    expect(failed).toBeGreaterThan(0);
    expect(site.availability).toMatchObject({ probes, failures: failed });
    // The edition above judges from 3 probes on: fewer would leave the rule silent and prove nothing.
    expect(probes).toBeGreaterThanOrEqual(3);
    expect(site.findings.find((f) => f.rule === 'site-unreachable')).toMatchObject({
      code: 'unreachable',
      evidence: { failureKinds: { timeout: failed } },
    });
  }, 60_000);
});

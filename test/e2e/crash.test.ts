// Crash safety: `check` killed with SIGKILL half way, and a full disk (simulated by capping the database's
// page count, test/helpers/full-disk.mjs) under `check` and under `crawl`. Each time the database passes
// integrity_check, the command says what happened, and running it again gives what an uninterrupted run
// gave, fetching nothing twice. (SIGKILL during the crawl: test/gather/crawl.test.ts.)
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { cli } from '../helpers/cli.js';
import { readValidReport } from '../helpers/report-schema.js';

const AT = '2026-12-01T10:00:00+08:00';
const SITES = [
  'healthy-trs',
  'content-errors',
  'hanweb-five-empty',
  'gbk-fresh',
  'paged-notice',
  'board-overdue-trs',
  'identity-gaps',
  'table-stale-home',
];
const RUN = ['run', '--links', 'internal', '--quarter', '2026Q4', '--at', AT, '--rounds', '1', '--no-screenshots', '--format', 'json'];

let fleet: Fleet;
let dir: string;
let baseDb: string;
let baseline: ReturnType<typeof outcome>;

/** What a check decided, site by site: the part of report.json that must not depend on interruptions. */
function outcome(r: Report) {
  return r.sites
    .map((s) => ({
      id: s.id,
      verdict: s.verdict,
      score: s.score,
      notCheckedReason: s.notCheckedReason,
      findings: s.findings.map((f) => `${f.kind} ${f.points} ${f.fingerprint}`).sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function reportOf(db: string, out: string) {
  const r = await cli(['--db', db, 'report', '--quarter', '2026Q4', '--out', out, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return outcome(readValidReport<Report>(join(out, 'report.json')));
}

function sql<T>(db: string, f: (s: Database.Database) => T): T {
  const s = new Database(db);
  try {
    return f(s);
  } finally {
    s.close();
  }
}
const integrity = (db: string) => sql(db, (s) => s.pragma('integrity_check', { simple: true }));
const count = (db: string, table: string) => sql(db, (s) => (s.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

/** A copy of the crawled baseline with its judgements removed and its free pages dropped: crawled, not yet judged. */
function unjudgedCopy(name: string): string {
  const to = join(dir, name);
  sql(baseDb, (s) => s.prepare('VACUUM INTO ?').run(to));
  sql(to, (s) => {
    s.exec('DELETE FROM findings; DELETE FROM verdicts;');
    s.exec('VACUUM');
  });
  return to;
}

beforeAll(async () => {
  fleet = await startFleet({ at: AT, sites: SITES });
  dir = mkdtempSync(join(tmpdir(), 'choucha-crash-'));
  writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
  baseDb = join(dir, 'base.db');
  const r = await cli(
    ['--db', baseDb, '--allow-private', ...RUN, '--registry', join(dir, 'registry.csv'), '--out', join(dir, 'base-out')],
    { timeoutMs: 240_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  baseline = outcome(readValidReport<Report>(join(dir, 'base-out', 'report.json')));
  expect(baseline.length).toBe(SITES.length);
}, 300_000);

afterAll(async () => {
  await fleet?.close();
});

describe('check killed with SIGKILL half way', () => {
  it('leaves a sound database; checking again gives the uninterrupted result, with no network', async () => {
    const db = unjudgedCopy('killed-check.db');
    const requests = fleet.requests.length;
    const bin = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
    const child = spawn(process.execPath, [bin, '--db', db, 'check', '--quarter', '2026Q4'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    // Killed as soon as the first verdict is stored, while the others are still to come.
    const watcher = new Database(db, { readonly: true });
    const judged = () => (watcher.prepare('SELECT count(*) AS n FROM verdicts').get() as { n: number }).n;
    let atKill = 0;
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        atKill = judged();
        if (atKill >= 1 || child.exitCode !== null) {
          clearInterval(t);
          child.kill('SIGKILL');
          resolve();
        }
      }, 2);
    });
    watcher.close();
    await exited;
    expect(atKill).toBeGreaterThanOrEqual(1);
    expect(atKill).toBeLessThan(SITES.length); // killed mid-check, not after it
    expect(integrity(db)).toBe('ok');

    const again = await cli(['--db', db, 'check', '--quarter', '2026Q4']);
    expect(again.code, again.stderr).toBe(0);
    expect(integrity(db)).toBe('ok');
    expect(await reportOf(db, join(dir, 'killed-check-out'))).toEqual(baseline);
    expect(fleet.requests.length).toBe(requests);
  }, 120_000);
});

describe('a full disk', () => {
  it('under check: a clear error, a sound database, and a re-run with room gives the uninterrupted result', async () => {
    const db = unjudgedCopy('full-check.db');
    const full = await cli(['--db', db, 'check', '--quarter', '2026Q4'], { fullDiskPages: 1 });
    expect(full.code).toBe(3);
    expect(full.stderr).toMatch(/Could not write to the database: the disk \(or the database size limit\) is full/);
    expect(full.stderr).toMatch(/run the same command again/);
    expect(integrity(db)).toBe('ok');
    expect(count(db, 'verdicts')).toBeLessThan(SITES.length);

    const again = await cli(['--db', db, 'check', '--quarter', '2026Q4']);
    expect(again.code, again.stderr).toBe(0);
    expect(integrity(db)).toBe('ok');
    expect(await reportOf(db, join(dir, 'full-check-out'))).toEqual(baseline);
  }, 120_000);

  it('under crawl: the crawl stops with a clear error (no hang), keeps what it stored, and resumes without fetching it again', async () => {
    const db = join(dir, 'full-crawl.db');
    const g = ['--db', db, '--allow-private'];
    expect((await cli([...g, 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
    const crawlArgs = [...g, 'crawl', '--quarter', '2026Q4', '--at', AT, '--delay', '20ms'];
    // Room for a few dozen pages beyond what the registry and the empty check take.
    const pages = sql(db, (s) => s.pragma('page_count', { simple: true }) as number);
    const before = fleet.requests.length;
    const full = await cli(crawlArgs, { fullDiskPages: pages + 40 });
    expect(full.code).toBe(3);
    expect(full.stderr).toMatch(/Could not write to the database: the disk \(or the database size limit\) is full/);
    expect(integrity(db)).toBe('ok');
    const stored = sql(
      db,
      (s) =>
        new Set(
          (
            s.prepare('SELECT url FROM pages WHERE rendered = 0 AND body IS NOT NULL AND (status IS NULL OR status < 500)').all() as {
              url: string;
            }[]
          ).map((r) => r.url),
        ),
    );
    expect(stored.size).toBeGreaterThan(3);
    const firstRun = fleet.requests.length;
    expect(firstRun - before).toBeGreaterThanOrEqual(stored.size);

    const resumed = await cli(crawlArgs, { timeoutMs: 240_000 });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(integrity(db)).toBe('ok');
    const base = new Map(fleet.sites.map((s) => [s.fixture.key, s.url]));
    const refetched = fleet.requests
      .slice(firstRun)
      .map((r) => new URL(r.path, base.get(r.site)).href)
      .filter((u) => stored.has(u));
    expect(refetched).toEqual([]);

    // The rest of the pipeline (probes, links, judging) on the resumed crawl: the uninterrupted result.
    const rest = await cli([...g, ...RUN, '--registry', join(dir, 'registry.csv'), '--out', join(dir, 'full-crawl-out')], {
      timeoutMs: 240_000,
    });
    expect(rest.code, rest.stderr).toBe(0);
    expect(outcome(readValidReport<Report>(join(dir, 'full-crawl-out', 'report.json')))).toEqual(baseline);
  }, 300_000);
});

// A worker whose database goes away mid-crawl (every session ended, as a restart or a failover ends
// them): it says so, reconnects with backoff, and the crawl it was on is given out again and finished.
// Nothing it had committed is lost or fetched again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { closeDb, openDb } from '../../src/store/db.js';
import { PgConnection } from '../../src/store/pg-client.js';
import { checkSites, pages } from '../../src/store/schema.js';
import { cli, type CliResult } from '../helpers/cli.js';
import { emptyPgDatabase, PG_SERVER } from '../helpers/pg.js';

const BIN = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
const AT = '2026-12-01T10:00:00+08:00';
const SITES = ['healthy-trs', 'gbk-fresh', 'undated-home'];

let fleet: Fleet;
let worker: ChildProcess;
const workerLines: string[] = [];
let crawl: CliResult;
let url: string;
/** Before each loss: the requests the fleet had had, and the pages committed. */
const losses: { requests: number; stored: Set<string> }[] = [];
let lost = false;
let crawlDone = false;

describe.skipIf(!PG_SERVER)('a worker that loses its database mid-crawl', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    fleet = await startFleet({ at: AT, sites: SITES });
    const dir = mkdtempSync(join(tmpdir(), 'choucha-dbloss-'));
    writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
    url = emptyPgDatabase().url;
    expect((await cli(['--db', url, 'init'])).code).toBe(0);
    expect((await cli(['--db', url, 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);

    const keyOf = new Map(fleet.sites.map((s) => [new URL(s.url).origin, s.fixture.key]));
    let ended = false;
    worker = spawn(process.execPath, [BIN, '--db', url, '--allow-private', 'worker'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let rest = '';
    worker.stderr!.on('data', (b: Buffer) => {
      const parts = (rest + b.toString('utf8')).split('\n');
      rest = parts.pop()!;
      for (const l of parts) {
        workerLines.push(l);
        if (/lost the database/.test(l)) lost = true;
        if (!ended && / crawl .+ started/.test(l)) {
          ended = true;
          // Every session of the database is ended every 100-500 ms from the crawl's start, until one loss
          // lands inside a transaction (a crawl's open window of writes) and the worker says so; a loss
          // between transactions is mended without a word. Before each, what is committed is noted.
          const tick = () => {
            if (lost || crawlDone) return;
            const db = openDb(url);
            try {
              const stored = db
                .select({ url: pages.url })
                .from(pages)
                .all()
                .map((p) => {
                  const u = new URL(p.url);
                  return `${keyOf.get(u.origin) ?? '?'} ${u.pathname}${u.search}`;
                });
              losses.push({ requests: fleet.requests.length, stored: new Set(stored) });
            } finally {
              closeDb(db);
            }
            const admin = new PgConnection(PG_SERVER!);
            try {
              admin
                .prepare('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()')
                .all(new URL(url).pathname.slice(1));
            } finally {
              admin.close();
            }
            // At random moments: a fixed period could fall in step with the crawl's own --delay.
            setTimeout(tick, 100 + Math.random() * 400);
          };
          setTimeout(tick, 300);
        }
      }
    });
    crawl = await cli(['--db', url, '--allow-private', 'crawl', '--quarter', '2026Q4', '--at', AT, '--delay', '300ms', '--workers', '0'], {
      timeoutMs: 150_000,
    });
    crawlDone = true;
  }, 180_000);

  afterAll(async () => {
    // Waited for: a worker left behind keeps polling the test's server after the suite has ended.
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      const w = worker;
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      w.kill('SIGTERM');
      const force = setTimeout(() => w.kill('SIGKILL'), 45_000);
      await exited;
      clearTimeout(force);
    }
    await fleet?.close();
  }, 60_000);

  it('said it lost the database, and that it reconnected', () => {
    const all = workerLines.join('\n');
    expect(all).toMatch(/lost the database .*reconnecting in 1 s/);
    expect(all).toMatch(/reconnected to the database/);
  });

  it('finished every site, the coordinator waiting through the loss', () => {
    expect(crawl.code, crawl.stderr).toBe(0);
    const db = openDb(url);
    try {
      const states = db.select({ state: checkSites.crawlState }).from(checkSites).all();
      expect(states).toHaveLength(SITES.length);
      for (const s of states) expect(s.state).toBe('complete');
    } finally {
      closeDb(db);
    }
  });

  it('fetched no page again that was committed before a loss', () => {
    expect(losses.length).toBeGreaterThan(0);
    expect(losses.some((l) => l.stored.size > 0)).toBe(true);
    for (const loss of losses) {
      const again = fleet.requests.slice(loss.requests).filter((r) => r.method === 'GET' && loss.stored.has(`${r.site} ${r.path}`));
      expect(again).toEqual([]);
    }
  });
});

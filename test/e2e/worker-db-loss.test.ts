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
let storedAtLoss: string[] = [];
let requestsAtLoss = 0;

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
        if (!ended && / crawl .+ started/.test(l)) {
          ended = true;
          // A second into the crawl, with pages stored, every session of the database is ended.
          setTimeout(() => {
            const db = openDb(url);
            try {
              storedAtLoss = db
                .select({ url: pages.url })
                .from(pages)
                .all()
                .map((p) => {
                  const u = new URL(p.url);
                  return `${keyOf.get(u.origin) ?? '?'} ${u.pathname}${u.search}`;
                });
            } finally {
              closeDb(db);
            }
            requestsAtLoss = fleet.requests.length;
            const admin = new PgConnection(PG_SERVER!);
            try {
              admin
                .prepare('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()')
                .all(new URL(url).pathname.slice(1));
            } finally {
              admin.close();
            }
          }, 1_000);
        }
      }
    });
    crawl = await cli(['--db', url, '--allow-private', 'crawl', '--quarter', '2026Q4', '--at', AT, '--delay', '200ms', '--workers', '0'], {
      timeoutMs: 150_000,
    });
  }, 180_000);

  afterAll(async () => {
    worker?.kill('SIGTERM');
    await fleet?.close();
  });

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

  it('fetched no page again that was stored before the loss', () => {
    expect(storedAtLoss.length).toBeGreaterThan(0);
    const stored = new Set(storedAtLoss);
    const again = fleet.requests.slice(requestsAtLoss).filter((r) => r.method === 'GET' && stored.has(`${r.site} ${r.path}`));
    expect(again).toEqual([]);
  });
});

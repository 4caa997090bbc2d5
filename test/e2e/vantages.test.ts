// Probe rounds on a PostgreSQL store taken from two vantages at once: a worker started elsewhere with
// --vantage east, and the local worker of `probe --workers 1 --vantage west`. Every round probes every
// site from both places in the same slot, which is what site-unreachable's cross-vantage reading needs.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import { closeDb, openDb } from '../../src/store/db.js';
import { probes } from '../../src/store/schema.js';
import { cli, type CliResult } from '../helpers/cli.js';
import { emptyPgDatabase, PG_SERVER } from '../helpers/pg.js';

const BIN = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
const AT = new Date().toISOString();
const SITES = ['healthy-trs', 'down-refused', 'down-503'];

let fleet: Fleet;
let east: ChildProcess;
let probe: CliResult;
let rows: { siteId: string; vantage: string | null; startedAt: string; ok: boolean }[] = [];

/** A PostgreSQL database with the schema and the fleet's sites, ready for probes. */
async function preparedDatabase(f: Fleet): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'choucha-vantages-'));
  writeFileSync(join(dir, 'registry.csv'), f.registryCsv());
  const url = emptyPgDatabase().url;
  expect((await cli(['--db', url, 'init'])).code).toBe(0);
  expect((await cli(['--db', url, 'sites', 'import', join(dir, 'registry.csv')])).code).toBe(0);
  return url;
}

/** A worker of `vantage`, once it has joined: it says it takes probe rounds from its vantage. */
async function joinedWorker(url: string, vantage: string): Promise<ChildProcess> {
  const w = spawn(process.execPath, [BIN, '--db', url, '--allow-private', '--vantage', vantage, 'worker'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    w.stderr!.on('data', (b: Buffer) => {
      seen += b.toString('utf8');
      if (seen.includes(`takes probe rounds from vantage ${vantage}`)) resolve();
    });
    w.once('exit', (code) => reject(new Error(`the ${vantage} worker exited (${code}): ${seen}`)));
  });
  return w;
}

/** `probe` on the fleet's quarter at AT over `url`, with the options a test varies. */
function probeArgs(url: string, o: { vantage?: string; rounds: number; interval?: string; workers: number }): string[] {
  return [
    '--db',
    url,
    '--allow-private',
    ...(o.vantage ? ['--vantage', o.vantage] : []),
    'probe',
    '--quarter',
    '2026Q4',
    '--at',
    AT,
    '--rounds',
    String(o.rounds),
    ...(o.interval ? ['--interval', o.interval] : []),
    '--timeout',
    '5s',
    '--workers',
    String(o.workers),
  ];
}

/** A worker of `vantage` that had joined, killed with SIGKILL: its vantage stays subscribed, with no worker. */
async function killedWorker(url: string, vantage: string): Promise<void> {
  const w = await joinedWorker(url, vantage);
  w.kill('SIGKILL');
  await new Promise((resolve) => w.once('exit', resolve));
}

describe.skipIf(!PG_SERVER)('probe rounds from two vantages on workers', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    fleet = await startFleet({ at: AT, sites: SITES });
    const url = await preparedDatabase(fleet);
    east = await joinedWorker(url, 'east');
    probe = await cli(probeArgs(url, { vantage: 'west', rounds: 2, interval: '2s', workers: 1 }), { timeoutMs: 120_000 });
    const db = openDb(url);
    try {
      rows = db.select({ siteId: probes.siteId, vantage: probes.vantage, startedAt: probes.startedAt, ok: probes.ok }).from(probes).all();
    } finally {
      closeDb(db);
    }
  }, 180_000);

  afterAll(async () => {
    east?.kill('SIGTERM');
    await fleet?.close();
  });

  it('says which vantages take the rounds, and exits 0', () => {
    expect(probe.code, probe.stderr).toBe(0);
    expect(probe.stderr).toMatch(/rounds taken from 2 vantages: (east, west|west, east)/);
  });

  it('probed every site twice from each vantage', () => {
    const ids = new Set(rows.map((r) => r.siteId));
    expect(ids.size).toBe(SITES.length);
    for (const id of ids)
      for (const v of ['east', 'west'])
        expect(
          rows.filter((r) => r.siteId === id && r.vantage === v),
          `${id} ${v}`,
        ).toHaveLength(2);
  });

  it('took each round from both vantages in the same slot', () => {
    for (const id of new Set(rows.map((r) => r.siteId))) {
      const times = (v: string) =>
        rows
          .filter((r) => r.siteId === id && r.vantage === v)
          .map((r) => Date.parse(r.startedAt))
          .sort((a, b) => a - b);
      const [e, w] = [times('east'), times('west')];
      for (let i = 0; i < 2; i++) expect(Math.abs(e[i]! - w[i]!)).toBeLessThan(10_000);
      // A round is published once the last one is settled at every vantage.
      expect(Math.min(e[1]!, w[1]!)).toBeGreaterThan(Math.max(e[0]!, w[0]!));
    }
  });

  it('saw the same sites up and down from both places', () => {
    const okBy = (v: string) =>
      rows
        .filter((r) => r.vantage === v)
        .map((r) => `${r.siteId} ${r.ok}`)
        .sort();
    expect(okBy('east')).toEqual(okBy('west'));
    expect(rows.some((r) => r.ok)).toBe(true);
    expect(rows.some((r) => !r.ok)).toBe(true);
  });
});

// compose.yaml's `run` coordinates with --workers 0 from a container whose hostname no worker shares.
// It must join no vantage of its own: one with no worker held the first round forever.
describe.skipIf(!PG_SERVER)('a coordinator with --workers 0', { timeout: 60_000 }, () => {
  let far: ChildProcess;
  let fleet0: Fleet;
  let url: string;

  beforeAll(async () => {
    fleet0 = await startFleet({ at: AT, sites: ['healthy-trs'] });
    url = await preparedDatabase(fleet0);
  }, 60_000);

  afterAll(async () => {
    far?.kill('SIGTERM');
    await fleet0?.close();
  });

  it('with no worker anywhere, stops with a clear error instead of waiting', async () => {
    const r = await cli(probeArgs(url, { rounds: 1, workers: 0 }), { timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('No vantage takes probe rounds');
  });

  it('leaves the rounds to the workers of other vantages, and finishes', async () => {
    far = await joinedWorker(url, 'far');
    const r = await cli(probeArgs(url, { rounds: 1, workers: 0 }), { timeoutMs: 40_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/rounds taken from 1 vantage: far\b/);
  });
});

// A vantage whose workers are gone for good (a machine switched off, `probe --workers 1 --vantage west`
// run once) stays subscribed to the rounds. It must leave them, saying so, and not hold every later
// round on that database forever.
describe.skipIf(!PG_SERVER)('a vantage whose workers are gone', { timeout: 120_000 }, () => {
  let fleetG: Fleet;
  let url: string;
  let r: CliResult;
  let rowsG: { vantage: string | null }[] = [];

  beforeAll(async () => {
    fleetG = await startFleet({ at: AT, sites: ['healthy-trs'] });
    url = await preparedDatabase(fleetG);
    await killedWorker(url, 'gone');
    r = await cli(probeArgs(url, { vantage: 'here', rounds: 2, interval: '1s', workers: 1 }), { timeoutMs: 110_000 });
    const db = openDb(url);
    try {
      rowsG = db.select({ vantage: probes.vantage }).from(probes).all();
    } finally {
      closeDb(db);
    }
  }, 120_000);

  afterAll(async () => {
    await fleetG?.close();
  });

  it('takes it off the rounds, says so, and finishes every round', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('vantage gone leaves the rounds');
    expect(r.stderr).toContain('probe: round 2 of 1 sites taken from every vantage but gone');
  });

  it('probed every round from the vantage that has workers, and none from the gone one', () => {
    expect(rowsG.map((x) => x.vantage)).toEqual(['here', 'here']);
  });

  it('fails a round every vantage of which left during it, instead of passing it for taken', async () => {
    await killedWorker(url, 'solo');
    const r2 = await cli(probeArgs(url, { rounds: 1, workers: 0 }), { timeoutMs: 90_000 });
    expect(r2.code, r2.stderr).toBe(2);
    expect(r2.stderr).toContain('vantage solo leaves the rounds');
    expect(r2.stderr).toContain('No vantage took probe round 1: the workers of solo are gone');
  }, 100_000);

  it('is not waited on by a later command', async () => {
    const again = await cli(probeArgs(url, { rounds: 1, workers: 0 }), { timeoutMs: 20_000 });
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toContain('No vantage takes probe rounds');
  });
});

// The fixture fleet run on PostgreSQL by two worker processes, one of them killed (SIGKILL) while it
// holds a site's crawl, against the same fleet run on a SQLite file on one machine: the report must be
// the same, the dead worker's jobs taken by the other, and no page it had stored fetched again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fleet, startFleet } from '../../fixtures/server.js';
import type { Report } from '../../src/model/report.js';
import { closeDb, openDb } from '../../src/store/db.js';
import { checkSites, pages } from '../../src/store/schema.js';
import { cli } from '../helpers/cli.js';
import { emptyPgDatabase, PG_SERVER } from '../helpers/pg.js';

const BIN = fileURLToPath(new URL('../../bin/choucha.js', import.meta.url));
const AT = '2026-12-01T10:00:00+08:00';
// A delay between one host's requests makes each site's crawl last seconds, so the kill lands mid-crawl.
const runArgs = (registry: string, out: string) => [
  'run',
  '--links',
  'internal',
  '--registry',
  registry,
  '--quarter',
  '2026Q4',
  '--at',
  AT,
  '--out',
  out,
  '--rounds',
  '1',
  '--delay',
  '150ms',
  '--format',
  'json',
  '--no-screenshots',
];

interface Proc {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function start(args: string[], onLine: (l: string) => void = () => {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let rest = '';
  child.stderr!.on('data', (b: Buffer) => {
    const parts = (rest + b.toString('utf8')).split('\n');
    rest = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      onLine(l);
    }
  });
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

/** The report without what differs between any two runs: when it was written, and when each measurement was taken. */
function comparable(r: Report): unknown {
  const { generatedAt: _, ...rest } = r;
  return JSON.parse(JSON.stringify(rest), (key, value: unknown) => (key === 'checkedAt' ? undefined : value));
}

let fleet: Fleet;
let dir: string;
let sqliteCode: number;
let sqliteReport: Report;
let pgCode: number | null;
let pgReport: Report;
let url: string;
let killedHeld: string[] = [];
let unfinishedAtKill: string[] = [];
let storedBeforeKill: { site: string; path: string }[] = [];
let requestsAtKill = 0;
let requestsAtCrawlEnd = 0;
const workers: Proc[] = [];

describe.skipIf(!PG_SERVER)('choucha run on PostgreSQL with two workers, one killed mid-crawl', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    fleet = await startFleet({ at: AT });
    dir = mkdtempSync(join(tmpdir(), 'choucha-workers-'));
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, fleet.registryCsv());

    const one = await cli(['--db', join(dir, 'choucha.db'), '--allow-private', ...runArgs(registry, join(dir, 'sqlite'))], {
      timeoutMs: 540_000,
    });
    sqliteCode = one.code;
    sqliteReport = JSON.parse(readFileSync(join(dir, 'sqlite', 'report.json'), 'utf8')) as Report;

    url = emptyPgDatabase().url;
    expect((await cli(['--db', url, 'init'])).code).toBe(0);
    const siteOfOrigin = new Map(fleet.sites.map((s) => [new URL(s.url).origin, s.fixture.key]));

    // Worker A is killed 0.6 s into a batch of sites taken after one of its sites was crawled (so the
    // kill lands mid-crawl, with pages stored): what it holds then must go to worker B.
    const held = new Set<string>();
    let finished = 0;
    let killed = false;
    const workerArgs = ['--db', url, '--allow-private', 'worker', '--concurrency', '2'];
    const a = start(workerArgs, (l) => {
      const m = /crawl (.+?) (started|crawled|done-before)\b/.exec(l);
      if (!m || killed) return;
      const ids = m[1]!.split(' ');
      if (m[2] === 'started') for (const id of ids) held.add(id);
      else {
        for (const id of ids) held.delete(id);
        finished++;
      }
      if (m[2] === 'started' && finished > 0) {
        killed = true;
        setTimeout(kill, 600);
      }
    });
    const kill = () => {
      {
        a.child.kill('SIGKILL');
        requestsAtKill = fleet.requests.length;
        killedHeld = [...held];
        const db = openDb(url);
        try {
          // A site the dead worker had finished and committed just before the kill is found done by B.
          unfinishedAtKill = db
            .select({ site: checkSites.siteId, state: checkSites.crawlState })
            .from(checkSites)
            .where(inArray(checkSites.siteId, killedHeld))
            .all()
            .filter((r) => r.state === 'not-crawled')
            .map((r) => r.site);
          storedBeforeKill = db
            .select({ url: pages.url })
            .from(pages)
            .where(inArray(pages.siteId, killedHeld))
            .all()
            .map((p) => {
              const u = new URL(p.url);
              return { site: siteOfOrigin.get(u.origin) ?? '?', path: u.pathname + u.search };
            });
        } finally {
          closeDb(db);
        }
      }
    };
    workers.push(a, start(workerArgs));

    const coordinator = start(['--db', url, '--allow-private', ...runArgs(registry, join(dir, 'pg')), '--workers', '0'], (l) => {
      if (/^crawl: \d+ sites crawled by workers/.test(l)) requestsAtCrawlEnd = fleet.requests.length;
    });
    const timer = setTimeout(() => coordinator.child.kill('SIGKILL'), 540_000);
    pgCode = await coordinator.exited;
    clearTimeout(timer);
    pgReport = JSON.parse(readFileSync(join(dir, 'pg', 'report.json'), 'utf8')) as Report;
  }, 1_200_000);

  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await fleet?.close();
  });

  it('killed worker A while it held crawls, with pages of them stored', () => {
    expect(unfinishedAtKill.length).toBeGreaterThan(0);
    expect(workers[0]!.child.signalCode).toBe('SIGKILL');
    expect(storedBeforeKill.length).toBeGreaterThan(0);
  });

  it("gave the dead worker's crawls to worker B, which finished them", () => {
    const bLines = workers[1]!.lines.join('\n');
    for (const site of unfinishedAtKill) expect(bLines).toMatch(new RegExp(`crawl ${site} crawled`));
    const db = openDb(url);
    try {
      const states = db
        .select({ site: checkSites.siteId, state: checkSites.crawlState })
        .from(checkSites)
        .where(inArray(checkSites.siteId, killedHeld))
        .all();
      expect(states).toHaveLength(killedHeld.length);
      for (const s of states) expect(s.state).not.toBe('not-crawled');
    } finally {
      closeDb(db);
    }
  });

  it('fetched no page again that the dead worker had stored', () => {
    expect(requestsAtCrawlEnd).toBeGreaterThan(requestsAtKill);
    const stored = new Set(storedBeforeKill.map((p) => `${p.site} ${p.path}`));
    const again = fleet.requests
      .slice(requestsAtKill, requestsAtCrawlEnd)
      .filter((r) => r.method === 'GET' && stored.has(`${r.site} ${r.path}`));
    expect(again).toEqual([]);
  });

  it('wrote the same report as the SQLite run on one machine, with the same exit code', () => {
    expect(pgCode).toBe(sqliteCode);
    expect(comparable(pgReport)).toEqual(comparable(sqliteReport));
  });
});

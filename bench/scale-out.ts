// npm run bench:scale [-- --sites N --concurrency C --repeat R]: the crawl on PostgreSQL against the crawl on SQLite,
// over the same generated fleet on loopback (--render never, --delay 0ms: the machine's ceiling):
//   1. SQLite, one process (the embedded default);
//   2. PostgreSQL, one process (the store alone, no queue);
//   3. PostgreSQL, one worker taking the sites' jobs (`crawl --workers 0` + `choucha worker`);
//   4. PostgreSQL, two workers.
// Prints pages/s, CPU of choucha's processes and of the PostgreSQL server, the store's bytes per page,
// the cost of coordination (what the queue adds to the CPU of the same crawl), and a 15,000-site projection.
// --repeat R runs each of the four R times, in turn, and keeps each one's fastest run: on a shared
// machine one run's figures spread by ±8 points of the SQLite ratio.
// Needs a PostgreSQL server: CHOUCHA_BENCH_PG or CHOUCHA_TEST_PG (scripts/with-postgres.sh sets the latter).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { scaledFleet } from '../fixtures/scale.js';
import { startFleet } from '../fixtures/server.js';
import { closeDb, openDb } from '../src/store/db.js';
import { PgConnection } from '../src/store/pg-client.js';

const server = process.env.CHOUCHA_BENCH_PG ?? process.env.CHOUCHA_TEST_PG;
if (!server) {
  console.log('bench:scale skipped: no PostgreSQL (set CHOUCHA_BENCH_PG, or run it as `scripts/with-postgres.sh npm run bench:scale`)');
  process.exit(0);
}
const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '1' },
  },
});
const repeat = Math.max(1, Number(values.repeat));
const n = Number(values.sites);
const AT = '2026-12-01T10:00:00+08:00';
const bin = fileURLToPath(new URL('../bin/choucha.js', import.meta.url));
const fleet = await startFleet({ at: AT, fixtures: scaledFleet(n) });
const dir = mkdtempSync(join(tmpdir(), 'choucha-scale-'));
const registry = join(dir, 'registry.csv');
writeFileSync(registry, fleet.registryCsv());
const crawlArgs = ['crawl', '--quarter', '2026Q4', '--at', AT, '--concurrency', values.concurrency!, '--delay', '0ms', '--render', 'never'];

/** utime + stime of a process, in ms (clock ticks are 1/100 s). */
function cpuOf(pid: number): number {
  try {
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU of the PostgreSQL server, in ms: its live processes, and what the postmaster has reaped of the
 * ones that exited (a connection's backend ends with it, its CPU counted in the postmaster's cutime).
 */
function postgresCpu(): number {
  let ms = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
      const st = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      const parentIsPostgres = readFileSync(`/proc/${f[1]}/comm`, 'utf8').trim() === 'postgres';
      ms += (Number(f[11]) + Number(f[12]) + (parentIsPostgres ? 0 : Number(f[13]) + Number(f[14]))) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return ms;
}

interface Proc {
  done: Promise<number>;
  cpu(): number;
  kill(): void;
}

function run(args: string[]): Proc {
  const child = spawn(process.execPath, [bin, '--allow-private', '--quiet', ...args], { stdio: 'inherit' });
  let last = 0;
  const poll = setInterval(() => (last = Math.max(last, cpuOf(child.pid!))), 50);
  const done = new Promise<number>((r) =>
    child.on('close', (c) => {
      clearInterval(poll);
      r(c ?? 3);
    }),
  );
  return { done, cpu: () => last, kill: () => child.kill('SIGTERM') };
}

async function must(args: string[]): Promise<void> {
  const code = await run(args).done;
  if (code !== 0) throw new Error(`choucha ${args.join(' ')} exited ${code}`);
}

function newPgDatabase(): string {
  const name = `choucha_bench_${randomBytes(4).toString('hex')}`;
  const c = new PgConnection(server!);
  try {
    c.exec(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    c.close();
  }
  const u = new URL(server!);
  u.pathname = `/${name}`;
  return u.toString();
}

interface Measured {
  what: string;
  ms: number;
  pages: number;
  chouchaCpuMs: number;
  coordinatorCpuMs: number;
  postgresCpuMs: number;
  storeBytes: number;
}

function storedPages(db: string): { pages: number; bytes: number } {
  const d = openDb(db);
  try {
    const pages = d.get<{ n: number }>(sql`SELECT count(*) AS n FROM pages`).n;
    const bytes = db.startsWith('postgres')
      ? d.get<{ b: number }>(sql`SELECT pg_total_relation_size('pages') AS b`).b
      : statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    return { pages, bytes };
  } finally {
    closeDb(d);
  }
}

async function measure(what: string, db: string, workers: number | null): Promise<Measured> {
  if (db.startsWith('postgres')) await must(['--db', db, 'init']);
  await must(['--db', db, 'sites', 'import', registry]);
  const pg0 = postgresCpu();
  const t0 = performance.now();
  const ws = workers === null ? [] : Array.from({ length: workers }, () => run(['--db', db, 'worker']));
  const coordinator = run(['--db', db, ...crawlArgs, ...(workers === null ? [] : ['--workers', '0'])]);
  if ((await coordinator.done) !== 0) throw new Error(`${what}: the crawl failed`);
  const ms = performance.now() - t0;
  const workersCpu = ws.reduce((s, w) => s + w.cpu(), 0);
  for (const w of ws) w.kill();
  await Promise.all(ws.map((w) => w.done));
  const { pages, bytes } = storedPages(db);
  return {
    what,
    ms,
    pages,
    chouchaCpuMs: coordinator.cpu() + workersCpu,
    coordinatorCpuMs: coordinator.cpu(),
    postgresCpuMs: postgresCpu() - pg0,
    storeBytes: bytes,
  };
}

/**
 * The control for coordination: the fleet split in two, each half crawled by a process of its own into
 * a database of its own, both at once, with no queue. What two processes on this machine cost over one
 * (their starts, their contention for its cores and the server's) without anything coordinating them.
 */
async function measureHalves(what: string): Promise<Measured> {
  const [header, ...rows] = readFileSync(registry, 'utf8').trimEnd().split('\n');
  const halves = [0, 1].map((h) => {
    const file = join(dir, `half-${h}-${randomBytes(3).toString('hex')}.csv`);
    writeFileSync(file, `${[header, ...rows.filter((_, i) => i % 2 === h)].join('\n')}\n`);
    return { file, db: newPgDatabase() };
  });
  for (const h of halves) {
    await must(['--db', h.db, 'init']);
    await must(['--db', h.db, 'sites', 'import', h.file]);
  }
  const pg0 = postgresCpu();
  const t0 = performance.now();
  const procs = halves.map((h) => run(['--db', h.db, ...crawlArgs]));
  const codes = await Promise.all(procs.map((p) => p.done));
  if (codes.some((c) => c !== 0)) throw new Error(`${what}: a crawl failed`);
  const ms = performance.now() - t0;
  const stored = halves.map((h) => storedPages(h.db));
  const cpu = procs.reduce((s, p) => s + p.cpu(), 0);
  return {
    what,
    ms,
    pages: stored.reduce((s, x) => s + x.pages, 0),
    chouchaCpuMs: cpu,
    coordinatorCpuMs: 0,
    postgresCpuMs: postgresCpu() - pg0,
    storeBytes: stored.reduce((s, x) => s + x.bytes, 0),
  };
}

const setups: (() => Promise<Measured>)[] = [
  () => measure('SQLite, one process', join(mkdtempSync(join(dir, 'sqlite-')), 'bench.db'), null),
  () => measure('PostgreSQL, one process', newPgDatabase(), null),
  () => measure('PostgreSQL, 1 worker', newPgDatabase(), 1),
  () => measure('PostgreSQL, 2 workers', newPgDatabase(), 2),
  () => measureHalves('PostgreSQL, 2 processes, halves'),
];
// In turn, so that a slow spell of the machine falls on every setup alike; each keeps its fastest run.
const results: Measured[] = [];
for (let r = 0; r < repeat; r++)
  for (const [i, go] of setups.entries()) {
    const m = await go();
    if (!results[i] || m.ms < results[i]!.ms) results[i] = m;
  }
await fleet.close();

/** CPU of a worker that starts and waits 3 s with no job: what each worker process adds, whatever the crawl. */
async function idleWorkerCpu(): Promise<number> {
  const db = newPgDatabase();
  await must(['--db', db, 'init']);
  const w = run(['--db', db, 'worker']);
  await new Promise((r) => setTimeout(r, 3_000));
  const cpu = w.cpu();
  w.kill();
  await w.done;
  return cpu;
}
const idleMs = await idleWorkerCpu();

const row = (k: string, v: string) => console.log(`${k.padEnd(30)} ${v}`);
const pps = (m: Measured) => m.pages / (m.ms / 1000);
const [sqlite, pgOne, pgW1, pgW2, halves] = results as [Measured, Measured, Measured, Measured, Measured];
row(
  'sites × pages',
  `${n} × ${(sqlite.pages / n).toFixed(1)} = ${sqlite.pages} pages (--render never, --delay 0ms, loopback${repeat > 1 ? `; fastest of ${repeat} runs each` : ''})`,
);
for (const m of results)
  row(
    m.what,
    `${(m.ms / 1000).toFixed(1)} s, ${pps(m).toFixed(0)} pages/s; CPU choucha ${(m.chouchaCpuMs / m.pages).toFixed(2)} ms/page, ` +
      `PostgreSQL ${(m.postgresCpuMs / m.pages).toFixed(2)} ms/page; store ${(m.storeBytes / m.pages / 1024).toFixed(1)} KB/page`,
  );
row('1 worker / SQLite', `${((pps(pgW1) / pps(sqlite)) * 100).toFixed(0)}% of the pages/s (target ≥ 80%)`);
const total = (m: Measured) => m.chouchaCpuMs + m.postgresCpuMs;
row(
  'coordination, 2 workers',
  `${(((total(pgW2) - total(pgOne)) / total(pgW2)) * 100).toFixed(1)}% of their CPU (the same crawl's CPU on PostgreSQL in one process, ` +
    'against two workers, the coordinator and the server; target < 10%)',
);
row(
  'coordination, net of two',
  `${(((total(pgW2) - total(halves)) / total(pgW2)) * 100).toFixed(1)}% of their CPU (two workers against two processes crawling ` +
    `half the fleet each at once, with no queue: ${(((total(halves) - total(pgOne)) / total(halves)) * 100).toFixed(1)}% more than one process ` +
    'is what two processes cost on this machine, queue or not)',
);
row(
  '  of which',
  `coordinator ${(pgW2.coordinatorCpuMs / 1000).toFixed(1)} s; each worker's start and 3 s idle ${(idleMs / 1000).toFixed(2)} s; ` +
    `PostgreSQL ${((pgW2.postgresCpuMs - pgOne.postgresCpuMs) / 1000).toFixed(1)} s more than for one process`,
);
// 15,000 sites: on loopback the CPU is the bound; on the Internet each host's politeness is (--per-host 2,
// --delay 200ms: at most 5 pages/s a site), so a worker's sites in hand (32 by default) set its pace.
// At the fleet's pages per site, and at 200 (a county portal's columns, lists and articles as crawled).
const cpuPerPage = total(pgW2) / pgW2.pages;
const HELD = 32;
for (const perSite of [sqlite.pages / n, 200])
  for (const workers of [1, 2, 4, 8, 16]) {
    const cpuHours = (15_000 * perSite * cpuPerPage) / 3_600_000 / workers;
    const politeHours = (15_000 * (perSite / 5)) / 3_600 / (workers * HELD);
    row(
      `15,000 × ${perSite.toFixed(0)} pages, ${workers} worker${workers > 1 ? 's' : ''}`,
      `${Math.max(cpuHours, politeHours).toFixed(1)} h (CPU ${cpuHours.toFixed(1)} h a core; politeness ${politeHours.toFixed(1)} h at ${HELD} sites a worker, 5 pages/s a site)`,
    );
  }

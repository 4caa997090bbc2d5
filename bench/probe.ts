// npm run bench:probe [-- --sites N --concurrency C]: one round of `choucha probe --once` over N
// generated fixture sites on loopback, each its own host (so the per-host limit never binds and the
// global one does). Prints the round's wall time, probes per second, and how the probes went.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { scaledFleet } from '../fixtures/scale.js';
import { startFleet } from '../fixtures/server.js';

const { values } = parseArgs({ options: { sites: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '64' } } });
const n = Number(values.sites);
const AT = new Date().toISOString();

const fleet = await startFleet({ at: AT, fixtures: scaledFleet(n) });
const dir = mkdtempSync(join(tmpdir(), 'choucha-bench-probe-'));
const db = join(dir, 'bench.db');
writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
const bin = fileURLToPath(new URL('../bin/choucha.js', import.meta.url));

function choucha(args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--db', db, '--allow-private', '--quiet', ...args], { stdio: 'inherit' });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`choucha ${args[0]} exited ${code}`)))),
  );
}

try {
  await choucha(['sites', 'import', join(dir, 'registry.csv')]);
  const q = ['--quarter', '2026Q4', '--at', AT];
  // The first round also opens the database and creates the check: time a second one as well.
  const first = await choucha(['probe', ...q, '--once', '--concurrency', values.concurrency!]);
  const second = await choucha(['probe', ...q, '--once', '--concurrency', values.concurrency!]);
  const sqlite = new Database(db, { readonly: true });
  const stats = sqlite
    .prepare(`SELECT count(*) n, sum(ok) ok, avg(ms) avgMs, max(ms) maxMs, avg(first_byte_ms) avgFirstByteMs FROM probes`)
    .get();
  sqlite.close();
  console.log(
    JSON.stringify(
      {
        sites: fleet.sites.length,
        concurrency: Number(values.concurrency),
        roundMs: [Math.round(first), Math.round(second)],
        probesPerSecond: Math.round((fleet.sites.length / second) * 1000),
        stats,
      },
      null,
      2,
    ),
  );
} finally {
  await fleet.close();
}

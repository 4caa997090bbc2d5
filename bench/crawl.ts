// npm run bench [-- --sites N --concurrency C]: choucha's crawl of a generated fleet on loopback, and a raw
// fetcher over exactly the same URLs at the same concurrency (the ceiling of this machine).
// Prints pages/s, the ratio, peak RSS of the crawl process, and database bytes per site.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import PQueue from 'p-queue';
import { scaledFleet } from '../fixtures/scale.js';
import { startFleet } from '../fixtures/server.js';

const { values } = parseArgs({ options: { sites: { type: 'string', default: '100' }, concurrency: { type: 'string', default: '8' }, render: { type: 'string', default: 'auto' } } });
const n = Number(values.sites);
const concurrency = Number(values.concurrency);
const AT = '2026-12-01T10:00:00+08:00';

const fleet = await startFleet({ at: AT, fixtures: scaledFleet(n) });
const dir = mkdtempSync(join(tmpdir(), 'choucha-bench-'));
const db = join(dir, 'bench.db');
writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
const bin = fileURLToPath(new URL('../bin/choucha.js', import.meta.url));

async function choucha(args: string[]): Promise<{ ms: number; peakRssKb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), bin, '--db', db, '--allow-private', '--quiet', ...args], { stdio: 'inherit' });
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch {
      // the process has just exited
    }
  }, 50);
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 3)));
  clearInterval(poll);
  if (code !== 0) throw new Error(`choucha ${args[0]} exited ${code}`);
  return { ms: performance.now() - t0, peakRssKb: peak };
}

await choucha(['sites', 'import', join(dir, 'registry.csv')]);
const crawl = await choucha(['crawl', '--quarter', '2026Q4', '--at', AT, '--concurrency', String(concurrency), '--delay', '0ms', '--render', String(values.render)]);
const sqlite = new Database(db, { readonly: true });
const urls = sqlite.prepare('SELECT url FROM pages WHERE rendered = 0').all().map((r) => (r as { url: string }).url);
sqlite.close();
const before = fleet.requests.length;

// The raw fetcher: same URLs, same concurrency, bodies read and dropped.
const t0 = performance.now();
const queue = new PQueue({ concurrency });
await Promise.all(urls.map((u) => queue.add(async () => void (await (await fetch(u)).arrayBuffer()))));
const rawMs = performance.now() - t0;
if (fleet.requests.length - before !== urls.length) throw new Error('raw fetcher did not fetch every URL once');
await fleet.close();

const dbBytes = statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
const crawlPps = urls.length / (crawl.ms / 1000);
const rawPps = urls.length / (rawMs / 1000);
const row = (k: string, v: string) => console.log(`${k.padEnd(28)} ${v}`);
row('sites × pages', `${n} × ${(urls.length / n).toFixed(1)} = ${urls.length} pages`);
row('choucha crawl', `${(crawl.ms / 1000).toFixed(1)} s, ${crawlPps.toFixed(1)} pages/s (process start included)`);
row('raw fetch, same URLs', `${(rawMs / 1000).toFixed(1)} s, ${rawPps.toFixed(1)} pages/s`);
row('choucha / raw', `${((crawlPps / rawPps) * 100).toFixed(0)}%`);
row('peak RSS of the crawl', `${(crawl.peakRssKb / 1024).toFixed(0)} MB`);
row('database per site', `${(dbBytes / n / 1024).toFixed(0)} KB`);

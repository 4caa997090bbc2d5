// npm run bench [-- --sites N --concurrency C --render auto|always|never --crawl-only]: choucha's crawl of a generated fleet on
// loopback, and a raw fetcher over exactly the same URLs at the same concurrency (the ceiling of this machine).
// Prints pages/s, the ratio, CPU time and peak RSS of the crawl process, and database bytes per site. That crawl
// fetches only, as the raw fetcher does (--render never). Then, unless --render never, the crawl as a user runs
// it (--render auto by default) into a database of its own: pages the plain fetch cannot read are rendered in
// Chromium, and its time, what was rendered, and the memory of Chromium's processes are printed apart
// (--crawl-only stops there).
// Then choucha's link check (`choucha links`) and linkinator over the same distinct link targets, each
// in a child process of its own, with links/s, the ratio and whether both call the same targets broken.
// Last, judging (`choucha check`) on that database: its time and peak RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import PQueue from 'p-queue';
import { scaledFleet } from '../fixtures/scale.js';
import { startFleet } from '../fixtures/server.js';
import { CRAWL_DEFAULTS } from '../src/gather/crawl/crawler.js';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    render: { type: 'string', default: 'auto' },
    'crawl-only': { type: 'boolean', default: false },
  },
});
const n = Number(values.sites);
const concurrency = Number(values.concurrency);
const AT = '2026-12-01T10:00:00+08:00';

const fleet = await startFleet({ at: AT, fixtures: scaledFleet(n) });
const dir = mkdtempSync(join(tmpdir(), 'choucha-bench-'));
const db = join(dir, 'bench.db');
writeFileSync(join(dir, 'registry.csv'), fleet.registryCsv());
const bin = fileURLToPath(new URL('../bin/choucha.js', import.meta.url));

const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

interface Timed {
  ms: number;
  peakRssKb: number;
  /** The peak of the proportional set size (shared pages split between their sharers) summed over the
   * process and every process it started (Chromium's): RSS summed would count shared pages many times. */
  peakTreePssKb: number;
  cpuMs: number;
  threadsMs: [string, number][];
}

function choucha(args: string[], database = db): Promise<Timed> {
  return timed(`choucha ${args[0]}`, [bin, '--db', database, '--allow-private', '--quiet', ...args]);
}

/** PSS of `pid` and its descendants, in KB. */
function treePssKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const st = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      kb += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb;
}

/** Runs node with `args` as a child process: wall time from spawn to exit, its peak RSS, and its CPU time (last seen). */
async function timed(what: string, args: string[]): Promise<Timed> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...args], { stdio: 'inherit' });
  let peak = 0;
  let peakTree = 0;
  let polls = 0;
  let cpuTicks = 0;
  const threadMs = new Map<string, number>();
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]));
      if (polls++ % 4 === 0) peakTree = Math.max(peakTree, treePssKb(child.pid!));
      // utime and stime, fields 14 and 15 of /proc/pid/stat, counted after the command's closing parenthesis.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks = Math.max(cpuTicks, Number(f[11]) + Number(f[12]));
      for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
        const ts = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
        const tf = ts.slice(ts.lastIndexOf(')') + 2).split(' ');
        // Threads are all called "node": name the main one, number the rest.
        threadMs.set(tid === String(child.pid) ? 'main' : `thread ${tid}`, (Number(tf[11]) + Number(tf[12])) * 10);
      }
    } catch {
      // the process has just exited
    }
  }, 50);
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 3)));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${what} exited ${code}`);
  // Clock ticks are 1/100 s on Linux.
  return {
    ms: performance.now() - t0,
    peakRssKb: peak,
    peakTreePssKb: peakTree,
    cpuMs: cpuTicks * 10,
    threadsMs: [...threadMs].sort((a, b) => b[1] - a[1]),
  };
}

await choucha(['sites', 'import', join(dir, 'registry.csv')]);
const serverCpu0 = process.cpuUsage();
const crawlArgs = (render: string) => [
  'crawl',
  '--quarter',
  '2026Q4',
  '--at',
  AT,
  '--concurrency',
  String(concurrency),
  '--delay',
  '0ms',
  '--render',
  render,
];
// Fetching only, as the raw fetcher does: rendering is measured apart below.
const CRAWL_ARGS = crawlArgs('never');
const crawl = await choucha(CRAWL_ARGS);
// This process serves the fleet: its CPU during the crawl is what the servers took of the same cores.
const serverCpu = process.cpuUsage(serverCpu0);
const sqlite = new Database(db, { readonly: true });
const urls = sqlite
  .prepare('SELECT url FROM pages')
  .all()
  .map((r) => (r as { url: string }).url);
sqlite.close();
const before = fleet.requests.length;

// The raw fetcher: same URLs, same concurrency, bodies read and dropped.
const t0 = performance.now();
const queue = new PQueue({ concurrency });
await Promise.all(urls.map((u) => queue.add(async () => void (await (await fetch(u)).arrayBuffer()))));
const rawMs = performance.now() - t0;
if (fleet.requests.length - before !== urls.length) throw new Error('raw fetcher did not fetch every URL once');

// The same crawl again finds every site finished: its time is the process's fixed cost (start, loading,
// migrations, reading the check), which the in-process raw fetcher does not pay.
const idleMark = fleet.requests.length;
const crawlIdle = await choucha(CRAWL_ARGS);
if (fleet.requests.length !== idleMark) throw new Error('the repeated crawl fetched pages: the first one did not finish every site');

const dbBytes = statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
const crawlPps = urls.length / (crawl.ms / 1000);
const rawPps = urls.length / (rawMs / 1000);
const row = (k: string, v: string) => console.log(`${k.padEnd(28)} ${v}`);
row('sites × pages', `${n} × ${(urls.length / n).toFixed(1)} = ${urls.length} pages`);
row('choucha crawl', `${(crawl.ms / 1000).toFixed(1)} s, ${crawlPps.toFixed(1)} pages/s (process start included)`);
row('  of which fixed cost', `${(crawlIdle.ms / 1000).toFixed(2)} s (the same command with every site finished)`);
row('  CPU of the crawl', `${(crawl.cpuMs / 1000).toFixed(1)} s on all threads, ${(crawl.cpuMs / urls.length).toFixed(2)} ms per page`);
row(
  '  CPU of the fixture servers',
  `${((serverCpu.user + serverCpu.system) / 1000 / urls.length).toFixed(2)} ms per page (this process, during the crawl)`,
);
row(
  '  busiest threads, ms/page',
  crawl.threadsMs
    .slice(0, Number(process.env.BENCH_THREADS ?? 5))
    .map(([name, ms]) => `${name} ${(ms / urls.length).toFixed(2)}`)
    .join(', '),
);
row('raw fetch, same URLs', `${(rawMs / 1000).toFixed(1)} s, ${rawPps.toFixed(1)} pages/s`);
row(
  'choucha / raw',
  `${((crawlPps / rawPps) * 100).toFixed(0)}% (whole process); ${((urls.length / ((crawl.ms - crawlIdle.ms) / 1000) / rawPps) * 100).toFixed(0)}% without process start and set-up`,
);
row('peak RSS of the crawl', `${(crawl.peakRssKb / 1024).toFixed(0)} MB`);
row('database per site', `${(dbBytes / n / 1024).toFixed(0)} KB`);

// The crawl as a user runs it: with --render auto, pages whose lists only a script builds are fetched again
// through Chromium. A database of its own, so that nothing the first crawl stored is read back.
if (values.render !== 'never') {
  const renderDb = join(dir, 'render.db');
  await choucha(['sites', 'import', join(dir, 'registry.csv')], renderDb);
  const withRender = await choucha(crawlArgs(String(values.render)), renderDb);
  const r = new Database(renderDb, { readonly: true });
  const counts = r
    .prepare(
      'SELECT count(*) AS pages, sum(rendered) AS rendered, count(DISTINCT CASE WHEN rendered = 1 THEN site_id END) AS sites FROM pages',
    )
    .get() as { pages: number; rendered: number; sites: number };
  // From the first rendered page stored to the last: the renders' own pace, without Chromium's start.
  const span = r.prepare('SELECT min(fetched_at) AS first, max(fetched_at) AS last FROM pages WHERE rendered = 1').get() as {
    first: string | null;
    last: string | null;
  };
  const spanMs = span.first && span.last ? Date.parse(span.last) - Date.parse(span.first) : 0;
  r.close();
  console.log('');
  row(
    `crawl, --render ${values.render}`,
    `${(withRender.ms / 1000).toFixed(1)} s for ${counts.pages} pages, ${(counts.pages / (withRender.ms / 1000)).toFixed(1)} pages/s (process start included)`,
  );
  row(
    '  rendered in Chromium',
    `${counts.rendered} pages of ${counts.sites} sites; ${((withRender.ms - crawl.ms) / 1000).toFixed(1)} s more than fetching only (Chromium's start and the pages only rendered lists lead to included)`,
  );
  row(
    '  pace of rendering',
    `${(spanMs / 1000).toFixed(1)} s from the first rendered page to the last, ${(spanMs / Math.max(counts.rendered - 1, 1)).toFixed(0)} ms per page (${CRAWL_DEFAULTS.renderConcurrency} at a time)`,
  );
  row('  CPU of the crawl', `${(withRender.cpuMs / 1000).toFixed(1)} s in choucha's process (Chromium's processes not counted)`);
  row(
    '  peak memory',
    `RSS ${(withRender.peakRssKb / 1024).toFixed(0)} MB choucha; PSS ${(withRender.peakTreePssKb / 1024).toFixed(0)} MB choucha and Chromium's processes together`,
  );
}
if (values['crawl-only']) {
  await fleet.close();
  process.exit(0);
}

// The link check, on the same fleet: every distinct target the crawl stored, checked once.
// --links internal: only targets on the fleet's own hosts (fixtures also link to *.example hosts, which
// must not be fetched; linkinator skips the same). --link-retry 0s: suspects (5xx, timeouts) are tried
// a second time at once rather than after 30 s of idling.
const LINK_ARGS = ['links', '--quarter', '2026Q4', '--links', 'internal', '--link-retry', '0s'];
const LINK_CONCURRENCY = 16; // what `choucha links` uses (src/cli/stages.ts doLinks: 16 in flight, 2 per host)
// The fleet's pages link to no dead target: plant one per site (a 404 on the site's own host) among the
// crawl's links, so that both checkers have broken links to find and agree on.
const PLANTED = 'bench-dead-link.html';
{
  const w = new Database(db);
  const checkId = (w.prepare('SELECT id FROM checks').get() as { id: number }).id;
  const sites = w.prepare('SELECT id, url FROM sites').all() as { id: string; url: string }[];
  // Appended to the links of each site's homepage (stored under the address it was asked for).
  const add = w.prepare(
    "UPDATE page_links SET links = json_insert(links, '$[#]', json_array(?, 'a', '失效链接')) WHERE check_id = ? AND site_id = ? AND page_url = ?",
  );
  w.transaction(() =>
    sites.forEach((s) => {
      if (add.run(new URL(PLANTED, s.url).href, checkId, s.id, s.url).changes !== 1) throw new Error(`no stored links for ${s.url}`);
    }),
  )();
  w.close();
}
let mark = fleet.requests.length;
const links = await choucha(LINK_ARGS);
const chouchaRequests = fleet.requests.slice(mark);
// The same command again finds nothing left to check: its time is the process's fixed cost.
const linksIdle = await choucha(LINK_ARGS);
const sq = new Database(db, { readonly: true });
const linkRows = sq.prepare('SELECT target, status FROM link_checks').all() as { target: string; status: string }[];
sq.close();
const byStatus = new Map<string, number>();
for (const r of linkRows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
const targets = linkRows.filter((r) => r.status !== 'excluded').map((r) => r.target);
const chouchaBroken = new Set(linkRows.filter((r) => r.status === 'broken' || r.status === 'suspect').map((r) => r.target));

// linkinator over exactly those targets: list pages of LINK_CONCURRENCY links, recurse off, so it checks
// each once as it checks any page's links, with as many in flight as choucha (see linkinator-check.ts).
// A child process, like choucha's: the fixture servers keep this process's event loop to themselves, and
// both sides pay a process start.
const job = join(dir, 'linkinator-job.json');
const out = join(dir, 'linkinator-result.json');
const hosts = fleet.sites.map((s) => new URL(s.url).host);
writeFileSync(job, JSON.stringify({ targets, hosts, concurrency: LINK_CONCURRENCY, timeoutMs: 15_000 }));
mark = fleet.requests.length;
const lk = await timed('linkinator', ['--import', 'tsx', fileURLToPath(new URL('./linkinator-check.ts', import.meta.url)), job, out]);
const linkinatorRequests = fleet.requests.slice(mark);
const lkResult = JSON.parse(readFileSync(out, 'utf8')) as {
  ms: number;
  checks: number;
  links: { url: string; state: string; status: number | null }[];
};
const lkChecked = new Set(lkResult.links.filter((l) => l.state !== 'SKIPPED').map((l) => l.url));
const lkBroken = new Set(lkResult.links.filter((l) => l.state === 'BROKEN').map((l) => l.url));

// A bare HEAD of each target from this process, at the same concurrency. Node's fetch closes the
// connection after every HEAD (as linkinator's does); choucha keeps it (src/gather/http/link-request.ts).
const t1 = performance.now();
const headQueue = new PQueue({ concurrency: LINK_CONCURRENCY });
await Promise.all(targets.map((u) => headQueue.add(async () => void (await fetch(u, { method: 'HEAD' })).body?.cancel())));
const rawHeadMs = performance.now() - t1;
await fleet.close();

const methods = (rs: { method: string }[]) => {
  const m = new Map<string, number>();
  for (const r of rs) m.set(r.method, (m.get(r.method) ?? 0) + 1);
  return [...m].map(([k, v]) => `${v} ${k}`).join(' + ');
};
const lps = (ms: number) => targets.length / (ms / 1000);
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));
console.log('');
row(
  'link targets',
  `${linkRows.length} distinct, ${targets.length} checked (${[...byStatus].map(([k, v]) => `${v} ${k}`).join(', ')}); external ones excluded by --links internal and skipped by linkinator`,
);
row(
  'choucha links',
  `${targets.length} targets, ${(links.ms / 1000).toFixed(2)} s, ${lps(links.ms).toFixed(0)} links/s (process start included; ${methods(chouchaRequests)}; 16 in flight, 2 per host)`,
);
row('  of which fixed cost', `${(linksIdle.ms / 1000).toFixed(2)} s (the same command with nothing left to check)`);
row(
  'linkinator same targets',
  `${targets.length} targets, ${(lk.ms / 1000).toFixed(2)} s, ${lps(lk.ms).toFixed(0)} links/s (process start included; ${methods(linkinatorRequests)}; at most 16 in flight, no per-host limit; ${lkResult.checks} check() of ${LINK_CONCURRENCY} targets, one at a time)`,
);
row('  of which check()', `${(lkResult.ms / 1000).toFixed(2)} s, ${lps(lkResult.ms).toFixed(0)} links/s`);
row(
  'raw HEAD, same targets',
  `${(rawHeadMs / 1000).toFixed(2)} s, ${lps(rawHeadMs).toFixed(0)} links/s (Node's fetch in this process, 16 in flight, a new connection per HEAD)`,
);
row(
  'choucha / linkinator',
  `${(lps(links.ms) / lps(lk.ms)).toFixed(2)}× links/s, whole processes; ${(lps(links.ms - linksIdle.ms) / lps(lkResult.ms)).toFixed(2)}× without process start and set-up`,
);
row('choucha links / raw HEAD', `${((lps(links.ms - linksIdle.ms) / lps(rawHeadMs)) * 100).toFixed(0)}% (without process start)`);
row('peak RSS', `choucha links ${(links.peakRssKb / 1024).toFixed(0)} MB, linkinator ${(lk.peakRssKb / 1024).toFixed(0)} MB`);
const notByLk = minus(new Set(targets), lkChecked);
row(
  'same targets checked',
  notByLk.length === 0 && lkChecked.size === targets.length
    ? 'yes'
    : `no: ${notByLk.length} not checked by linkinator, ${lkChecked.size} checked by it`,
);
const onlyChoucha = minus(chouchaBroken, lkBroken);
const onlyLk = minus(lkBroken, chouchaBroken);
row(
  'planted dead links',
  `${[...chouchaBroken].filter((u) => u.endsWith(PLANTED)).length} of ${n} broken to choucha, ${[...lkBroken].filter((u) => u.endsWith(PLANTED)).length} to linkinator`,
);
row(
  'broken, both agree',
  `${onlyChoucha.length + onlyLk.length === 0 ? 'yes' : 'no'}: choucha ${chouchaBroken.size}, linkinator ${lkBroken.size}, ${chouchaBroken.size - onlyChoucha.length} in common`,
);
for (const u of onlyChoucha.slice(0, 10)) row('  broken to choucha only', u);
for (const u of onlyLk.slice(0, 10)) row('  broken to linkinator only', u);

// Judging, on the same database once its links are checked: no network, one site at a time.
const judged = await choucha(['check', '--quarter', '2026Q4', '--at', AT]);
const vq = new Database(db, { readonly: true });
const verdicts = (vq.prepare('SELECT count(*) AS n FROM verdicts').get() as { n: number }).n;
vq.close();
console.log('');
row(
  'choucha check',
  `${verdicts} sites judged, ${(judged.ms / 1000).toFixed(1)} s, ${(judged.ms / verdicts).toFixed(1)} ms per site (process start included)`,
);
row('  peak RSS', `${(judged.peakRssKb / 1024).toFixed(0)} MB (the word dictionary is read once, at the first text check)`);

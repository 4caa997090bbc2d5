// npm run bench:hostile [-- --cases drip,gzip-bomb] [--max-body-mb 10] [--site-budget 10m]
// Runs each hostile site of fixtures/hostile.ts through `choucha crawl` in its own child process and
// database, with the crawl's default bounds (15 s timeout, 10 MB body cap, 10 min per site), and
// prints what choucha did with it: wall time (process start included), peak RSS from /proc, the
// site's crawl state and reason, pages stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { HOSTILE_KEYS, startHostile } from '../fixtures/hostile.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    'max-body-mb': { type: 'string', default: '10' },
    'site-budget': { type: 'string', default: '10m' },
  },
});
const keys = values.cases ? values.cases.split(',') : HOSTILE_KEYS;
const AT = '2026-12-01T10:00:00+08:00';
const bin = fileURLToPath(new URL('../bin/choucha.js', import.meta.url));

async function choucha(db: string, args: string[]): Promise<{ ms: number; peakRssKb: number; code: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--db', db, '--allow-private', '--quiet', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
  return { ms: performance.now() - t0, peakRssKb: peak, code };
}

const hostile = await startHostile(keys);
const rows: string[][] = [];
try {
  for (const c of hostile.cases) {
    const dir = mkdtempSync(join(tmpdir(), `choucha-hostile-${c.key}-`));
    const db = join(dir, 'hostile.db');
    writeFileSync(
      join(dir, 'registry.csv'),
      `网站标识码,网站名称,首页网址,主办单位,网站层级,行政区划代码\n4301009999,${c.key},${c.url},测试,县级门户,430100\n`,
    );
    const imported = await choucha(db, ['sites', 'import', join(dir, 'registry.csv')]);
    if (imported.code !== 0) throw new Error(`import of ${c.key} exited ${imported.code}`);
    const run = await choucha(db, [
      'crawl',
      '--quarter',
      '2026Q4',
      '--at',
      AT,
      '--delay',
      '0ms',
      '--render',
      'never',
      '--max-body-mb',
      values['max-body-mb']!,
      '--site-budget',
      values['site-budget']!,
    ]);
    const sqlite = new Database(db, { readonly: true });
    const site = sqlite.prepare('SELECT crawl_state AS state, crawl_reason AS reason, pages_fetched AS pages FROM check_sites').get() as {
      state: string;
      reason: string | null;
      pages: number;
    };
    sqlite.close();
    rows.push([
      c.key,
      `${(run.ms / 1000).toFixed(1)} s`,
      `${Math.round(run.peakRssKb / 1024)} MB`,
      `${run.code}`,
      site.state,
      `${site.pages}`,
      `${c.requests}`,
      (site.reason ?? '—').slice(0, 160),
    ]);
    process.stderr.write(`${c.key} done\n`);
  }
} finally {
  await hostile.close();
}

const head = ['case', 'time', 'peak RSS', 'exit', 'state', 'pages', 'requests', 'reason'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`);

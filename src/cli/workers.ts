// `--workers N` on a PostgreSQL store: the stage's work goes to the queue, N local workers are started
// (0: workers elsewhere take it), and the command waits until every job of the check is settled.
import { spawn, type ChildProcess } from 'node:child_process';
import { InputError } from '../errors.js';
import type { Check } from '../store/checks.js';
import { type Db, isPostgresUrl } from '../store/db.js';
import { CRAWL_QUEUE, openQueue } from '../gather/work/queue.js';
import { enqueueCrawls, sitesToCrawl } from '../gather/work/crawl-jobs.js';
import { projectPath } from '../paths.js';
import { type GlobalOptions, parseCount, say } from './common.js';
import { Progress } from './progress.js';
import type { CrawlFlags } from './stages.js';

/** `--workers` as given: null when absent (the stage runs in this process, as on one machine). */
export function workerCount(g: GlobalOptions, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = parseCount(value, '--workers', 0);
  if (!isPostgresUrl(g.db))
    throw new InputError(
      '--workers needs a PostgreSQL store',
      'Workers share the work through the database; a SQLite file is one machine’s.',
      'Pass --db postgres://user:pass@host:port/db (or set CHOUCHA_DB), or drop --workers.',
    );
  return n;
}

const PENDING = new Set(['created', 'retry', 'active']);
const POLL_MS = 1000;

export async function crawlOnWorkers(db: Db, check: Check, g: GlobalOptions, f: CrawlFlags, workers: number): Promise<void> {
  const queue = await openQueue(g.db, (e) => say(g, `queue: ${e.message}`));
  const children: ChildProcess[] = [];
  try {
    const sites = sitesToCrawl(db, check);
    const added = await enqueueCrawls(queue.boss, check, sites, f);
    say(g, `crawl: ${sites.length} sites for the workers (${added} new jobs, ${sites.length - added} already queued)`);
    for (let i = 0; i < workers; i++) children.push(startWorker(g, i + 1));
    const bar = new Progress(g, 'crawl', sites.length, 'sites');
    let settled = 0;
    for (;;) {
      const jobs = await queue.boss.findJobs<{ siteId: string }>(CRAWL_QUEUE, { data: { checkId: check.id }, limit: 100_000 });
      const pending = jobs.filter((j) => PENDING.has(j.state));
      const running = pending.filter((j) => j.state === 'active').map((j) => j.data.siteId);
      const nowSettled = sites.length - new Set(pending.map((j) => j.data.siteId)).size;
      for (; settled < nowSettled; settled++) bar.tick(running.length > 0 ? `running: ${running.slice(0, 6).join(', ')}` : '');
      if (pending.length === 0) break;
      if (workers > 0 && children.every((c) => c.exitCode !== null))
        throw new Error('every local worker has exited with jobs left; see their output above');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const failed = sitesToCrawl(db, check).length;
    bar.finish(`crawl: ${sites.length} sites crawled by workers${failed > 0 ? `; ${failed} still owe a crawl (failed)` : ''}`, {
      crawled: sites.length,
      failed,
    });
  } finally {
    await Promise.all(children.map(stopWorker));
    await queue.stop();
  }
}

function startWorker(g: GlobalOptions, n: number): ChildProcess {
  const args = [projectPath('bin/choucha.js'), '--db', g.db, 'worker'];
  if (g.allowPrivate) args.splice(1, 0, '--allow-private');
  if (g.vantage) args.splice(1, 0, '--vantage', g.vantage);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
  // What every local worker is doing, on this command's stderr, one prefixed line each.
  let rest = '';
  child.stderr!.on('data', (b: Buffer) => {
    const lines = (rest + b.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const l of lines) if (l.trim()) say(g, `[worker ${n}] ${l}`);
  });
  return child;
}

function stopWorker(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
  });
}

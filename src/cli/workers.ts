// `--workers N` on a PostgreSQL store: the stage's work goes to the queue, N local workers are started
// (0: workers elsewhere take it), and the command waits until every job of the check is settled.
import { spawn, type ChildProcess } from 'node:child_process';
import type { PgBoss } from 'pg-boss';
import { InputError } from '../errors.js';
import type { Check } from '../store/checks.js';
import { type Db, isPostgresUrl } from '../store/db.js';
import { CRAWL_QUEUE, LINK_QUEUE, openQueue } from '../gather/work/queue.js';
import { enqueueCrawls, sitesToCrawl } from '../gather/work/crawl-jobs.js';
import { enqueueLinks } from '../gather/work/link-jobs.js';
import { projectPath } from '../paths.js';
import { type GlobalOptions, parseCount, say } from './common.js';
import type { CrawlFlags, LinkFlags } from './stages.js';

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

export async function crawlOnWorkers(db: Db, check: Check, g: GlobalOptions, f: CrawlFlags, workers: number): Promise<void> {
  const sites = sitesToCrawl(db, check);
  await onWorkers(g, workers, CRAWL_QUEUE, check, 'crawl', 'sites', sites.length, async (boss) => {
    const added = await enqueueCrawls(boss, check, sites, f);
    say(g, `crawl: ${sites.length} sites for the workers (${added} new jobs, ${sites.length - added} already queued)`);
  });
  const owed = sitesToCrawl(db, check).length;
  say(g, `crawl: ${sites.length} sites crawled by workers${owed > 0 ? `; ${owed} still owe a crawl (failed)` : ''}`);
}

export async function linksOnWorkers(db: Db, check: Check, g: GlobalOptions, f: LinkFlags, workers: number): Promise<void> {
  await onWorkers(g, workers, LINK_QUEUE, check, 'links', 'batches', null, async (boss) => {
    const r = await enqueueLinks(boss, db, check, f);
    say(g, `links: ${r.targets} targets for the workers in ${r.jobs} batches`);
  });
}

const PENDING = new Set(['created', 'retry', 'active']);
const POLL_MS = 1000;

/** Enqueues a stage's jobs, starts the local workers, and waits until no job of the check is queued or running. */
async function onWorkers(
  g: GlobalOptions,
  workers: number,
  queueName: string,
  check: Check,
  stage: string,
  unit: string,
  total: number | null,
  enqueue: (boss: PgBoss) => Promise<void>,
): Promise<void> {
  const queue = await openQueue(g.db, (e) => say(g, `queue: ${e.message}`));
  const children: ChildProcess[] = [];
  try {
    await enqueue(queue.boss);
    for (let i = 0; i < workers; i++) children.push(startWorker(g, i + 1));
    let lastNote = '';
    let lastAt = 0;
    for (;;) {
      const jobs = await queue.boss.findJobs<{ siteId?: string; host?: string }>(queueName, {
        data: { checkId: check.id },
        limit: 100_000,
      });
      const pending = jobs.filter((j) => PENDING.has(j.state));
      if (pending.length === 0) break;
      // What the workers are doing: on every change, and every 10 s while nothing changes.
      const running = pending.filter((j) => j.state === 'active').map((j) => j.data.siteId ?? j.data.host ?? '?');
      const left = total === null ? `${pending.length} ${unit} left` : `${total - pending.length}/${total} ${unit} done`;
      const note = `${stage}: ${left}; on workers now: ${running.slice(0, 8).join(', ') || 'none'}${running.length > 8 ? ` and ${running.length - 8} more` : ''}`;
      if (note !== lastNote || Date.now() - lastAt >= 10_000) {
        say(g, note);
        lastNote = note;
        lastAt = Date.now();
      }
      if (workers > 0 && children.every((c) => c.exitCode !== null))
        throw new Error(`every local worker has exited with ${stage} jobs left; see their output above`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await Promise.all(children.map(stopWorker));
    await queue.stop();
  }
}

function startWorker(g: GlobalOptions, n: number): ChildProcess {
  const args = [projectPath('bin/choucha.js'), '--db', g.db, 'worker'];
  if (g.allowPrivate) args.splice(1, 0, '--allow-private');
  if (g.vantage) args.splice(1, 0, '--vantage', g.vantage);
  if (g.canaries) args.splice(1, 0, '--canaries', g.canaries);
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

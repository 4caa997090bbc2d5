// `--workers N` on a PostgreSQL store: the stage's work goes to the queue, N local workers are started
// (0: workers elsewhere take it), and the command waits until every job of the check is settled.
import { spawn, type ChildProcess } from 'node:child_process';
import type { PgBoss } from 'pg-boss';
import { InputError } from '../errors.js';
import type { Check } from '../store/checks.js';
import { type Db, isPostgresUrl } from '../store/db.js';
import { CRAWL_QUEUE, LINK_QUEUE, openQueue, type PendingJob, pendingJobs } from '../worker/queue.js';
import { enqueueCrawls } from '../worker/crawl-jobs.js';
import { sitesToCrawl } from '../gather/crawl/crawl-check.js';
import { enqueueLinks } from '../worker/link-jobs.js';
import {
  goneVantages,
  JOIN_GRACE_MS,
  joinVantage,
  leaveVantage,
  probeQueueOf,
  publishRound,
  vantageName,
  vantageOfQueue,
  vantageStates,
} from '../worker/probe-jobs.js';
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

// Each look reads the jobs still pending: while many are, it is asked less often (a second for every
// thousand, at most every 10 s); near the end, four times a second, so the stage ends when its work does.
const pollMs = (pending: number) => Math.min(10_000, Math.max(250, pending));

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
  await withLocalWorkers(g, workers, async (boss, children) => {
    await enqueue(boss);
    children.start();
    await settled(g, boss, [queueName], { checkId: check.id }, children, (pending, running) => {
      const left = total === null ? `${pending} ${unit} left` : `${total - pending}/${total} ${unit} done`;
      return `${stage}: ${left}; on workers now: ${running.slice(0, 8).join(', ') || 'none'}${running.length > 8 ? ` and ${running.length - 8} more` : ''}`;
    });
  });
}

/**
 * Probe rounds taken by the workers of every vantage that has joined (`choucha worker --vantage NAME`),
 * each round published at its slot and awaited before the next. With local workers this machine's
 * vantage joins first, so they take its share. With none (`--workers 0`) it joins nothing: a vantage with
 * no worker would hold every round forever, as a coordinator in its own container (compose's `run`,
 * named after a hostname no worker has) did. For the same reason a vantage whose workers are gone (a
 * machine switched off, `probe --workers 1 --vantage west` run once) leaves the rounds, saying so.
 */
export async function probeOnWorkers(
  db: Db,
  check: Check,
  g: GlobalOptions,
  f: { rounds: number; intervalMs: number; timeoutMs: number },
  workers: number,
): Promise<void> {
  const own = workers > 0 ? probeQueueOf(vantageName(g.vantage)) : null;
  await withLocalWorkers(
    g,
    workers,
    async (boss, children) => {
      if (own) await joinVantage(boss, vantageName(g.vantage));
      children.start();
      const left: string[] = [];
      // The vantages taking the rounds, less those whose workers are gone; asked at most every few seconds.
      let lastAsked = 0;
      let taking: string[] = [];
      const vantagesTaking = async (): Promise<string[]> => {
        if (Date.now() - lastAsked < VANTAGE_LOOK_MS) return taking;
        const states = await vantageStates(boss);
        const gone = goneVantages(states, own);
        for (const q of gone) {
          await leaveVantage(boss, q);
          left.push(vantageOfQueue(q));
          say(
            g,
            `probe: vantage ${vantageOfQueue(q)} leaves the rounds: none of its workers has been heard from in ${JOIN_GRACE_MS / 1000} s ` +
              '(its share of a round in progress is not probed; it joins again when one of its workers starts)',
          );
        }
        lastAsked = Date.now();
        taking = states.map((v) => v.queue).filter((q) => !gone.includes(q));
        return taking;
      };
      let said = '';
      for (let round = 1; round <= f.rounds; round++) {
        const started = Date.now();
        lastAsked = 0;
        const queues = await vantagesTaking();
        if (queues.length === 0)
          throw new InputError(
            `No vantage takes probe rounds${left.length > 0 ? `: the workers of ${left.join(', ')} are gone` : ''}`,
            'With --workers 0 the rounds are taken by workers started elsewhere.',
            'Start `choucha worker --db … [--vantage NAME]` first (compose.yaml starts two), or give --workers N.',
          );
        const names = queues.map(vantageOfQueue).join(', ');
        if (names !== said) say(g, `probe: rounds taken from ${queues.length} vantage${queues.length > 1 ? 's' : ''}: ${names}`);
        said = names;
        const sites = await publishRound(boss, db, check, round, f.timeoutMs);
        let awaited = queues;
        await settled(
          g,
          boss,
          queues,
          { checkId: check.id, round },
          children,
          (pending) => `probe: round ${round}, ${pending} slices left`,
          async () => (awaited = (await vantagesTaking()).filter((q) => queues.includes(q))),
        );
        // Every vantage of the round left during it: nobody probed, and the round must not pass for taken.
        if (awaited.length === 0)
          throw new InputError(
            `No vantage took probe round ${round}: the workers of ${left.join(', ')} are gone`,
            'With --workers 0 the rounds are taken by workers started elsewhere.',
            'Start `choucha worker --db … [--vantage NAME]` again (compose.yaml starts two), or give --workers N.',
          );
        say(g, `probe: round ${round} of ${sites} sites taken from every vantage${left.length > 0 ? ` but ${left.join(', ')}` : ''}`);
        const wait = f.intervalMs - (Date.now() - started);
        if (round < f.rounds && wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    },
    async (boss) => {
      // This machine's vantage leaves with its workers, unless workers of it run elsewhere (a worker
      // service beside a one-off command): a later command is not kept waiting on it.
      if (own && !(await vantageStates(boss)).find((v) => v.queue === own)?.taken) await leaveVantage(boss, own);
    },
  );
}

/** How often a coordinator asks which vantages still have workers, while it waits on a round. */
const VANTAGE_LOOK_MS = 5_000;

interface LocalWorkers {
  start(): void;
  allExited(): boolean;
}

async function withLocalWorkers(
  g: GlobalOptions,
  workers: number,
  fn: (boss: PgBoss, children: LocalWorkers) => Promise<void>,
  // Once the local workers have exited, whether or not fn succeeded.
  afterWorkers?: (boss: PgBoss) => Promise<void>,
): Promise<void> {
  const queue = await openQueue(g.db, (e) => say(g, `queue: ${e.message}`));
  const children: ChildProcess[] = [];
  try {
    await fn(queue.boss, {
      start: () => {
        for (let i = 0; i < workers; i++) children.push(startWorker(g, i + 1));
      },
      allExited: () => workers > 0 && children.every((c) => c.exitCode !== null || c.signalCode !== null),
    });
  } finally {
    await Promise.all(children.map(stopWorker));
    await afterWorkers?.(queue.boss).catch((e: Error) => say(g, `queue: ${e.message}`));
    await queue.stop();
  }
}

/** Waits until no job matching `data` is queued or running on `queues`, saying what the workers are doing meanwhile. */
async function settled(
  g: GlobalOptions,
  boss: PgBoss,
  queues: string[],
  data: object,
  children: LocalWorkers,
  describe: (pending: number, running: string[]) => string,
  // The queues still awaited, asked before each look (a probe vantage whose workers are gone drops out).
  stillAwaited?: () => Promise<string[]>,
): Promise<void> {
  let lastNote = '';
  let lastAt = 0;
  let lostFor = 0;
  for (;;) {
    let pending: PendingJob[];
    try {
      if (stillAwaited) queues = await stillAwaited();
      pending = await pendingJobs(boss, queues, data);
      lostFor = 0;
    } catch (e) {
      // The database away (a restart, a failover): the workers wait for it too; ask again, less often.
      lostFor = Math.min(Math.max(lostFor * 2, 1_000), 60_000);
      say(
        g,
        `lost the database while waiting for the workers (${String((e as Error).message).split('\n')[0]}); asking again in ${lostFor / 1000} s`,
      );
      await new Promise((r) => setTimeout(r, lostFor));
      continue;
    }
    if (pending.length === 0) return;
    // What the workers are doing: on every change, and every 10 s while nothing changes.
    const note = describe(
      pending.length,
      pending.filter((j) => j.state === 'active').map((j) => j.siteId ?? j.host ?? '?'),
    );
    if (note !== lastNote || Date.now() - lastAt >= 10_000) {
      say(g, note);
      lastNote = note;
      lastAt = Date.now();
    }
    if (children.allExited()) throw new Error('every local worker has exited with jobs left; see their output above');
    await new Promise((r) => setTimeout(r, pollMs(pending.length)));
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

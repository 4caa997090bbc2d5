// `choucha worker`: takes jobs from a PostgreSQL store's queue until it is stopped. Many workers, on
// one machine or many, share the work of one check; SIGTERM or SIGINT lets the jobs in hand finish.
import type { Command } from 'commander';
import { hostname } from 'node:os';
import { InputError } from '../errors.js';
import { closeDb, isPostgresUrl, redactDbUrl } from '../store/db.js';
import { batchedWork, CRAWL_QUEUE, LINK_POLLERS, LINK_QUEUE, openQueue, POLLING, settleEach } from '../worker/queue.js';
import { type CrawlJob, runCrawlBatch } from '../worker/crawl-jobs.js';
import { type LinkJob, runLinkJob } from '../worker/link-jobs.js';
import { checkById } from '../store/checks.js';
import type { Db } from '../store/db.js';
import { isConnectionLoss, type PgConnection } from '../store/pg-client.js';
import { defaultParseThreads, parsePool } from '../gather/crawl/parse-pool.js';
import { joinVantage, type ProbeJob, runProbeJob, vantageName } from '../worker/probe-jobs.js';
import { onStopSignal } from './stop-signal.js';
import { type GlobalOptions, guard, open, parseCount, say, vantageOf } from './common.js';
import { type CrawlFlags, crawlOptionsOf, type LinkFlags, linkOptionsOf } from './stages.js';

/** SIGTERM to exit at the latest: the jobs' 30 s of grace, then the queue's own stop, with room. */
const STOP_DEADLINE_MS = 60_000;
/** Shorter than a coordinator's grace for a vantage that has just joined (worker/probe-jobs.ts). */
const REJOIN_MS = 20_000;

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      "take jobs (sites' crawls, batches of link targets) from a PostgreSQL store's queue until stopped; many may run on many machines",
    )
    .option('--concurrency <N>', "sites' crawls (and link batches, probe slices) in hand at once", '32')
    .action(async (o: { concurrency: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (!isPostgresUrl(g.db))
        throw new InputError(
          `choucha worker needs a PostgreSQL store, not ${g.db}`,
          "Workers share one check's work through the database's queue; a SQLite file is one machine's.",
          'Pass --db postgres://user:pass@host:port/db (or set CHOUCHA_DB).',
        );
      const concurrency = parseCount(o.concurrency, '--concurrency');
      const name = `${g.vantage ?? hostname()}#${process.pid}`;
      // A connection for each kind of job: a crawl's grouped commits never take a link batch's writes
      // with them, nor roll them back.
      // Two batches of sites in hand, so that one batch's slowest site does not idle the worker.
      const crawlDbs = [open(g), open(g)];
      const linkDb = open(g);
      // One set of parse threads for every batch: starting them per batch cost more than a small site's crawl.
      const parser = parsePool(defaultParseThreads());
      const probeDb = open(g);
      const queue = await openQueue(g.db, (e) => say(g, `worker ${name}: queue: ${e.message}`), true, `choucha-worker ${name}`);
      // A job that lost the database (a restart, a failover) ends in error: what it had committed stays, its
      // open writes were rolled back, and the queue gives the job out again. Its connection is replaced first,
      // with backoff, saying so; jobs on the same connection wait for the one replacement.
      const mending = new Map<Db, Promise<void>>();
      const onLoss = async <T>(db: Db, job: () => Promise<T>): Promise<T> => {
        try {
          return await job();
        } catch (e) {
          if (!isConnectionLoss(e)) throw e;
          if (!mending.has(db))
            mending.set(
              db,
              mend(db, e).finally(() => mending.delete(db)),
            );
          await mending.get(db);
          throw e;
        }
      };
      const mend = async (db: Db, e: unknown): Promise<void> => {
        for (let waitMs = 1_000; ; waitMs = Math.min(waitMs * 2, 60_000)) {
          const why = String((e as Error).message ?? e).split('\n')[0];
          say(g, `worker ${name}: lost the database (${why}); reconnecting in ${waitMs / 1000} s; the job will be given out again`);
          await new Promise((r) => setTimeout(r, waitMs));
          try {
            (db.$client as unknown as PgConnection).reconnect();
            say(g, `worker ${name}: reconnected to the database`);
            return;
          } catch (again) {
            e = again;
          }
        }
      };
      let stopped!: () => void;
      const stop = new Promise<void>((resolve) => (stopped = resolve));
      const unlisten = onStopSignal(() => stopped());
      say(g, `worker ${name}: taking jobs from ${redactDbUrl(g.db)}, ${concurrency} at a time`);
      try {
        await queue.boss.work<CrawlJob<CrawlFlags>>(
          CRAWL_QUEUE,
          // A batch of sites is one crawl, as a check's sites are on one machine. groupConcurrency over every
          // worker: one crawl per host at a time, so --per-host and --delay hold for a host however many
          // workers there are (sites of a 集约化 platform share one host).
          // burstWhenBatchFull: while batches come back full, the next is fetched at once rather than after a poll.
          {
            localConcurrency: crawlDbs.length,
            batchSize: Math.max(1, Math.ceil(concurrency / crawlDbs.length)),
            groupConcurrency: 1,
            ...POLLING,
            burstWhenBatchFull: true,
          },
          async (jobs) => {
            const ids = jobs.map((j) => j.data.siteId);
            say(g, `worker ${name}: crawl ${ids.join(' ')} started`);
            // Each batch in hand has a connection of its own: its grouped commits are its own transaction.
            const crawlDb = crawlDbs.pop()!;
            try {
              await onLoss(crawlDb, async () => {
                const r = await runCrawlBatch(
                  crawlDb,
                  jobs.map((j) => j.data),
                  (flags) => ({
                    ...crawlOptionsOf(flags, g),
                    parser,
                    resumeBySite: true,
                    onSiteDone: (id, state, pages) => say(g, `worker ${name}: crawl ${id} crawled (${state}, ${pages} pages)`),
                  }),
                );
                for (const id of r.doneBefore) say(g, `worker ${name}: crawl ${id} done-before`);
              });
            } finally {
              crawlDbs.push(crawlDb);
            }
          },
        );
        await queue.boss.work<LinkJob<LinkFlags>>(LINK_QUEUE, { ...batchedWork(concurrency, LINK_POLLERS), groupConcurrency: 1 }, (jobs) =>
          settleEach(jobs, async (job) => {
            const { host, targets, checkId } = job.data;
            say(g, `worker ${name}: links on ${host} (${targets.length}) started`);
            await onLoss(linkDb, async () => {
              const check = checkById(linkDb, checkId);
              if (check) await runLinkJob(linkDb, job.data, linkOptionsOf(linkDb, check, g, job.data.flags));
            });
            say(g, `worker ${name}: links on ${host} done`);
          }),
        );
        // Probe rounds come to every vantage's own queue: workers of one vantage share it.
        const vantage = vantageName(g.vantage);
        const probeQueue = await joinVantage(queue.boss, vantage);
        say(g, `worker ${name}: takes probe rounds from vantage ${vantage}`);
        // Joined again now and then: a coordinator that could not hear from this worker for a while (the
        // database away) counts its vantage gone and takes it off the rounds; this puts it back.
        const rejoin = setInterval(() => {
          joinVantage(queue.boss, vantage).catch((e: Error) => say(g, `worker ${name}: could not rejoin vantage ${vantage}: ${e.message}`));
        }, REJOIN_MS);
        rejoin.unref();
        await queue.boss.work<ProbeJob>(probeQueue, batchedWork(concurrency), (jobs) =>
          settleEach(jobs, async (job) => {
            const { round, siteIds } = job.data;
            const r = await onLoss(probeDb, () => runProbeJob(probeDb, job.data, { guard: guard(g), vantage, ...vantageOf(g) }));
            say(g, `worker ${name}: probe round ${round}, ${siteIds.length} sites from ${vantage}: ${r.ok} up, ${r.failed} down`);
          }),
        );
        await stop;
        clearInterval(rejoin);
        say(g, `worker ${name}: stopping; jobs in hand finish first`);
        // A stop that hangs (a queue whose connections the server ended, seen once in a test) must not
        // leave a worker behind: past the jobs' grace and the queue's, it exits. Its jobs in hand, if any,
        // stop sending heartbeats and go to another worker, as after a kill.
        setTimeout(() => {
          say(g, `worker ${name}: did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting`);
          process.exit(1);
        }, STOP_DEADLINE_MS).unref();
      } finally {
        await queue.stop();
        await parser.close();
        for (const db of [...crawlDbs, linkDb, probeDb]) closeDb(db);
        unlisten();
      }
    });
}

// `choucha worker`: takes jobs from a PostgreSQL store's queue until it is stopped. Many workers, on
// one machine or many, share the work of one check; SIGTERM or SIGINT lets the jobs in hand finish.
import type { Command } from 'commander';
import { hostname } from 'node:os';
import { InputError } from '../errors.js';
import { closeDb, isPostgresUrl, redactDbUrl } from '../store/db.js';
import { CRAWL_QUEUE, LINK_QUEUE, openQueue } from '../gather/work/queue.js';
import { type CrawlJob, runCrawlJob } from '../gather/work/crawl-jobs.js';
import { type LinkJob, runLinkJob } from '../gather/work/link-jobs.js';
import { checkById } from '../store/checks.js';
import { joinVantage, type ProbeJob, runProbeJob, vantageName } from '../gather/work/probe-jobs.js';
import { type GlobalOptions, guard, open, parseCount, say, vantageOf } from './common.js';
import { type CrawlFlags, crawlOptionsOf, type LinkFlags, linkOptionsOf } from './stages.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      "take jobs (sites' crawls, batches of link targets) from a PostgreSQL store's queue until stopped; many may run on many machines",
    )
    .option('--concurrency <N>', 'jobs in hand at once', '4')
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
      const db = open(g);
      const queue = await openQueue(g.db, (e) => say(g, `worker ${name}: queue: ${e.message}`));
      let stopped!: () => void;
      const stop = new Promise<void>((resolve) => (stopped = resolve));
      process.once('SIGTERM', () => stopped());
      process.once('SIGINT', () => stopped());
      say(g, `worker ${name}: taking jobs from ${redactDbUrl(g.db)}, ${concurrency} at a time`);
      try {
        await queue.boss.work<CrawlJob<CrawlFlags>>(
          CRAWL_QUEUE,
          // groupConcurrency over every worker: one crawl per host at a time, so --per-host and --delay hold
          // for a host however many workers there are (sites of a 集约化 platform share one host).
          { localConcurrency: concurrency, groupConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 1 },
          async ([job]) => {
            const { siteId } = job!.data;
            say(g, `worker ${name}: crawl ${siteId} started`);
            // One site per job and several jobs in hand: pages are parsed on this thread (workers are processes).
            const r = await runCrawlJob(db, job!.data, { ...crawlOptionsOf(job!.data.flags, g), parseThreads: 0 });
            say(g, `worker ${name}: crawl ${siteId} ${r}`);
          },
        );
        await queue.boss.work<LinkJob<LinkFlags>>(
          LINK_QUEUE,
          { localConcurrency: concurrency, groupConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 1 },
          async ([job]) => {
            const { host, targets, checkId } = job!.data;
            say(g, `worker ${name}: links on ${host} (${targets.length}) started`);
            const check = checkById(db, checkId);
            if (!check) return;
            await runLinkJob(db, job!.data, linkOptionsOf(db, check, g, job!.data.flags));
            say(g, `worker ${name}: links on ${host} done`);
          },
        );
        // Probe rounds come to every vantage's own queue: workers of one vantage share it.
        const vantage = vantageName(g.vantage);
        const probeQueue = await joinVantage(queue.boss, vantage);
        await queue.boss.work<ProbeJob>(
          probeQueue,
          { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 1 },
          async ([job]) => {
            const { round, siteIds } = job!.data;
            const r = await runProbeJob(db, job!.data, { guard: guard(g), vantage, ...vantageOf(g) });
            say(g, `worker ${name}: probe round ${round}, ${siteIds.length} sites from ${vantage}: ${r.ok} up, ${r.failed} down`);
          },
        );
        await stop;
        say(g, `worker ${name}: stopping; jobs in hand finish first`);
      } finally {
        await queue.stop();
        closeDb(db);
      }
    });
}

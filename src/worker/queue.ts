// The work queue of a PostgreSQL store: pg-boss, on the same database, in a schema of its own.
// A job held by a worker that dies (SIGKILL, a reboot) stops sending heartbeats; after them it is
// failed and retried, and another worker takes it. What the dead worker had stored stays stored.
import { type Job, type JobResult, PgBoss } from 'pg-boss';

export const QUEUE_SCHEMA = 'choucha_queue';

/** A site's crawl: one job a site, one job a host at a time over every worker (politeness). */
export const CRAWL_QUEUE = 'choucha-crawl';
/** A batch of one host's link targets: their first try. */
export const LINK_QUEUE = 'choucha-links';

// pg-boss's smallest heartbeat; its monitor looks every MONITOR_SECONDS for jobs whose worker is gone.
const HEARTBEAT_SECONDS = 10;
const MONITOR_SECONDS = 2;

export const QUEUE_OPTIONS = {
  heartbeatSeconds: HEARTBEAT_SECONDS,
  // A site's crawl is bounded by its --site-budget (10 min by default), a batch by its timeouts; past this a job is stuck.
  expireInSeconds: 3 * 3600,
  retryLimit: 4,
  retryDelay: 2,
  retryBackoff: true,
  // A worker waiting on its poll is woken when jobs are inserted (LISTEN/NOTIFY): a check's jobs are
  // taken as soon as the coordinator queues them, not up to a poll later. Polling stays as the floor
  // (a dead worker's jobs given out again, a retry's delay ended), so a lost NOTIFY only costs a poll.
  notify: true,
};

/** Creates the queue, or turns on what a queue made by an earlier version lacks (notify). */
export async function ensureQueue(boss: PgBoss, name: string, policy: 'exclusive' | 'standard'): Promise<void> {
  const q = await boss.getQueue(name);
  if (!q) await boss.createQueue(name, { ...QUEUE_OPTIONS, policy });
  else if (!q.notify) await boss.updateQueue(name, { notify: true });
}

export interface QueueHandle {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Every PgBoss object keeps a row in pg-boss's instance registry, with the queues its workers take from,
 * and reads as gone after three missed beats: that is how a coordinator tells a vantage whose workers
 * are gone (worker/probe-jobs.ts). A worker beats every 10 s, so one killed is gone within 30 s.
 */
export const INSTANCE_HEARTBEAT_SECONDS = 10;

/**
 * `listen`: woken by inserts (a worker); a coordinator only queues and watches, and holds no listening
 * connection. `name`: the instance's name in the registry (a worker's).
 */
export async function openQueue(url: string, onError: (e: Error) => void, listen = false, name?: string): Promise<QueueHandle> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    monitorIntervalSeconds: MONITOR_SECONDS,
    useListenNotify: listen,
    instanceHeartbeatSeconds: INSTANCE_HEARTBEAT_SECONDS,
    ...(name ? { instanceName: name } : {}),
  });
  boss.on('error', onError);
  await boss.start();
  // One job per key queued or running: enqueuing a site (a batch) again while it waits or runs adds nothing.
  for (const name of [CRAWL_QUEUE, LINK_QUEUE]) await ensureQueue(boss, name, 'exclusive');
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}

// Each of a queue's local pollers asks the database for jobs once a poll, whether or not any are waiting:
// a poller per job in hand (32 for links, 32 for probes) made an idle worker's queries the largest part of
// two workers' coordination (npm run bench:scale; pg_stat_statements: 2,100 fetches in an 18 s crawl).
// A few pollers each take a batch of jobs instead, and every job in a batch is settled on its own.
const POLLERS = 2;
/**
 * Pollers for link batches: a poller takes its next batch only when all of the last one is done, and one
 * host's batch may run minutes at its --delay (200 targets). Eight small batches leave fewer slots idle
 * behind a slow host than two large ones, at four fetches a second when idle.
 */
export const LINK_POLLERS = 8;
const POLL_SECONDS = 2;
/** The same floor whether or not NOTIFY is heard (pg-boss waits 30 s between polls where it is). */
export const POLLING = { pollingIntervalSeconds: POLL_SECONDS, notifyPollingIntervalSeconds: POLL_SECONDS } as const;

/** Work options for `inHand` jobs at once, taken by `pollers` pollers in batches. */
export function batchedWork(inHand: number, pollers = POLLERS) {
  pollers = Math.min(pollers, inHand);
  return {
    localConcurrency: pollers,
    batchSize: Math.ceil(inHand / pollers),
    ...POLLING,
    burstWhenBatchFull: true,
    perJobResults: true,
  } as const;
}

/**
 * Runs a batch's jobs at once and settles each on its own: one job's failure (its site down, its
 * connection lost) fails that job alone, for the queue to give out again, and its batch's other jobs complete.
 */
export async function settleEach<T>(jobs: Job<T>[], run: (job: Job<T>) => Promise<void>): Promise<JobResult[]> {
  const outcomes = await Promise.allSettled(jobs.map(run));
  return outcomes.map((o, i) =>
    o.status === 'fulfilled'
      ? { id: jobs[i]!.id, status: 'completed' }
      : { id: jobs[i]!.id, status: 'failed', output: { message: o.reason instanceof Error ? o.reason.message : String(o.reason) } },
  );
}

export interface PendingJob {
  state: 'created' | 'retry' | 'active';
  siteId: string | null;
  host: string | null;
}

/**
 * The jobs of `queues` whose data holds `data`, still queued or running. Only those are read: a
 * coordinator asks every fraction of a second near a stage's end, when all but a few are settled.
 */
export async function pendingJobs(boss: PgBoss, queues: string[], data: object): Promise<PendingJob[]> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT state, data->>'siteId' AS "siteId", data->>'host' AS host FROM ${QUEUE_SCHEMA}.job ` +
        "WHERE name = ANY($1::text[]) AND state < 'completed' AND data @> $2::jsonb",
      [queues, JSON.stringify(data)],
    );
  return rows as PendingJob[];
}

// The work queue of a PostgreSQL store: pg-boss, on the same database, in a schema of its own.
// A job held by a worker that dies (SIGKILL, a reboot) stops sending heartbeats; after them it is
// failed and retried, and another worker takes it. What the dead worker had stored stays stored.
import { PgBoss } from 'pg-boss';

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
};

export interface QueueHandle {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function openQueue(url: string, onError: (e: Error) => void): Promise<QueueHandle> {
  const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, monitorIntervalSeconds: MONITOR_SECONDS });
  boss.on('error', onError);
  await boss.start();
  for (const name of [CRAWL_QUEUE, LINK_QUEUE])
    if (!(await boss.getQueue(name)))
      // One job per key queued or running: enqueuing a site (a batch) again while it waits or runs adds nothing.
      await boss.createQueue(name, { ...QUEUE_OPTIONS, policy: 'exclusive' });
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}

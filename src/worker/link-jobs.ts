// Link targets as queue jobs: a host's unchecked targets in batches, one batch of a host at a time over
// every worker (politeness), each batch's first try by a worker. The suspects' second try, which needs
// every host's answers to tell the checker's outage from a site's, stays with the coordinator.
import type { PgBoss } from 'pg-boss';
import type { Check } from '../store/checks.js';
import { checkById } from '../store/checks.js';
import type { Db } from '../store/db.js';
import { uncheckedTargetsAfter } from '../store/links.js';
import { checkLinks, type LinkCheckOptions } from '../gather/links/link-checker.js';
import { LINK_QUEUE } from './queue.js';

export interface LinkJob<F = Record<string, string>> {
  checkId: number;
  host: string;
  targets: string[];
  /** The link flags as given to the coordinator (LinkFlags), parsed again by the worker. */
  flags: F;
}

/** Targets of one host per job at most: a slow host's batch is bounded by its timeouts. */
const BATCH = 200;

/** Every target of the check with no status yet, by host, in crawl order. */
export function uncheckedByHost(db: Db, check: Check): Map<string, string[]> {
  const byHost = new Map<string, string[]>();
  for (let after = 0; ; ) {
    const step = uncheckedTargetsAfter(db, check.id, after, 1_000);
    if (step.lastId === null) break;
    for (const t of step.targets) {
      let host: string;
      try {
        host = new URL(t).host;
      } catch {
        continue;
      }
      const list = byHost.get(host) ?? [];
      if (list.length === 0) byHost.set(host, list);
      list.push(t);
    }
    after = step.lastId;
  }
  // A target seen in two steps is listed once.
  for (const [h, list] of byHost) byHost.set(h, [...new Set(list)]);
  return byHost;
}

export async function enqueueLinks<F extends object>(
  boss: PgBoss,
  db: Db,
  check: Check,
  flags: F,
): Promise<{ jobs: number; targets: number }> {
  const jobs: { data: LinkJob<F>; singletonKey: string; group: { id: string } }[] = [];
  let targets = 0;
  for (const [host, list] of uncheckedByHost(db, check)) {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = list.slice(i, i + BATCH);
      targets += batch.length;
      jobs.push({
        data: { checkId: check.id, host, targets: batch, flags },
        singletonKey: `${check.id}:${host}:${i / BATCH}`,
        group: { id: host },
      });
    }
  }
  for (let i = 0; i < jobs.length; i += 1_000) await boss.insert(LINK_QUEUE, jobs.slice(i, i + 1_000));
  return { jobs: jobs.length, targets };
}

export async function runLinkJob(db: Db, job: LinkJob<unknown>, opts: Omit<LinkCheckOptions, 'only'>): Promise<number> {
  const check = checkById(db, job.checkId);
  if (!check) return 0;
  await checkLinks(db, check, { ...opts, only: job.targets });
  return job.targets.length;
}

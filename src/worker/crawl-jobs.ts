// A site's crawl as a queue job: enqueued by `crawl|run --workers`, taken by `choucha worker`.
// The job carries the crawl's flags as typed, so every worker crawls as the coordinator was asked to.
import type { PgBoss } from 'pg-boss';
import { type Check, checkById, crawlStatesOf } from '../store/checks.js';
import type { Db } from '../store/db.js';
import { getSites } from '../store/sites.js';
import type { Site } from '../model/site.js';
import { owesCrawl } from '../gather/crawl/crawl-check.js';
import { type CrawlOptions, crawlSites } from '../gather/crawl/crawler.js';
import { CRAWL_QUEUE } from './queue.js';

export interface CrawlJob<F = Record<string, string>> {
  checkId: number;
  siteId: string;
  /** The crawl flags as given to the coordinator (CrawlFlags), parsed again by the worker. */
  flags: F;
}

/** The host whose politeness limits a site's crawl: one crawl per host at a time over every worker. */
export function hostOf(site: Site): string {
  try {
    return new URL(site.url).host.toLowerCase();
  } catch {
    return site.id;
  }
}

export async function enqueueCrawls<F extends object>(boss: PgBoss, check: Check, sites: Site[], flags: F): Promise<number> {
  if (sites.length === 0) return 0;
  const ids = await boss.insert(
    CRAWL_QUEUE,
    sites.map((s) => ({
      data: { checkId: check.id, siteId: s.id, flags } satisfies CrawlJob<F>,
      singletonKey: `${check.id}:${s.id}`,
      group: { id: hostOf(s) },
    })),
    // The ids of the jobs inserted, not of those a key already held (pg-boss returns none unless asked).
    { returnId: true },
  );
  return ids?.length ?? 0;
}

/**
 * A batch of jobs as one crawl per check (and flags): the crawl's own admission, host lanes and parse
 * threads share the batch's sites as they share a check's on one machine. A site a worker before this
 * one finished (its job given out again after that worker was stopped late) is not crawled again; pages
 * a dead worker stored are read back, not fetched again (crawl/resume.ts).
 */
export async function runCrawlBatch<F>(
  db: Db,
  jobs: CrawlJob<F>[],
  optionsOf: (flags: F) => CrawlOptions,
): Promise<{ crawled: string[]; doneBefore: string[] }> {
  const crawled: string[] = [];
  const doneBefore: string[] = [];
  const groups = new Map<string, CrawlJob<F>[]>();
  for (const j of jobs) {
    const key = `${j.checkId} ${JSON.stringify(j.flags)}`;
    groups.set(key, [...(groups.get(key) ?? []), j]);
  }
  for (const group of groups.values()) {
    const check = checkById(db, group[0]!.checkId);
    if (!check) continue;
    const state = crawlStatesOf(
      db,
      check.id,
      group.map((j) => j.siteId),
    );
    const todo: string[] = [];
    for (const j of group) {
      const st = state.get(j.siteId);
      if (st !== undefined && owesCrawl(st)) todo.push(j.siteId);
      else if (st !== undefined) doneBefore.push(j.siteId);
    }
    await crawlSites(db, check, getSites(db, todo), optionsOf(group[0]!.flags));
    crawled.push(...todo);
  }
  return { crawled, doneBefore };
}

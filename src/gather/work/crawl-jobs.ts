// A site's crawl as a queue job: enqueued by `crawl|run --workers`, taken by `choucha worker`.
// The job carries the crawl's flags as typed, so every worker crawls as the coordinator was asked to.
import type { PgBoss } from 'pg-boss';
import { type Check, checkById, sampleOf } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { getSites } from '../../store/sites.js';
import type { Site } from '../../model/site.js';
import { type CrawlOptions, crawlSites } from '../crawl/crawler.js';
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

/** Sites of the check a crawl still owes (as `crawl` on one machine: never crawled, or the homepage failed). */
export function sitesToCrawl(db: Db, check: Check): Site[] {
  const todo = sampleOf(db, check.id)
    .filter((s) => s.crawlState === 'not-crawled' || s.crawlState === 'failed')
    .map((s) => s.siteId);
  return getSites(db, todo);
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
  );
  return ids?.length ?? 0;
}

/**
 * One job: the site's crawl, unless a worker before this one finished it (a job given out again after
 * its worker was stopped late). Pages that worker stored are read back, not fetched again (crawl/resume.ts).
 */
export async function runCrawlJob(db: Db, job: CrawlJob<unknown>, opts: CrawlOptions): Promise<'crawled' | 'done-before' | 'gone'> {
  const row = sampleOf(db, job.checkId).find((s) => s.siteId === job.siteId);
  if (!row) return 'gone';
  if (row.crawlState !== 'not-crawled' && row.crawlState !== 'failed') return 'done-before';
  const check = checkById(db, job.checkId);
  if (!check) return 'gone';
  await crawlSites(db, check, getSites(db, [job.siteId]), opts);
  return 'crawled';
}

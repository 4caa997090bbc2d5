// `crawl`: every site of the check's sample not yet crawled (or whose homepage failed) is crawled;
// finished sites are never crawled again.
import type { Db } from '../../store/db.js';
import { type Check, sampleOf } from '../../store/checks.js';
import { getSites } from '../../store/sites.js';
import type { Site } from '../../model/site.js';
import { type CrawlOptions, crawlSites } from './crawler.js';

/** A site a crawl still owes: never crawled, or its homepage failed. */
export function owesCrawl(state: string): boolean {
  return state === 'not-crawled' || state === 'failed';
}

/** The sites of the check a crawl still owes, as registered. */
export function sitesToCrawl(db: Db, check: Check): Site[] {
  return getSites(
    db,
    sampleOf(db, check.id)
      .filter((s) => owesCrawl(s.crawlState))
      .map((s) => s.siteId),
  );
}

export async function crawlCheck(db: Db, check: Check, opts: CrawlOptions): Promise<{ crawled: number; skipped: number }> {
  const sample = sampleOf(db, check.id);
  const todo = sample.filter((s) => owesCrawl(s.crawlState)).map((s) => s.siteId);
  await crawlSites(db, check, getSites(db, todo), opts);
  return { crawled: todo.length, skipped: sample.length - todo.length };
}

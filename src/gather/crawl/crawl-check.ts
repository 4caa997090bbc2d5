// `crawl`: every site of the check's sample not yet crawled (or whose homepage failed) is crawled;
// finished sites are never crawled again.
import type { Db } from '../../store/db.js';
import { type Check, sampleOf } from '../../store/checks.js';
import { getSites } from '../../store/sites.js';
import { type CrawlOptions, crawlSites } from './crawler.js';

export async function crawlCheck(db: Db, check: Check, opts: CrawlOptions): Promise<{ crawled: number; skipped: number }> {
  const sample = sampleOf(db, check.id);
  const todo = sample.filter((s) => s.crawlState === 'not-crawled' || s.crawlState === 'failed').map((s) => s.siteId);
  await crawlSites(db, check, getSites(db, todo), opts);
  return { crawled: todo.length, skipped: sample.length - todo.length };
}

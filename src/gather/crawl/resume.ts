// Resume from the store: a page an earlier, interrupted run stored is read back instead of fetched,
// so a crawl killed at any point resumes with the same command and fetches nothing twice.
import type { Db } from '../../store/db.js';
import { type FetchedPage, loadPage, storedKey, storedPageKeys } from '../../store/pages.js';
import type { FetchJob } from './fetcher.js';
import { isRefusal } from './challenge-cookies.js';

export class StoredPages {
  // One query for what was stored before this run, instead of one per request.
  private stored: Set<string>;

  /** `siteIds`: what was stored for these sites only (a worker's batch); the whole check's when null. */
  constructor(
    private db: Db,
    private checkId: number,
    siteIds: string[] | null = null,
  ) {
    this.stored = storedPageKeys(db, checkId, siteIds);
  }

  /**
   * The page an earlier run stored for this request, when it is worth keeping; errors, 5xx and a
   * firewall's refusal (a later run may pass its challenge) are fetched again.
   */
  answer(url: string, rendered: boolean): FetchedPage | undefined {
    if (!this.stored.has(storedKey(url, rendered))) return undefined;
    const page = loadPage(this.db, this.checkId, url, rendered);
    return page && page.body !== null && (page.status ?? 0) < 500 && !isRefusal(page.error) ? page : undefined;
  }

  /**
   * For a render: the page as served, when it is stored (by this run too), so the browser does not ask
   * the site for it again.
   */
  served(url: string): FetchJob['body'] {
    const raw = loadPage(this.db, this.checkId, url, false);
    return raw?.body && !raw.error ? { bytes: raw.body, contentType: raw.contentType } : undefined;
  }
}

// What the crawl's scheduler needs from a fetcher: hand it a job, hear back once with the page.
import type { FetchedPage } from '../../store/pages.js';

export interface FetchJob {
  id: number;
  url: string;
  kind: FetchedPage['kind'];
  /** For a render: the page as already fetched, so the browser does not ask the site for it again. */
  body?: { bytes: Buffer; contentType: string | null };
  /** A firewall's JavaScript challenge may be passed in Chromium (its site may be rendered). */
  challenge?: boolean;
  /** Set by the fetcher: the page was read with the cookies a passed challenge earned. */
  passedChallenge?: boolean;
}

export interface Fetcher {
  submit(job: FetchJob): void;
  /** Lets the requests in flight finish, then shuts the underlying crawler down. */
  close(): Promise<void>;
}

export type Settle = (job: FetchJob, page: FetchedPage) => void;

export function failedPage(job: FetchJob, error: string, status: number | null = null, rendered = false): FetchedPage {
  return {
    url: job.url,
    finalUrl: null,
    kind: job.kind,
    status,
    contentType: null,
    encoding: null,
    fetchedAt: new Date().toISOString(),
    body: null,
    error,
    rendered,
  };
}

// The crawl of a check: crawlee's HttpCrawler fetches; choucha decides what and when.
// - Per host: at most `perHost` requests in flight and `delayMs` between starts (politeness).
// - Every page is stored as it arrives; a page already stored is read back instead of fetched,
//   so a crawl killed at any point resumes with the same command and fetches nothing twice.
// - A site's lists and crawl state are written together when its walk ends.
import { Configuration, log, LogLevel } from '@crawlee/core';
import { HttpCrawler } from '@crawlee/http';
import { readPage } from '../extract/page.js';
import { cstDay, monthsBefore } from '../extract/day.js';
import type { Site } from '../registry/site.js';
import type { Check } from '../store/checks.js';
import type { Db } from '../store/db.js';
import { finishSiteCrawl } from '../store/lists.js';
import { type FetchedPage, loadPage, savePage, storedPageUrls } from '../store/pages.js';
import type { AddressGuard } from './address-guard.js';
import { SiteWalk, type WalkRequest } from './site-walk.js';
import { USER_AGENT } from './user-agent.js';

export interface CrawlOptions {
  concurrency: number;
  perHost: number;
  delayMs: number;
  timeoutSecs: number;
  maxPages: number;
  maxColumns: number;
  maxListPages: number;
  articlesPerColumn: number;
  guard: AddressGuard;
  onSiteDone?: (siteId: string, state: string, pages: number) => void;
}

export const CRAWL_DEFAULTS = {
  concurrency: 8,
  perHost: 2,
  delayMs: 200,
  timeoutSecs: 15,
  maxPages: 300,
  maxColumns: 80,
  maxListPages: 10,
  articlesPerColumn: 1,
};

interface Job {
  id: number;
  walk: SiteWalk;
  req: WalkRequest;
  host: string;
}

interface HostLane {
  pending: Job[];
  inFlight: number;
  nextStart: number;
}

export async function crawlSites(db: Db, check: Check, sites: Site[], opts: CrawlOptions): Promise<void> {
  if (sites.length === 0) return;
  // choucha records every failure itself (page error, crawl state); crawlee's own log would only repeat it.
  log.setLevel(LogLevel.OFF);
  const atDay = cstDay(check.at);
  // One query for what an earlier, interrupted run already stored, instead of one per request.
  const storedUrls = storedPageUrls(db, check.id);
  const jobs = new Map<number, Job>();
  const lanes = new Map<string, HostLane>();
  let nextId = 0;
  let open = sites.length;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));

  const crawler = new HttpCrawler(
    {
      keepAlive: true,
      maxConcurrency: opts.concurrency,
      // The autoscaled pool otherwise starts at 1 and ramps up slowly; politeness is enforced per host below.
      minConcurrency: opts.concurrency,
      // Requests arrive a few at a time from the per-host lanes; an idle pool must notice them at once.
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.02 },
      maxRequestRetries: 1,
      navigationTimeoutSecs: opts.timeoutSecs,
      requestHandlerTimeoutSecs: opts.timeoutSecs * 4,
      useSessionPool: false,
      persistCookiesPerSession: false,
      // 4xx pages are answers to record, not errors to retry; 5xx are retried once, then recorded.
      ignoreHttpErrorStatusCodes: [400, 401, 403, 404, 405, 410, 451],
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          await opts.guard.check(request.url);
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': USER_AGENT };
          // No browser-like header sets: choucha says who it is, and generating them costs more than parsing the page.
          (gotOptions as { useHeaderGenerator?: boolean }).useHeaderGenerator = false;
          gotOptions.maxRedirects = 10;
          gotOptions.hooks = {
            ...gotOptions.hooks,
            beforeRedirect: [
              ...(gotOptions.hooks?.beforeRedirect ?? []),
              // Every hop of a redirect passes the address guard too.
              async (o) => {
                await opts.guard.check(String(o.url));
              },
            ],
          };
        },
      ],
      requestHandler: async ({ request, response, body }) => {
        const job = jobs.get(request.userData.job as number)!;
        const status = response.statusCode ?? null;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
        const page: FetchedPage = {
          url: job.req.url,
          finalUrl: request.loadedUrl ?? request.url,
          kind: job.req.kind,
          status,
          contentType: (response.headers['content-type'] as string | undefined) ?? null,
          encoding: null,
          fetchedAt: new Date().toISOString(),
          body: bytes,
          error: status !== null && status >= 400 ? `HTTP ${status}` : null,
        };
        settle(job, page);
      },
      failedRequestHandler: async ({ request }, error) => {
        const job = jobs.get(request.userData.job as number)!;
        const m = /^(\d{3}) - /.exec(error.message);
        settle(job, {
          url: job.req.url,
          finalUrl: null,
          kind: job.req.kind,
          status: m ? Number(m[1]) : null,
          contentType: null,
          encoding: null,
          fetchedAt: new Date().toISOString(),
          body: null,
          error: error.message.split('\n')[0]!.slice(0, 300),
        });
      },
    },
    new Configuration({ persistStorage: false }),
  );

  const settle = (job: Job, page: FetchedPage) => {
    savePage(db, check.id, job.walk.siteId, page);
    const lane = lanes.get(job.host)!;
    lane.inFlight--;
    jobs.delete(job.id);
    consume(job, page);
    pump();
  };

  const consume = (job: Job, page: FetchedPage) => {
    const usable = page.body !== null && page.error === null;
    const read = usable ? readPage(page.body!, { url: page.finalUrl ?? page.url, contentType: page.contentType, atDay }) : null;
    const next = job.walk.onPage(job.req, read, page.error ?? (usable ? null : '无响应内容'), page.finalUrl);
    for (const r of next) enqueue(job.walk, r);
    if (job.walk.done) finishSite(job.walk);
  };

  const finishSite = (walk: SiteWalk) => {
    const r = walk.result();
    finishSiteCrawl(db, check.id, walk.siteId, r, new Date().toISOString());
    opts.onSiteDone?.(walk.siteId, r.state, r.pagesFetched);
    if (--open === 0) allDone();
  };

  const enqueue = (walk: SiteWalk, req: WalkRequest) => {
    const job: Job = { id: nextId++, walk, req, host: new URL(req.url).host };
    const stored = storedUrls.has(req.url) ? loadPage(db, check.id, req.url) : undefined;
    // Resume: a page fetched before is read from the store. Errors and 5xx are fetched again.
    if (stored && stored.body !== null && (stored.status ?? 0) < 500) {
      queueMicrotask(() => {
        consume(job, stored);
        pump();
      });
      return;
    }
    const lane = lanes.get(job.host) ?? { pending: [], inFlight: 0, nextStart: 0 };
    lanes.set(job.host, lane);
    lane.pending.push(job);
  };

  const pump = () => {
    const now = Date.now();
    let wait = Infinity;
    for (const [host, lane] of lanes) {
      while (lane.pending.length > 0 && lane.inFlight < opts.perHost && lane.nextStart <= now) {
        const job = lane.pending.shift()!;
        lane.inFlight++;
        lane.nextStart = now + opts.delayMs;
        jobs.set(job.id, job);
        running ??= crawler.run();
        void crawler.addRequests([{ url: job.req.url, uniqueKey: `${job.id}`, userData: { job: job.id } }]);
      }
      if (lane.pending.length > 0 && lane.inFlight < opts.perHost) wait = Math.min(wait, lane.nextStart - now);
      if (lane.pending.length === 0 && lane.inFlight === 0) lanes.delete(host);
    }
    if (wait !== Infinity && !timer) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, Math.max(wait, 1));
    }
  };

  const limits = {
    maxPages: opts.maxPages,
    maxColumns: opts.maxColumns,
    maxListPages: opts.maxListPages,
    articlesPerColumn: opts.articlesPerColumn,
    pageUntil: monthsBefore(atDay, 12),
  };
  for (const site of sites) {
    const walk = new SiteWalk(site.id, site.url, limits);
    for (const r of walk.start()) enqueue(walk, r);
  }
  pump();
  await finished;
  if (timer) clearTimeout(timer);
  if (running) {
    crawler.stop();
    await running;
  }
}

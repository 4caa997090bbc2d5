// The crawl of a check: crawlee fetches (HttpCrawler, and PlaywrightCrawler for pages that need a
// browser); choucha decides what and when.
// - Per host: at most `perHost` requests in flight and `delayMs` between starts (politeness).
// - Every page is stored as it arrives; a page already stored is read back instead of fetched,
//   so a crawl killed at any point resumes with the same command and fetches nothing twice.
// - A site's lists and crawl state are written together when its walk ends.
import { binaryKind } from '../extract/binary.js';
import { cstDay, monthsBefore } from '../extract/day.js';
import { readPage } from '../extract/page.js';
import type { RenderMode, Site } from '../registry/site.js';
import type { Check } from '../store/checks.js';
import type { Db } from '../store/db.js';
import { saveLinks } from '../store/links.js';
import { finishSiteCrawl } from '../store/lists.js';
import { type FetchedPage, loadPage, savePage, storedKey, storedPageKeys } from '../store/pages.js';
import type { AddressGuard } from './address-guard.js';
import type { FetchJob } from './fetcher.js';
import { httpFetcher } from './http-fetcher.js';
import { renderFetcher } from './render-fetcher.js';
import { SiteWalk, type WalkRequest } from './site-walk.js';

export interface CrawlOptions {
  concurrency: number;
  perHost: number;
  delayMs: number;
  timeoutSecs: number;
  maxPages: number;
  maxColumns: number;
  maxListPages: number;
  /** List pages of one message board at most, and letters' own pages per board at most. */
  maxBoardPages: number;
  maxLetterPages: number;
  maxDepth: number;
  articlesPerColumn: number;
  /** auto: render pages whose lists are built by script; never; always: render every homepage and column page. */
  render: RenderMode;
  renderConcurrency: number;
  /** Bytes of one page at most, after decompression. */
  maxBodyBytes: number;
  /** Time one site may take, from its first request; past it the site is partially checked. */
  siteBudgetMs: number;
  /** Requests handed to one crawlee crawler before a fresh one takes over (see http-fetcher). */
  rotateAfter?: number;
  guard: AddressGuard;
  onSiteDone?: (siteId: string, state: string, pages: number) => void;
}

export const CRAWL_DEFAULTS = {
  concurrency: 8,
  perHost: 2,
  delayMs: 200,
  timeoutSecs: 15,
  maxPages: 600,
  maxColumns: 80,
  maxListPages: 10,
  maxBoardPages: 30,
  maxLetterPages: 100,
  maxDepth: 6,
  articlesPerColumn: 1,
  render: 'auto' as RenderMode,
  renderConcurrency: 2,
  maxBodyBytes: 10_000_000,
  siteBudgetMs: 10 * 60_000,
};

interface Job extends FetchJob {
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
  const atDay = cstDay(check.at);
  // One query for what an earlier, interrupted run already stored, instead of one per request.
  const stored = storedPageKeys(db, check.id);
  const lanes = new Map<string, HostLane>();
  const started = new Map<SiteWalk, number>();
  let nextId = 0;
  let open = sites.length;
  let timer: NodeJS.Timeout | null = null;
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));

  // A write that fails (a full disk) stops the whole crawl: going on would fetch pages it cannot keep,
  // and a walk whose page was never consumed would wait for it for ever. What was stored stays whole.
  let fatal: unknown = null;
  const settle = (fetchJob: FetchJob, page: FetchedPage) => {
    if (fatal) return;
    const job = fetchJob as Job;
    try {
      savePage(db, check.id, job.walk.siteId, page);
      lanes.get(job.host)!.inFlight--;
      consume(job, page);
      pump();
    } catch (e) {
      fatal = e;
      allDone();
    }
  };
  const http = httpFetcher(opts, settle);
  const browser = renderFetcher({ ...opts, concurrency: opts.renderConcurrency }, settle);

  const consume = (job: Job, page: FetchedPage) => {
    const binary = page.body !== null && page.error === null ? binaryKind(page.body) : null;
    const usable = page.body !== null && page.error === null && binary === null;
    const read = usable ? readPage(page.body!, { url: page.finalUrl ?? page.url, contentType: page.contentType, atDay }) : null;
    // Links as served (a rendered DOM adds the script-built ones, which the raw page cannot vouch for).
    if (read && !page.rendered) saveLinks(db, check.id, job.walk.siteId, page.url, job.req.kind === 'homepage', read.links);
    const next = job.walk.onPage(job.req, read, page.error ?? (binary ? `不是网页：内容是${binary}` : usable ? null : '无响应内容'), page.finalUrl);
    for (const r of next) enqueue(job.walk, r);
    if (job.walk.done) finishSite(job.walk);
  };

  const finishSite = (walk: SiteWalk) => {
    started.delete(walk); // nothing of a finished site stays in memory
    const r = walk.result();
    finishSiteCrawl(db, check.id, walk.siteId, r, new Date().toISOString());
    opts.onSiteDone?.(walk.siteId, r.state, r.pagesFetched);
    if (--open === 0) allDone();
  };

  const enqueue = (walk: SiteWalk, req: WalkRequest) => {
    const job: Job = { id: nextId++, url: req.url, kind: req.kind, walk, req, host: new URL(req.url).host };
    const rendered = req.render === true;
    const page = stored.has(storedKey(req.url, rendered)) ? loadPage(db, check.id, req.url, rendered) : undefined;
    // Resume: a page fetched before is read from the store. Errors and 5xx are fetched again.
    if (page && page.body !== null && (page.status ?? 0) < 500) {
      queueMicrotask(() => {
        if (fatal) return;
        try {
          consume(job, page);
          pump();
        } catch (e) {
          fatal = e;
          allDone();
        }
      });
      return;
    }
    if (rendered) {
      const raw = loadPage(db, check.id, req.url, false);
      if (raw?.body && !raw.error) job.body = { bytes: raw.body, contentType: raw.contentType };
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
        const since = started.get(job.walk) ?? started.set(job.walk, now).get(job.walk)!;
        if (now - since > opts.siteBudgetMs) {
          job.walk.stop(`超过每站检查时间上限（${Math.round(opts.siteBudgetMs / 1000)} 秒），部分页面未检查`);
          job.walk.onSkipped();
          if (job.walk.done) finishSite(job.walk);
          continue;
        }
        lane.inFlight++;
        lane.nextStart = now + opts.delayMs;
        (job.req.render ? browser : http).submit(job);
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
    maxBoardPages: opts.maxBoardPages,
    maxLetterPages: opts.maxLetterPages,
    maxDepth: opts.maxDepth,
    articlesPerColumn: opts.articlesPerColumn,
    pageUntil: monthsBefore(atDay, 12),
  };
  for (const site of sites) {
    const walk = new SiteWalk(site.id, site.url, limits, site.render ?? opts.render);
    for (const r of walk.start()) enqueue(walk, r);
  }
  pump();
  await finished;
  if (timer) clearTimeout(timer);
  await Promise.all([http.close(), browser.close()]);
  if (fatal) throw fatal;
}

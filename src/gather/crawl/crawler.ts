// The crawl of a check: plain pages are fetched with undici (http-fetcher), pages that need a browser
// with crawlee's PlaywrightCrawler (render-fetcher); choucha decides what and when. This file wires the
// parts together; each holds one decision:
// - politeness: per host, at most `perHost` requests in flight and `delayMs` between starts;
// - admission: at most `activeSites` sites walked at once, not counting those waiting only on the browser;
// - site-budget: the time one site may take; heap-watch: when the heap is looked at;
// - unusable-page: which fetched pages are parsed, and what the walk is told of the others;
// - resume: a page already stored is read back instead of fetched, so a crawl killed at any point
//   resumes with the same command and fetches nothing twice.
// Overall, at most `concurrency` plain requests (and `renderConcurrency` rendered ones) are handed to
// the fetchers at a time. Every page is stored as it arrives; a site's lists and crawl state are
// written together when its walk ends.
import { cstDay, monthsBefore } from '../../model/day.js';
import type { RenderMode, Site } from '../../model/site.js';
import type { PageWalkRead } from '../../extract/page.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { saveLinks } from '../../store/links.js';
import { groupCommit } from '../../store/group-commit.js';
import { finishSiteCrawl } from '../../store/lists.js';
import { type FetchedPage, savePage } from '../../store/pages.js';
import type { AddressGuard } from '../http/address-guard.js';
import type { FetchJob } from './fetcher.js';
import { httpFetcher } from './http-fetcher.js';
import { renderFetcher } from './render-fetcher.js';
import { defaultParseThreads, type ParsePool, parsePool } from './parse-pool.js';
import { memoryLog } from '../../heap.js';
import { SiteWalk, type WalkRequest } from './site-walk.js';
import { HostLanes } from './politeness.js';
import { StoredPages } from './resume.js';
import { Admission, activeLimit } from './admission.js';
import { SiteBudget } from './site-budget.js';
import { HeapWatch } from './heap-watch.js';
import { whyUnusable } from './unusable-page.js';
import { CHALLENGE_PASSED, ChallengeCookies } from './challenge-cookies.js';
import { challengePasser } from '../browser/challenge.js';

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
  /** Articles opened from each list that shows no dates, newest first. */
  undatedArticles?: number;
  /** auto: render pages whose lists are built by script; never; always: render every homepage and column page. */
  render: RenderMode;
  renderConcurrency: number;
  /** Bytes of one page at most, after decompression. */
  maxBodyBytes: number;
  /** Time one site may take, from its first request; past it the site is partially checked. */
  siteBudgetMs: number;
  /** Sites walked at once with plain requests outstanding; 0 or absent: four per request in flight (enough hosts to keep every slot busy). */
  activeSites?: number;
  /** Worker threads pages are parsed on; 0 parses on the main thread. Absent: the cores beyond the first, at most 3. */
  parseThreads?: number;
  /**
   * Read back only what was stored for the sites crawled (a worker's batch): the whole check's pages,
   * read once per batch, made a worker's crawl slower with every batch.
   */
  resumeBySite?: boolean;
  /** Threads shared by many crawls (a worker's batches): used, never closed, by this one; `parseThreads` is then unused. */
  parser?: ParsePool;
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
  undatedArticles: 3,
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

export async function crawlSites(db: Db, check: Check, sites: Site[], opts: CrawlOptions): Promise<void> {
  if (sites.length === 0) return;
  const atDay = cstDay(check.at);
  const resume = new StoredPages(db, check.id, opts.resumeBySite ? sites.map((s) => s.id) : null);
  const admission = new Admission<SiteWalk>(sites, activeLimit(opts));
  const budget = new SiteBudget<SiteWalk>(opts.siteBudgetMs);
  const heap = new HeapWatch();
  let nextId = 0;
  const inFlight = { http: 0, render: 0 };
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  // A write that fails (a full disk) or a bug in reading a page stops the whole crawl and says so: going
  // on would fetch pages it cannot keep, and a walk whose page was never consumed would wait for ever.
  // What was stored stays whole.
  let crashed: unknown = null;
  const crash = (e: unknown) => {
    crashed ??= e;
    writes.abandon();
    allDone();
  };
  // Pages, links and finished sites are committed together a window at a time (see group-commit).
  const writes = groupCommit(db, crash);

  const lanes = new HostLanes<Job>(opts.perHost, opts.delayMs, {
    mayStart: (job) => (job.req.render ? inFlight.render < opts.renderConcurrency : inFlight.http < opts.concurrency),
    keep: (job, now) => {
      if (!budget.spent(job.walk, now)) return true;
      job.walk.stop(budget.reason);
      job.walk.onSkipped();
      answered(job);
      return false;
    },
    start: (job) => {
      if (job.req.render) {
        inFlight.render++;
        browser.submit(job);
      } else {
        inFlight.http++;
        http.submit(job);
      }
    },
  });
  const pump = lanes.pump;

  const parser = opts.parser ?? parsePool(opts.parseThreads ?? defaultParseThreads());
  const settle = (fetchJob: FetchJob, page: FetchedPage) => {
    if (crashed) return;
    const job = fetchJob as Job;
    heap.page();
    try {
      writes.write(() => savePage(db, check.id, job.walk.siteId, page));
    } catch (e) {
      crash(e);
      return;
    }
    lanes.settled(job.host);
    inFlight[job.req.render ? 'render' : 'http']--;
    // The request slot is free as soon as the page is stored: the next fetch starts while this one is parsed.
    pump();
    void consume(job, page).then(pump, crash);
  };
  // A firewall's challenge is passed in Chromium once per host, bounded by the page timeout; its cookies
  // serve that host's plain requests (and renders) for the rest of the crawl.
  const passer = challengePasser({ guard: opts.guard, timeoutMs: opts.timeoutSecs * 1000 });
  const challenges = new ChallengeCookies(passer.pass);
  const http = httpFetcher({ ...opts, challenges }, settle);
  const browser = renderFetcher({ ...opts, concurrency: opts.renderConcurrency, challenges }, settle);

  const consume = async (job: Job, page: FetchedPage) => {
    const unusable = whyUnusable(page);
    let read: PageWalkRead | null = null;
    let unreadable: string | null = null;
    if (unusable === null) {
      try {
        // An article leads nowhere the walk follows: only its links are read (judging reads its words).
        const parts = job.req.kind === 'article' || job.req.kind === 'footer' ? 'links' : 'walk';
        read = await parser.read(page.body!, { url: page.finalUrl ?? page.url, contentType: page.contentType, atDay, parts });
      } catch (e) {
        unreadable = `页面无法解析：${(e as Error).message}`;
      }
    }
    if (crashed) return;
    if (job.passedChallenge) job.walk.note(CHALLENGE_PASSED);
    // Links as served (a rendered DOM adds the script-built ones, which the raw page cannot vouch for).
    // A footer script's markup is in string literals: its "links" are not links of a page.
    if (read && !page.rendered && job.req.kind !== 'footer')
      writes.write(() =>
        saveLinks(db, check.id, job.walk.siteId, page.url, job.req.kind === 'homepage' || job.req.kind === 'frame', read.links),
      );
    const next = job.walk.onPage(job.req, read, unusable ?? unreadable, page.finalUrl);
    for (const r of next) enqueue(job.walk, r);
    answered(job);
  };

  /** After a job's page was consumed or skipped, and the walk's next requests enqueued. */
  const answered = (job: Job) => {
    if (!job.req.render) admission.plainAnswered(job.walk);
    if (job.walk.done) finishSite(job.walk);
    else if (admission.waitsOnBrowser(job.walk)) admit(); // its place goes to the next site
  };

  const finishSite = (walk: SiteWalk) => {
    budget.forget(walk); // nothing of a finished site stays in memory
    const r = walk.result();
    writes.write(() => finishSiteCrawl(db, check.id, walk.siteId, r, new Date().toISOString()));
    opts.onSiteDone?.(walk.siteId, r.state, r.pagesFetched);
    if (admission.ended()) allDone();
    else admit();
  };

  const admit = () => {
    for (let site = admission.next(); site; site = admission.next()) {
      const walk = new SiteWalk(site.id, site.url, limits, site.render ?? opts.render);
      for (const r of walk.start()) enqueue(walk, r);
    }
  };

  const enqueue = (walk: SiteWalk, req: WalkRequest) => {
    const job: Job = {
      id: nextId++,
      url: req.url,
      kind: req.kind,
      walk,
      req,
      host: new URL(req.url).host,
      challenge: walk.renderMode !== 'never',
    };
    const rendered = req.render === true;
    if (!rendered) admission.plainSent(walk);
    const page = resume.answer(req.url, rendered);
    if (page) {
      queueMicrotask(() => {
        if (!crashed) void consume(job, page).then(pump, crash);
      });
      return;
    }
    if (rendered) {
      const body = resume.served(req.url);
      if (body) job.body = body;
    }
    lanes.add(job);
  };

  const limits = {
    maxPages: opts.maxPages,
    maxColumns: opts.maxColumns,
    maxListPages: opts.maxListPages,
    maxBoardPages: opts.maxBoardPages,
    maxLetterPages: opts.maxLetterPages,
    maxDepth: opts.maxDepth,
    articlesPerColumn: opts.articlesPerColumn,
    undatedArticles: opts.undatedArticles ?? CRAWL_DEFAULTS.undatedArticles,
    pageUntil: monthsBefore(atDay, 12),
  };
  const stopMemoryLog = memoryLog('memory');
  admit();
  pump();
  await finished;
  lanes.close();
  if (!crashed) {
    try {
      writes.commit();
    } catch (e) {
      writes.abandon();
      crashed = e;
    }
  }
  await Promise.all([http.close(), browser.close(), opts.parser ? undefined : parser.close()]);
  await passer.close();
  stopMemoryLog();
  if (crashed) throw crashed;
}

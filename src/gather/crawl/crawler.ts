// The crawl of a check: plain pages are fetched with undici (http-fetcher), pages that need a browser
// with crawlee's PlaywrightCrawler (render-fetcher); choucha decides what and when.
// - Per host: at most `perHost` requests in flight and `delayMs` between starts (politeness).
// - Overall: at most `concurrency` plain requests (and `renderConcurrency` rendered ones) handed to
//   the fetchers at a time, and at most `activeSites` sites walked at once; the next site starts when one
//   ends. A site whose walk waits only on the browser does not count, so that sites queued for rendering
//   do not stop the plain crawl, up to twice `activeSites` walks in all. Memory stays flat however many
//   sites a check has: only the admitted sites' walks are held.
// - Every page is stored as it arrives; a page already stored is read back instead of fetched,
//   so a crawl killed at any point resumes with the same command and fetches nothing twice.
// - A site's lists and crawl state are written together when its walk ends.
import { binaryKind } from '../../extract/binary.js';
import { cstDay, monthsBefore } from '../../model/day.js';
import type { RenderMode, Site } from '../../model/site.js';
import type { PageWalkRead } from '../../extract/page.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { saveLinks } from '../../store/links.js';
import { groupCommit } from '../../store/group-commit.js';
import { finishSiteCrawl } from '../../store/lists.js';
import { type FetchedPage, loadPage, savePage, storedKey, storedPageKeys } from '../../store/pages.js';
import type { AddressGuard } from '../http/address-guard.js';
import type { FetchJob } from './fetcher.js';
import { httpFetcher } from './http-fetcher.js';
import { renderFetcher } from './render-fetcher.js';
import { defaultParseThreads, parsePool } from './parse-pool.js';
import { heapKeeper, memoryLog } from '../../heap.js';
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
  /** Sites walked at once with plain requests outstanding; 0 or absent: four per request in flight (enough hosts to keep every slot busy). */
  activeSites?: number;
  /** Worker threads pages are parsed on; 0 parses on the main thread. Absent: the cores beyond the first, at most 3. */
  parseThreads?: number;
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

/** Pages between looks at the heap's size, and the least size at which it is collected (see heap.ts). */
const HEAP_LOOK_EVERY = 100;
const HEAP_FLOOR_BYTES = 96 * 1024 * 1024;

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
  const waiting = [...sites].reverse();
  const activeMax = opts.activeSites || Math.max(16, opts.concurrency * 4);
  let active = 0;
  // Plain (not rendered) requests outstanding, for the walks that have any: the other active walks wait
  // only on the browser.
  const plainLoad = new Map<SiteWalk, number>();
  const loadPlain = (walk: SiteWalk, by: 1 | -1) => {
    const n = (plainLoad.get(walk) ?? 0) + by;
    if (n === 0) plainLoad.delete(walk);
    else plainLoad.set(walk, n);
  };
  const inFlight = { http: 0, render: 0 };
  let timer: NodeJS.Timeout | null = null;
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

  const parser = parsePool(opts.parseThreads ?? defaultParseThreads());
  let settled = 0;
  const keepHeap = heapKeeper(HEAP_FLOOR_BYTES);
  const settle = (fetchJob: FetchJob, page: FetchedPage) => {
    if (crashed) return;
    const job = fetchJob as Job;
    if (++settled % HEAP_LOOK_EVERY === 0) keepHeap();
    try {
      writes.write(() => savePage(db, check.id, job.walk.siteId, page));
    } catch (e) {
      crash(e);
      return;
    }
    lanes.get(job.host)!.inFlight--;
    inFlight[job.req.render ? 'render' : 'http']--;
    // The request slot is free as soon as the page is stored: the next fetch starts while this one is parsed.
    pump();
    void consume(job, page).then(pump, crash);
  };
  const http = httpFetcher(opts, settle);
  const browser = renderFetcher({ ...opts, concurrency: opts.renderConcurrency }, settle);

  const consume = async (job: Job, page: FetchedPage) => {
    const binary = page.body !== null && page.error === null ? binaryKind(page.body) : null;
    const usable = page.body !== null && page.error === null && binary === null;
    let read: PageWalkRead | null = null;
    let unreadable: string | null = null;
    if (usable) {
      try {
        // An article leads nowhere the walk follows: only its links are read (judging reads its words).
        const parts = job.req.kind === 'article' ? 'links' : 'walk';
        read = await parser.read(page.body!, { url: page.finalUrl ?? page.url, contentType: page.contentType, atDay, parts });
      } catch (e) {
        unreadable = `页面无法解析：${(e as Error).message}`;
      }
    }
    if (crashed) return;
    // Links as served (a rendered DOM adds the script-built ones, which the raw page cannot vouch for).
    if (read && !page.rendered)
      writes.write(() => saveLinks(db, check.id, job.walk.siteId, page.url, job.req.kind === 'homepage', read.links));
    const next = job.walk.onPage(
      job.req,
      read,
      page.error ?? unreadable ?? (binary ? `不是网页：内容是${binary}` : usable ? null : '无响应内容'),
      page.finalUrl,
    );
    for (const r of next) enqueue(job.walk, r);
    answered(job);
  };

  /** After a job's page was consumed or skipped, and the walk's next requests enqueued. */
  const answered = (job: Job) => {
    if (!job.req.render) loadPlain(job.walk, -1);
    if (job.walk.done) finishSite(job.walk);
    else if (!plainLoad.has(job.walk)) admit(); // it waits on the browser now: its place goes to the next site
  };

  const finishSite = (walk: SiteWalk) => {
    started.delete(walk); // nothing of a finished site stays in memory
    const r = walk.result();
    writes.write(() => finishSiteCrawl(db, check.id, walk.siteId, r, new Date().toISOString()));
    opts.onSiteDone?.(walk.siteId, r.state, r.pagesFetched);
    active--;
    if (--open === 0) allDone();
    else admit();
  };

  const admit = () => {
    while (plainLoad.size < activeMax && active < activeMax * 2 && waiting.length > 0) {
      const site = waiting.pop()!;
      active++;
      const walk = new SiteWalk(site.id, site.url, limits, site.render ?? opts.render);
      for (const r of walk.start()) enqueue(walk, r);
    }
  };

  const enqueue = (walk: SiteWalk, req: WalkRequest) => {
    const job: Job = { id: nextId++, url: req.url, kind: req.kind, walk, req, host: new URL(req.url).host };
    const rendered = req.render === true;
    if (!rendered) loadPlain(walk, 1);
    const page = stored.has(storedKey(req.url, rendered)) ? loadPage(db, check.id, req.url, rendered) : undefined;
    // Resume: a page fetched before is read from the store. Errors and 5xx are fetched again.
    if (page && page.body !== null && (page.status ?? 0) < 500) {
      queueMicrotask(() => {
        if (!crashed) void consume(job, page).then(pump, crash);
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
        const kind = lane.pending[0]!.req.render ? 'render' : 'http';
        if (inFlight[kind] >= (kind === 'render' ? opts.renderConcurrency : opts.concurrency)) break;
        const job = lane.pending.shift()!;
        const since = started.get(job.walk) ?? started.set(job.walk, now).get(job.walk)!;
        if (now - since > opts.siteBudgetMs) {
          job.walk.stop(`超过每站检查时间上限（${Math.round(opts.siteBudgetMs / 1000)} 秒），部分页面未检查`);
          job.walk.onSkipped();
          answered(job);
          continue;
        }
        lane.inFlight++;
        inFlight[kind]++;
        lane.nextStart = now + opts.delayMs;
        (job.req.render ? browser : http).submit(job);
      }
      // Only the politeness delay needs a timer: a lane held back by the overall limit moves when a request settles.
      if (lane.pending.length > 0 && lane.inFlight < opts.perHost && lane.nextStart > now) wait = Math.min(wait, lane.nextStart - now);
      if (lane.pending.length === 0 && lane.inFlight === 0) lanes.delete(host);
    }
    if (wait !== Infinity && !timer) {
      timer = setTimeout(
        () => {
          timer = null;
          pump();
        },
        Math.max(wait, 1),
      );
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
  const stopMemoryLog = memoryLog('memory');
  admit();
  pump();
  await finished;
  if (timer) clearTimeout(timer);
  if (!crashed) {
    try {
      writes.commit();
    } catch (e) {
      writes.abandon();
      crashed = e;
    }
  }
  await Promise.all([http.close(), browser.close(), parser.close()]);
  stopMemoryLog();
  if (crashed) throw crashed;
}

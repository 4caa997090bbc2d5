// Pages rendered in Debian's Chromium through crawlee's PlaywrightCrawler, for lists built by script.
// The rendered DOM is stored beside the raw page and read by the same extractors.
import { existsSync } from 'node:fs';
import type { PlaywrightCrawler } from '@crawlee/playwright';
import type { Page, Response } from 'playwright';
import type { AddressGuard } from '../http/address-guard.js';
import { BROWSER_ARGS, CHROMIUM_PATH, restrictRequests } from '../browser/browser.js';
import { failedPage, type Fetcher, type FetchJob, type Settle } from './fetcher.js';
import { USER_AGENT } from '../http/user-agent.js';
import { blockedByWaf } from '../http/waf.js';
import { type ChallengeCookies, MAX_PASSES, RATE_LIMITED, refusal, WHY } from './challenge-cookies.js';

/** Jobs one browser page renders in turn before crawlee is asked for a fresh one. */
const JOBS_PER_PAGE = 25;

/**
 * Each crawlee request is a browser page that renders its own job and then, in turn, the jobs that
 * arrive while it is open: opening and closing a page cost Chromium about 0.4 s of CPU per render
 * (33 renders in sequence: 23.4 s of CPU with a new page each, 10.7 s on one page reused), which is
 * most of what rendering costs.
 */
export function renderFetcher(
  opts: { concurrency: number; timeoutSecs: number; guard: AddressGuard; challenges?: ChallengeCookies },
  settle: Settle,
): Fetcher {
  const jobs = new Map<number, FetchJob>();
  // Submitted jobs no page has taken yet, and the pages (crawlee requests) open.
  const queue: FetchJob[] = [];
  const open = new Set<string>();
  let crawler: PlaywrightCrawler | null = null;
  let running: Promise<unknown> | null = null;
  let ready: Promise<PlaywrightCrawler> | null = null;
  // Once per job, whatever happens: a handler crawlee timed out may still finish a job it had begun.
  const done = (job: FetchJob, page: Parameters<Settle>[1]) => {
    if (jobs.delete(job.id)) settle(job, page);
  };
  const failed = (job: FetchJob, e: unknown) => done(job, failedPage(job, `渲染失败：${firstLine(e)}`, null, true));
  /** Before `job`'s navigation: its address through the guard, and the page's requests held to its host. */
  const scope = async (page: Page, job: FetchJob | undefined, url: string) => {
    await opts.guard.check(url);
    await restrictRequests(page, url, { guard: opts.guard, textOnly: true, body: job?.body });
    await carryCookies(page, url);
  };
  /** The cookies a firewall's challenge earned for `url`'s host: its scripts' requests pass the firewall too. */
  const carryCookies = async (page: Page, url: string) => {
    const cookies = opts.challenges?.cookies(url) ?? [];
    if (cookies.length > 0) await page.context().addCookies(cookies);
    sent.set(page, opts.challenges?.header(url));
  };
  // The Cookie header a page's navigation carried, for challenge-cookies to tell a stale cookie from a new one.
  const sent = new WeakMap<Page, string | undefined>();

  /**
   * A navigation a firewall refused: its challenge is passed (challenge-cookies) and the page asked
   * again, while the handler's time (`until`) leaves room. The answer, and why it stayed refused.
   */
  const through = async (job: FetchJob, page: Page, res: Response | null, until: number) => {
    let why: string = job.challenge && opts.challenges ? WHY.stillBlocked : WHY.noBrowser;
    for (let asked = 0; res && job.challenge && opts.challenges && asked <= MAX_PASSES; asked++) {
      if (!blockedByWaf(res.status(), await res.allHeaders())) return { res, why: null };
      if (res.status() === RATE_LIMITED) return { res, why: WHY.rateLimited };
      // A pass (at most timeoutSecs) and another navigation (× 2) must fit before crawlee gives up on the
      // handler; a handler that runs over is retried by crawlee, by then with the cookies.
      if (Date.now() + opts.timeoutSecs * 3000 > until) {
        why = WHY.failed('渲染时限内来不及通过验证');
        break;
      }
      const next = await opts.challenges.refused(res.url(), sent.get(page));
      if (!next.retry) {
        why = next.reason;
        break;
      }
      await carryCookies(page, job.url);
      res = await page.goto(job.url, { waitUntil: 'load', timeout: opts.timeoutSecs * 2000 });
    }
    return { res, why: res && blockedByWaf(res.status(), await res.allHeaders()) ? why : null };
  };

  const rendered = async (job: FetchJob, page: Page, first: Response | null, until: number) => {
    const { res, why } = await through(job, page, first, until);
    const status = res?.status() ?? null;
    if (why === null && opts.challenges?.header(job.url) !== undefined) job.passedChallenge = true;
    // Lists arrive after load (XHR, JSONP, templates): let the network go quiet, briefly.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    const body = Buffer.from(await page.content(), 'utf8');
    done(job, {
      url: job.url,
      finalUrl: page.url(),
      kind: job.kind,
      status,
      contentType: 'text/html; charset=utf-8',
      encoding: 'utf-8',
      fetchedAt: new Date().toISOString(),
      body,
      error: why !== null && status !== null ? refusal(status, why) : status !== null && status >= 400 ? `HTTP ${status}` : null,
      rendered: true,
    });
  };

  /** The jobs queued while `page` is open, one after another, within the handler's time. */
  const renderQueued = async (page: Page, handlerStart: number) => {
    // A job is only begun while the handler's timeout (timeoutSecs × 4) leaves room for its navigation
    // (× 2), the wait for the network (5 s) and reading the page: crawlee must not close the page under it.
    const lastStart = handlerStart + (opts.timeoutSecs * 2 - 7) * 1000;
    for (let n = 1; n < JOBS_PER_PAGE && queue.length > 0 && Date.now() < lastStart; n++) {
      const job = queue.shift()!;
      try {
        // The previous job's document goes first: its scripts keep running, and while the filter is
        // swapped their requests (timers, polling) would pass unchecked, to any host.
        await page.goto('about:blank');
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await scope(page, job, job.url);
        const res = await page.goto(job.url, { waitUntil: 'load', timeout: opts.timeoutSecs * 2000 });
        await rendered(job, page, res, handlerStart + opts.timeoutSecs * 4000);
      } catch (e) {
        failed(job, e);
        return; // the page may be what failed: crawlee closes it and the next job gets a fresh one
      }
    }
  };

  // Deferred: a page finishing its job takes the next one itself, when its settle submitted it.
  const openPages = () =>
    setImmediate(() => {
      while (crawler && open.size < opts.concurrency && queue.length > 0) {
        const job = queue.shift()!;
        const key = `render-${job.id}`;
        open.add(key);
        crawler.addRequests([{ url: job.url, uniqueKey: key, userData: { job: job.id } }]).catch((e: unknown) => {
          failed(job, e);
          release(key);
        });
      }
    });
  // Once per request, when it has succeeded or failed for good (a handler that crawlee timed out may
  // still be finishing its queue while the retry runs).
  const release = (key: string) => {
    if (open.delete(key)) openPages();
  };

  // Playwright and crawlee are loaded when the first page needs rendering: together they cost ~140 MB
  // and ~0.4 s of start-up, and most crawls (all, with --render never) render nothing.
  const start = async () => {
    const [{ Configuration, log, LogLevel }, { PlaywrightCrawler }, { chromium }] = await Promise.all([
      import('@crawlee/core'),
      import('@crawlee/playwright'),
      import('playwright'),
    ]);
    // choucha records every failure itself (page error, crawl state); crawlee's own log would only repeat it.
    log.setLevel(LogLevel.OFF);
    crawler = new PlaywrightCrawler(
      {
        keepAlive: true,
        // choucha already holds renders to `concurrency` (crawler.ts); crawlee's own pool would start at one
        // and add one every 10 s, which left a 30 s crawl rendering a page at a time.
        minConcurrency: opts.concurrency,
        maxConcurrency: opts.concurrency,
        maxRequestRetries: 1,
        navigationTimeoutSecs: opts.timeoutSecs * 2,
        requestHandlerTimeoutSecs: opts.timeoutSecs * 4,
        useSessionPool: false,
        persistCookiesPerSession: false,
        launchContext: {
          launcher: chromium,
          userAgent: USER_AGENT,
          launchOptions: { executablePath: CHROMIUM_PATH, args: BROWSER_ARGS, headless: true, serviceWorkers: 'block' },
        },
        browserPoolOptions: { useFingerprints: false },
        preNavigationHooks: [({ page, request }) => scope(page, jobs.get(request.userData.job as number), request.url)],
        requestHandler: async ({ request, page, response }) => {
          const start = Date.now();
          const attempt = request.retryCount;
          const job = jobs.get(request.userData.job as number);
          if (job) await rendered(job, page, response ?? null, start + opts.timeoutSecs * 4000);
          await renderQueued(page, start);
          // A handler crawlee gave up on (timed out) finishes late: the retry holds the place now.
          if (request.retryCount === attempt) release(request.uniqueKey);
        },
        // A request whose job is already stored (its handler failed later, on a queued job) is not
        // fetched again: it goes to failedRequestHandler, which only frees its place.
        errorHandler: async ({ request }) => {
          if (!jobs.has(request.userData.job as number)) request.noRetry = true;
        },
        failedRequestHandler: async ({ request }, error) => {
          const job = jobs.get(request.userData.job as number);
          if (job) failed(job, error);
          release(request.uniqueKey);
        },
      },
      new Configuration({ persistStorage: false }),
    );
    running = crawler.run();
    return crawler;
  };
  return {
    submit(job) {
      if (!existsSync(CHROMIUM_PATH)) {
        // Not fatal: the page stays "could not be read", with the reason.
        queueMicrotask(() => settle(job, failedPage(job, `无法渲染：未找到 Chromium（${CHROMIUM_PATH}）`, null, true)));
        return;
      }
      jobs.set(job.id, job);
      queue.push(job);
      ready ??= start();
      void ready.then(openPages, (e: unknown) => {
        // The browser could not start: every job waiting is answered with why.
        for (const j of queue.splice(0)) done(j, failedPage(j, `无法渲染：${firstLine(e)}`, null, true));
      });
    },
    async close() {
      await ready?.catch(() => undefined);
      if (!crawler || !running) return;
      crawler.stop();
      await running;
    },
  };
}

/** An error's first line, as much of it as a page's error column keeps. */
function firstLine(e: unknown): string {
  return (e as Error).message.split('\n')[0]!.slice(0, 300);
}

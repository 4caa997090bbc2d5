// Pages rendered in Debian's Chromium through crawlee's PlaywrightCrawler, for lists built by script.
// The rendered DOM is stored beside the raw page and read by the same extractors.
import { existsSync } from 'node:fs';
import type { PlaywrightCrawler } from '@crawlee/playwright';
import type { AddressGuard } from './address-guard.js';
import { BROWSER_ARGS, CHROMIUM_PATH, restrictRequests } from './browser.js';
import { failedPage, type Fetcher, type FetchJob, type Settle } from './fetcher.js';
import { USER_AGENT } from './user-agent.js';

export function renderFetcher(opts: { concurrency: number; timeoutSecs: number; guard: AddressGuard }, settle: Settle): Fetcher {
  const jobs = new Map<number, FetchJob>();
  const take = (id: number) => {
    const job = jobs.get(id)!;
    jobs.delete(id);
    return job;
  };
  let crawler: PlaywrightCrawler | null = null;
  let running: Promise<unknown> | null = null;
  let ready: Promise<PlaywrightCrawler> | null = null;
  // Playwright and crawlee are loaded when the first page needs rendering: together they cost ~140 MB
  // and ~0.4 s of start-up, and most crawls (all, with --render never) render nothing.
  const start = async () => {
    const [{ Configuration, log, LogLevel }, { PlaywrightCrawler }, { chromium }] = await Promise.all([import('@crawlee/core'), import('@crawlee/playwright'), import('playwright')]);
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
        launchContext: { launcher: chromium, userAgent: USER_AGENT, launchOptions: { executablePath: CHROMIUM_PATH, args: BROWSER_ARGS, headless: true } },
        browserPoolOptions: { useFingerprints: false },
        preNavigationHooks: [
          async ({ page, request }) => {
            await opts.guard.check(request.url);
            const job = jobs.get(request.userData.job as number);
            await restrictRequests(page, request.url, { guard: opts.guard, textOnly: true, body: job?.body });
          },
        ],
        requestHandler: async ({ request, page, response }) => {
          const job = take(request.userData.job as number);
          // Lists arrive after load (XHR, JSONP, templates): let the network go quiet, briefly.
          await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
          const status = response?.status() ?? null;
          settle(job, {
            url: job.url,
            finalUrl: page.url(),
            kind: job.kind,
            status,
            contentType: 'text/html; charset=utf-8',
            encoding: 'utf-8',
            fetchedAt: new Date().toISOString(),
            body: Buffer.from(await page.content(), 'utf8'),
            error: status !== null && status >= 400 ? `HTTP ${status}` : null,
            rendered: true,
          });
        },
        failedRequestHandler: async ({ request }, error) => {
          const job = take(request.userData.job as number);
          settle(job, failedPage(job, `渲染失败：${error.message.split('\n')[0]!.slice(0, 300)}`, null, true));
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
      ready ??= start();
      void ready.then(
        (c) => c.addRequests([{ url: job.url, uniqueKey: `render-${job.id}`, userData: { job: job.id } }]),
        (e: unknown) => settle(take(job.id), failedPage(job, `无法渲染：${(e as Error).message.split('\n')[0]!.slice(0, 300)}`, null, true)),
      );
    },
    async close() {
      await ready?.catch(() => undefined);
      if (!crawler || !running) return;
      crawler.stop();
      await running;
    },
  };
}

// Plain HTTP through crawlee's HttpCrawler: raw bytes (choucha decodes them), retries, timeouts.
import type { IncomingMessage } from 'node:http';
import { Configuration, log, LogLevel, NonRetryableError } from '@crawlee/core';
import { HttpCrawler, type HttpCrawlingContext } from '@crawlee/http';
import type { AddressGuard } from './address-guard.js';
import { failedPage, type Fetcher, type FetchJob, type Settle } from './fetcher.js';
import { USER_AGENT } from './user-agent.js';

/**
 * HttpCrawler reading at most `maxBodyBytes` of a body. got has already decompressed the stream, so
 * the cap also stops a gzip bomb a few KB long from expanding into gigabytes in memory.
 */
class CappedHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  maxBodyBytes = 10_000_000;

  protected override async _parseHTML(response: IncomingMessage): Promise<Partial<HttpCrawlingContext>> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > this.maxBodyBytes) {
        response.destroy();
        throw new NonRetryableError(`页面超过大小上限（${Math.round(this.maxBodyBytes / 1_000_000)} MB），未读取`);
      }
      chunks.push(chunk as Buffer);
    }
    return { body: Buffer.concat(chunks) };
  }
}

export function httpFetcher(opts: { concurrency: number; timeoutSecs: number; maxBodyBytes: number; guard: AddressGuard }, settle: Settle): Fetcher {
  // choucha records every failure itself (page error, crawl state); crawlee's own log would only repeat it.
  log.setLevel(LogLevel.OFF);
  const jobs = new Map<number, FetchJob>();
  const crawler = new CappedHttpCrawler(
    {
      keepAlive: true,
      maxConcurrency: opts.concurrency,
      // The autoscaled pool otherwise starts at 1 and ramps up slowly; politeness is enforced per host upstream.
      minConcurrency: opts.concurrency,
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
            // Every hop of a redirect passes the address guard too.
            beforeRedirect: [...(gotOptions.hooks?.beforeRedirect ?? []), async (o) => void (await opts.guard.check(String(o.url)))],
          };
        },
      ],
      requestHandler: async ({ request, response, body }) => {
        const job = take(request.userData.job as number);
        const status = response.statusCode ?? null;
        settle(job, {
          url: job.url,
          finalUrl: request.loadedUrl ?? request.url,
          kind: job.kind,
          status,
          contentType: (response.headers['content-type'] as string | undefined) ?? null,
          encoding: null,
          fetchedAt: new Date().toISOString(),
          body: Buffer.isBuffer(body) ? body : Buffer.from(String(body)),
          error: status !== null && status >= 400 ? `HTTP ${status}` : null,
        });
      },
      failedRequestHandler: async ({ request }, error) => {
        const job = take(request.userData.job as number);
        const m = /^(\d{3}) - /.exec(error.message);
        settle(job, failedPage(job, error.message.split('\n')[0]!.slice(0, 300), m ? Number(m[1]) : null));
      },
    },
    new Configuration({ persistStorage: false }),
  );
  crawler.maxBodyBytes = opts.maxBodyBytes;
  const take = (id: number) => {
    const job = jobs.get(id)!;
    jobs.delete(id);
    return job;
  };
  let running: Promise<unknown> | null = null;
  return {
    submit(job) {
      jobs.set(job.id, job);
      running ??= crawler.run();
      void crawler.addRequests([{ url: job.url, uniqueKey: `${job.id}`, userData: { job: job.id } }]);
    },
    async close() {
      if (!running) return;
      crawler.stop();
      await running;
    },
  };
}

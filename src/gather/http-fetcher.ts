// Plain HTTP through crawlee's HttpCrawler: raw bytes (choucha decodes them), retries, timeouts.
import type { IncomingMessage } from 'node:http';
import { Configuration, log, LogLevel, NonRetryableError } from '@crawlee/core';
import { HttpCrawler, type HttpCrawlingContext } from '@crawlee/http';
import type { AddressGuard } from './address-guard.js';
import { pinnedLookup } from './pinned-lookup.js';
import { failedPage, type Fetcher, type FetchJob, type Settle } from './fetcher.js';
import { USER_AGENT } from './user-agent.js';

// 4xx pages are answers to record, not errors to retry; 5xx are retried once, then recorded.
const ANSWERS = [400, 401, 403, 404, 405, 410, 451];

/**
 * HttpCrawler reading at most `maxBodyBytes` of any body, as raw bytes. got has already decompressed the
 * stream, so the cap also stops a gzip bomb a few KB long from expanding into gigabytes in memory.
 * crawlee's own reading is replaced whole: it re-encodes a body whose header names a charset other than
 * UTF-8 (a UTF-8 page labelled gbk came out as mojibake; choucha decodes from the bytes themselves), and
 * it reads JSON bodies and 5xx error pages without any cap.
 */
class CappedHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  maxBodyBytes = 10_000_000;

  protected override async _parseResponse(_request: unknown, response: IncomingMessage): Promise<{ body: Buffer; response: IncomingMessage; contentType: { type: string; encoding: BufferEncoding }; enqueueLinks: () => Promise<{ processedRequests: never[]; unprocessedRequests: never[] }> }> {
    const status = response.statusCode ?? 0;
    if (status >= 500 && !ANSWERS.includes(status)) {
      // Not read at all: the status is the answer, and an error page can be a bomb too.
      response.destroy();
      throw new Error(`${status} - 服务器错误（HTTP ${status}）`);
    }
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
    const type = String(response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    return { body: Buffer.concat(chunks), response, contentType: { type, encoding: 'utf8' }, enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }) };
  }
}

/**
 * crawlee's in-memory request queue keeps every request it was ever given and walks all of them to find
 * the next one, so one crawler over a very long crawl slows down quadratically. choucha keeps its own
 * frontier anyway: it hands each crawler `ROTATE_AFTER` requests, then starts a fresh one and lets the
 * old one finish what it holds and go. Rotation is not free: each retired crawler left ~15 MB on the
 * heap (measured with CHOUCHA_MEMLOG=1 at 500 requests per crawler over 300 sites), while one crawler
 * over those 6,400 requests kept the heap flat. Hence a large figure: about 1,000 sites per crawler.
 */
export const ROTATE_AFTER = 25_000;

interface Generation {
  crawler: CappedHttpCrawler;
  running: Promise<unknown> | null;
  submitted: number;
  open: number;
  retired: boolean;
}

export function httpFetcher(opts: { concurrency: number; timeoutSecs: number; maxBodyBytes: number; guard: AddressGuard; rotateAfter?: number }, settle: Settle): Fetcher {
  const rotateAfter = opts.rotateAfter ?? ROTATE_AFTER;
  // choucha records every failure itself (page error, crawl state); crawlee's own log would only repeat it.
  log.setLevel(LogLevel.OFF);
  const jobs = new Map<number, { job: FetchJob; gen: Generation }>();
  const finish = (id: number, page: Parameters<Settle>[1] | ((job: FetchJob) => Parameters<Settle>[1])) => {
    const entry = jobs.get(id)!;
    jobs.delete(id);
    entry.gen.open--;
    if (entry.gen.retired && entry.gen.open === 0) release(entry.gen);
    settle(entry.job, typeof page === 'function' ? page(entry.job) : page);
  };
  const make = (): Generation => {
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
        ignoreHttpErrorStatusCodes: ANSWERS,
        preNavigationHooks: [
          async ({ request }, gotOptions) => {
            await opts.guard.check(request.url);
            gotOptions.headers = { ...gotOptions.headers, 'user-agent': USER_AGENT };
            // No browser-like header sets: choucha says who it is, and generating them costs more than parsing the page.
            (gotOptions as { useHeaderGenerator?: boolean }).useHeaderGenerator = false;
            gotOptions.maxRedirects = 10;
            // Connections look names up through the guard, so they open to the addresses it checked (DNS rebinding).
            gotOptions.dnsLookup = pinnedLookup(opts.guard);
            gotOptions.hooks = {
              ...gotOptions.hooks,
              // Every hop of a redirect passes the address guard too.
              beforeRedirect: [...(gotOptions.hooks?.beforeRedirect ?? []), async (o) => void (await opts.guard.check(String(o.url)))],
            };
          },
        ],
        requestHandler: async ({ request, response, body }) => {
          const status = response.statusCode ?? null;
          finish(request.userData.job as number, (job) => ({
            url: job.url,
            finalUrl: request.loadedUrl ?? request.url,
            kind: job.kind,
            status,
            contentType: (response.headers['content-type'] as string | undefined) ?? null,
            encoding: null,
            fetchedAt: new Date().toISOString(),
            body: Buffer.isBuffer(body) ? body : Buffer.from(String(body)),
            error: status !== null && status >= 400 ? `HTTP ${status}` : null,
          }));
        },
        // Another try cannot change these answers: a redirect loop loops again, the guard refuses again.
        errorHandler: async ({ request }, error) => {
          if (/^Refused |Redirected \d+ times/.test(error.message)) request.noRetry = true;
        },
        failedRequestHandler: async ({ request }, error) => {
          const m = /^(\d{3}) - /.exec(error.message);
          finish(request.userData.job as number, (job) => failedPage(job, error.message.split('\n')[0]!.slice(0, 300), m ? Number(m[1]) : null));
        },
      },
      new Configuration({ persistStorage: false }),
    );
    crawler.maxBodyBytes = opts.maxBodyBytes;
    return { crawler, running: null, submitted: 0, open: 0, retired: false };
  };
  const batches = new Map<Generation, { url: string; uniqueKey: string; userData: { job: number } }[]>();
  let current = make();
  const all: Generation[] = [current];
  // A drained crawler is stopped and forgotten, so its queue's memory can be reclaimed.
  const release = (g: Generation) => {
    g.crawler.stop();
    void g.running?.then(() => {
      const i = all.indexOf(g);
      if (i >= 0) all.splice(i, 1);
    });
  };
  return {
    submit(job) {
      if (current.submitted >= rotateAfter) {
        current.retired = true;
        if (current.open === 0) release(current);
        current = make();
        all.push(current);
      }
      const gen = current;
      gen.submitted++;
      gen.open++;
      jobs.set(job.id, { job, gen });
      gen.running ??= gen.crawler.run();
      // One addRequests call per tick for everything submitted in it: crawlee validates and stores each
      // call's batch at a fixed cost that was a tenth of the crawl's time when paid per request.
      const batch = batches.get(gen) ?? [];
      if (batch.length === 0) {
        batches.set(gen, batch);
        queueMicrotask(() => {
          batches.delete(gen);
          void gen.crawler.addRequests(batch);
        });
      }
      batch.push({ url: job.url, uniqueKey: `${job.id}`, userData: { job: job.id } });
    },
    async close() {
      for (const g of all) if (g.running) g.crawler.stop();
      await Promise.all(all.map((g) => g.running));
      all.length = 0;
    },
  };
}

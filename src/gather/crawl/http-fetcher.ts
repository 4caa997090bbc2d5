// Plain pages: one GET each on undici (page-get), tried twice where another try can help.
// Why not crawlee's HttpCrawler, as rendered pages use PlaywrightCrawler: choucha keeps its own frontier,
// politeness and resume, so what HttpCrawler added per request was its queue, option validation and
// got: measured (npm run bench, 100 sites) at about a third of the crawl's main-thread CPU, and on its
// own, fetching with nothing else to do, HttpCrawler reached ~45% of a bare fetch of the same URLs.
// Its in-memory queue also slowed quadratically over a long crawl and each retired crawler kept ~15 MB.
import { Agent } from 'undici';
import { BlockedAddressError } from '../../errors.js';
import type { AddressGuard } from '../http/address-guard.js';
import { failedPage, type Fetcher, type FetchJob, type Settle } from './fetcher.js';
import { FinalFetchError, ServerError } from '../http/errors.js';
import { getPage, type PageAnswer } from '../http/page-get.js';
import { type ChallengeCookies, MAX_PASSES, RATE_LIMITED, refusal, WHY } from './challenge-cookies.js';
import { pinnedLookup } from '../http/pinned-lookup.js';
import { classify } from '../http/failure.js';
import { USER_AGENT } from '../http/user-agent.js';

/** A 5xx, a timeout or a dropped connection can pass; one more try, at once, as crawlee did. */
const TRIES = 2;

const FAILURE_LABEL: Record<string, string> = {
  reset: '连接被重置（connection reset）',
  refused: '连接被拒绝（connection refused）',
  dns: '域名无法解析（DNS）',
  tls: '证书或加密连接错误（TLS）',
  blocked: '地址被拒绝',
  other: '请求失败',
};

export function httpFetcher(
  opts: { timeoutSecs: number; maxBodyBytes: number; guard: AddressGuard; challenges?: ChallengeCookies },
  settle: Settle,
): Fetcher {
  // One pool of keep-alive connections, each opened to the address the guard checked (DNS rebinding).
  // Certificates are not verified, as crawlee did not: many government sites serve expired or incomplete
  // chains, and the crawl reads what a visitor would see past the warning. Availability probes judge TLS.
  const dispatcher = new Agent({ connect: { lookup: pinnedLookup(opts.guard), rejectUnauthorized: false }, keepAliveTimeout: 10_000 });
  const stop = new AbortController();
  const open = new Set<Promise<void>>();
  const challenges = opts.challenges;
  const cookies = challenges ? (url: string) => challenges.header(url) : undefined;

  /** The page as answered, tried twice where another try can help; or why there is none. */
  const get = async (job: FetchJob): Promise<PageAnswer | { error: string; status: number | null }> => {
    let lastError = '';
    let lastStatus: number | null = null;
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      if (stop.signal.aborted) break;
      const deadline = tryDeadline(stop.signal, opts.timeoutSecs * 1000);
      try {
        return await getPage(job.url, {
          guard: opts.guard,
          dispatcher,
          userAgent: USER_AGENT,
          maxBodyBytes: opts.maxBodyBytes,
          signal: deadline.signal,
          cookies,
        });
      } catch (e) {
        lastStatus = e instanceof ServerError ? e.status : null;
        lastError = describe(e, opts.timeoutSecs);
        if (e instanceof FinalFetchError || e instanceof BlockedAddressError) break;
      } finally {
        deadline.done();
      }
    }
    return { error: lastError.slice(0, 300), status: lastStatus };
  };

  const fetchOne = async (job: FetchJob) => {
    let page = await get(job);
    // A firewall's challenge: passed in the browser when the site may be rendered, then asked again with
    // the cookies it earned (challenge-cookies bounds how often).
    let why: string = WHY.noBrowser;
    // Each retry follows cookies newly earned, so MAX_PASSES bounds it; the count only guards that bound.
    for (let asked = 0; challenged(page) && job.challenge && challenges && !stop.signal.aborted; asked++) {
      if (asked > MAX_PASSES) {
        why = WHY.stillBlocked;
        break;
      }
      const next = await challenges.refused(page.finalUrl, page.cookie);
      if (!next.retry) {
        why = next.reason;
        break;
      }
      page = await get(job);
    }
    if ('waf' in page && page.status === RATE_LIMITED) why = WHY.rateLimited;
    if (!('waf' in page)) return settle(job, failedPage(job, page.error, page.status));
    if (page.cookie !== undefined && !page.waf) job.passedChallenge = true; // only earned cookies are sent
    settle(job, {
      url: job.url,
      finalUrl: page.finalUrl,
      kind: job.kind,
      status: page.status,
      contentType: page.contentType,
      encoding: null,
      fetchedAt: new Date().toISOString(),
      body: page.body,
      // A firewall's answer says the checker was stopped, not that the page is gone.
      error: page.waf ? refusal(page.status, why) : page.status >= 400 ? `HTTP ${page.status}` : null,
    });
  };

  return {
    submit(job) {
      const p = fetchOne(job).finally(() => open.delete(p));
      open.add(p);
    },
    async close() {
      // Only a crawl that stopped on an error leaves requests in flight: they are not waited for.
      stop.abort();
      await Promise.allSettled(open);
      await dispatcher.close();
    },
  };
}

/**
 * One try's signal: aborted when the crawl stops or the try runs out of time, as AbortSignal.any over
 * AbortSignal.timeout would be. Those two made a dependent signal and a timer object per request, a few
 * percent of the crawl's main thread; this is one controller and one timer, cleared when the try ends.
 */
function tryDeadline(stop: AbortSignal, ms: number): { signal: AbortSignal; done: () => void } {
  const ctl = new AbortController();
  const onStop = () => ctl.abort(stop.reason);
  const timer = setTimeout(() => ctl.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
  stop.addEventListener('abort', onStop, { once: true });
  return {
    signal: ctl.signal,
    done: () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
    },
  };
}

/** A firewall's challenge, which a browser may pass; a rate limit is none. */
function challenged(p: PageAnswer | { error: string }): p is PageAnswer {
  return 'waf' in p && p.waf && p.status !== RATE_LIMITED;
}

function describe(e: unknown, timeoutSecs: number): string {
  if (e instanceof FinalFetchError || e instanceof ServerError || e instanceof BlockedAddressError) return e.message;
  const { failure, error } = classify(e);
  if (failure === 'timeout') return `超时：${timeoutSecs} 秒内未收到完整响应（timeout）`;
  return `${FAILURE_LABEL[failure] ?? FAILURE_LABEL.other}：${error}`;
}

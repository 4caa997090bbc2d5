// The cookies a firewall's challenge earned in Chromium (browser/challenge), kept per host for the rest
// of the crawl: sent with every plain request to that host and to no other (a host is its name and
// port). One challenge is passed at a time per host; a cookie that stops working is earned once more,
// and after that, or when the browser cannot pass at all (a slider, a captcha), the host stays blocked.
import type { ChallengeCookie, ChallengeResult } from '../browser/challenge.js';
import { domainMatches } from '../browser/challenge.js';

/** Challenges passed per host at most: the first, and one more when its cookie stops working. */
export const MAX_PASSES = 2;

/** What the crawl says of a site it read with a challenge's cookies (the crawl's reason, the report). */
export const CHALLENGE_PASSED = '已通过网站防护（WAF）的浏览器验证';

const REFUSED = '网站防护拦截了检查';

/** The stored error of a page a firewall answered instead of the site. */
export function refusal(status: number, why: string): string {
  return `${REFUSED}（HTTP ${status}），${why}`;
}

/** Whether a stored page's error is a firewall's refusal: the page is asked for again, not kept. */
export function isRefusal(error: string | null): boolean {
  return error?.startsWith(REFUSED) === true;
}

/** A rate limit is no challenge: a browser would only be one more request refused. */
export const RATE_LIMITED = 429;

export const WHY = {
  rateLimited: '网站限制了请求频率（HTTP 429），需稍后核实',
  noBrowser: '需用浏览器通过其验证后核实（本次未启用浏览器渲染：--render never）',
  failed: (reason: string) => `浏览器未能通过其验证（${reason}），需人工核实`,
  stillBlocked: `浏览器 ${MAX_PASSES} 次通过其验证后仍被拦截，需人工核实`,
};

interface HostState {
  cookies: ChallengeCookie[];
  passes: number;
  pending: Promise<void> | null;
  failed: string | null;
}

export type AfterRefusal = { retry: true } | { retry: false; reason: string };

export class ChallengeCookies {
  private hosts = new Map<string, HostState>();

  constructor(private pass: (url: string) => Promise<ChallengeResult>) {}

  /** The Cookie header for a request to `url`: what its own host earned, nothing for any other host. */
  header(url: string): string | undefined {
    if (this.hosts.size === 0) return undefined; // most crawls meet no firewall: nothing to parse
    const u = new URL(url);
    const cookies = this.hosts.get(u.host)?.cookies;
    if (!cookies || cookies.length === 0) return undefined;
    const now = Date.now() / 1000;
    const sent = cookies.filter(
      (c) =>
        domainMatches(u.hostname, c.domain) &&
        (c.expires < 0 || c.expires > now) &&
        (!c.secure || u.protocol === 'https:') &&
        pathMatches(u.pathname, c.path),
    );
    return sent.length > 0 ? sent.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  /** The cookies a browser should carry to `url`'s host (a render of a page behind the same firewall). */
  cookies(url: string): ChallengeCookie[] {
    return this.hosts.size === 0 ? [] : (this.hosts.get(new URL(url).host)?.cookies ?? []);
  }

  /**
   * A firewall answered `url` although the request carried `sent` (its Cookie header, if any). Retry
   * when cookies were earned since, or once a challenge is passed now; else the reason it stays blocked.
   */
  async refused(url: string, sent: string | undefined): Promise<AfterRefusal> {
    const host = new URL(url).host;
    let s = this.hosts.get(host);
    if (!s) {
      s = { cookies: [], passes: 0, pending: null, failed: null };
      this.hosts.set(host, s);
    }
    for (;;) {
      if (s.pending) {
        await s.pending;
        continue;
      }
      if (this.header(url) !== sent) return { retry: true };
      if (s.failed) return { retry: false, reason: s.failed };
      if (s.passes >= MAX_PASSES) {
        s.failed = WHY.stillBlocked;
        continue;
      }
      s.passes++;
      const state = s;
      state.pending = this.pass(url).then(
        (r) => {
          if (r.passed) state.cookies = r.cookies;
          else state.failed = WHY.failed(r.reason);
          state.pending = null;
        },
        (e: unknown) => {
          state.failed = WHY.failed((e as Error).message);
          state.pending = null;
        },
      );
    }
  }
}

/** RFC 6265's path match: "/" matches everything, "/a" matches "/a", "/a/" and "/a/b", not "/ab". */
function pathMatches(path: string, cookiePath: string): boolean {
  if (cookiePath === '' || cookiePath === '/' || path === cookiePath) return true;
  return path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/');
}

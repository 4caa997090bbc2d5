// A firewall's JavaScript challenge (创宇盾, 安全狗, 云盾…) passed in Chromium: the challenge page runs a
// script that computes a value, sets it as a cookie and reloads; the firewall then serves the site to
// whoever carries that cookie. A person with a browser passes without noticing, so the checker does
// the same, once per host, and hands the cookies to its plain requests. A slider or a captcha needs a
// person: the wait is bounded and the host stays blocked, with the reason.
import type { Browser, Page, Response } from 'playwright';
import type { AddressGuard } from '../http/address-guard.js';
import { USER_AGENT } from '../http/user-agent.js';
import { blockedByWaf } from '../http/waf.js';
import { launchBrowser, restrictRequests } from './browser.js';

/** A cookie the browser holds for the challenged host, as Playwright gives and takes it. */
export interface ChallengeCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  secure: boolean;
}

export type ChallengeResult = { passed: true; cookies: ChallengeCookie[] } | { passed: false; reason: string };

/** Wording of a challenge only a person can answer, for the reason. */
const NEEDS_A_PERSON = /验证码|滑块|滑动|拖动|人机验证|captcha|slider/i;

/** Opens `url` in a fresh context and waits at most `timeoutMs` for the firewall to let the page through. */
async function passChallenge(browser: Browser, url: string, opts: { guard: AddressGuard; timeoutMs: number }): Promise<ChallengeResult> {
  const context = await browser.newContext({ userAgent: USER_AGENT, serviceWorkers: 'block' });
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    // The challenge may talk only to its own host, through the address guard, as every render does.
    // The page is not shown a response's Set-Cookie, which is how a firewall's 403/503 is known: the
    // headers are taken as fetched.
    const fetched = new Map<string, Record<string, string>>();
    await restrictRequests(page, url, { guard: opts.guard, textOnly: true, onFetched: (u, h) => fetched.set(u, h) });
    const through = new Promise<Response>((resolve) => {
      page.on('response', (r) => {
        if (r.frame() !== page.mainFrame() || !r.request().isNavigationRequest()) return;
        if (r.status() >= 300 && r.status() < 400) return; // a redirect on the way is no answer yet
        void r.allHeaders().then(
          (h) => blockedByWaf(r.status(), { ...h, ...fetched.get(r.url()) }) || resolve(r),
          () => undefined,
        );
      });
    });
    const outOfTime = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), opts.timeoutMs)));
    // The challenge's reload interrupts this navigation: its end is not waited for, the answer is.
    const opened = page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    // A navigation that ended, was replaced by the reload or ran out of time decides nothing; one that
    // could not start at all (refused, or stopped by the guard) is the reason.
    const failed = opened.then((e) => (e && !/interrupted|ERR_ABORTED|Timeout/i.test(e.message) ? e : never()));
    const passed = await Promise.race([through, outOfTime, failed]);
    if (passed instanceof Error) return { passed: false, reason: `浏览器打开页面失败：${passed.message.split('\n')[0]!.slice(0, 200)}` };
    if (passed === null) return { passed: false, reason: await whyNotPassed(page, opts.timeoutMs) };
    const host = new URL(passed.url()).hostname;
    const cookies = (await context.cookies()).filter((c) => domainMatches(host, c.domain));
    return {
      passed: true,
      cookies: cookies.map(({ name, value, domain, path, expires, secure }) => ({ name, value, domain, path, expires, secure })),
    };
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

function never(): Promise<never> {
  return new Promise(() => undefined);
}

async function whyNotPassed(page: Page, timeoutMs: number): Promise<string> {
  const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
  return NEEDS_A_PERSON.test(text) ? '页面要求人工完成滑块或验证码' : `${Math.round(timeoutMs / 1000)} 秒内未通过验证`;
}

/** Whether a cookie of `domain` (".example.gov.cn" or "www.example.gov.cn") is sent to `host`. */
export function domainMatches(host: string, domain: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = host.toLowerCase();
  return h === d || h.endsWith(`.${d}`);
}

/** One browser for every challenge of a crawl, launched at the first one: most crawls meet none. */
export function challengePasser(opts: { guard: AddressGuard; timeoutMs: number }): {
  pass(url: string): Promise<ChallengeResult>;
  close(): Promise<void>;
} {
  let browser: Promise<Browser> | null = null;
  return {
    async pass(url) {
      browser ??= launchBrowser();
      try {
        return await passChallenge(await browser, url, opts);
      } catch (e) {
        return { passed: false, reason: `浏览器未能启动或运行：${(e as Error).message.split('\n')[0]!.slice(0, 200)}` };
      }
    },
    async close() {
      const b = await browser?.catch(() => null);
      await b?.close().catch(() => undefined);
    },
  };
}

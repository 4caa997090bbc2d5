// Rendering pages whose lists are built by script, in Debian's Chromium driven by Playwright.
// A rendered page may only talk to its own host, and every request passes the address guard:
// a page's scripts must not become a way to reach other sites or the inspector's own network.
import { existsSync } from 'node:fs';
import type { APIResponse, Browser, Page } from 'playwright';
import { getDomain } from 'tldts';
import { ChouchaError } from '../../errors.js';
import type { AddressGuard } from '../http/address-guard.js';
import { USER_AGENT } from '../http/user-agent.js';

export const CHROMIUM_PATH = process.env.CHOUCHA_CHROMIUM ?? '/usr/bin/chromium';

// Background networking off: the browser itself must not phone anywhere (and on a closed network it
// would only fail, many connections at a time).
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class BrowserMissingError extends ChouchaError {
  override readonly exitCode = 2;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BrowserMissingError(
      `No Chromium at ${CHROMIUM_PATH}`,
      'Rendering uses the system Chromium; no browser is downloaded.',
      'Install it with `apt-get install chromium`, or set CHOUCHA_CHROMIUM to its path.',
    );
  }
  // Loaded on first use: Playwright costs ~90 MB and half a second, and most runs never render.
  const { chromium } = await import('playwright');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: BROWSER_ARGS, headless: true });
}

export interface Rendered {
  html: string;
  finalUrl: string;
  status: number | null;
  page: Page;
}

export interface RenderOptions {
  guard: AddressGuard;
  timeoutMs: number;
  /** Serve these bytes at the URL instead of fetching it (a saved page rendered as if at its address). */
  body?: { bytes: Buffer; contentType: string | null };
  /** Fetch nothing at all beyond `body` (a saved page whose address is unknown). */
  offline?: boolean;
}

/** Open `url` in a fresh page and wait until its scripts have settled. The caller closes `page`. */
export async function render(browser: Browser, url: string, opts: RenderOptions): Promise<Rendered> {
  const context = await browser.newContext({ userAgent: USER_AGENT, viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await restrictRequests(page, url, opts);
  const res = await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs });
  // Lists arrive after load (XHR, JSONP, template rendering): wait for the network to go quiet, briefly.
  await page.waitForLoadState('networkidle', { timeout: Math.min(opts.timeoutMs, 5000) }).catch(() => undefined);
  return { html: await page.content(), finalUrl: page.url(), status: res?.status() ?? null, page };
}

/**
 * Every request the page makes: the saved body for the page itself when given, its own host through
 * the address guard, nothing else.
 */
export async function restrictRequests(
  page: Page,
  url: string,
  opts: Pick<RenderOptions, 'guard' | 'body' | 'offline'> & {
    textOnly?: boolean;
    /** Each response as fetched, with every header: the page is not shown its Set-Cookie (a firewall's mark). */
    onFetched?: (url: string, headers: Record<string, string>) => void;
  },
): Promise<void> {
  // The page's own host, and the hosts of its own domain a guarded redirect led it to (x.gov.cn →
  // www.x.gov.cn, a county's pages on its city's 集约化 platform under the same domain).
  const hosts = new Set([new URL(url).host]);
  const domain = getDomain(new URL(url).hostname);
  await page.route('**/*', async (route) => {
    const target = route.request().url();
    // Reading lists needs the scripts and their data, not pictures: spare the site the traffic.
    if (opts.textOnly && ['image', 'media', 'font'].includes(route.request().resourceType())) return route.abort('blockedbyclient');
    if (opts.body && target === url) {
      return route.fulfill({ status: 200, body: opts.body.bytes, contentType: opts.body.contentType ?? 'text/html' });
    }
    let u: URL;
    try {
      u = new URL(target);
    } catch {
      return route.abort('blockedbyclient');
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    if (!hosts.has(u.host) || opts.offline) return route.abort('blockedbyclient');
    try {
      await opts.guard.check(target);
    } catch {
      return route.abort('blockedbyclient');
    }
    // Chromium follows a redirect without asking this route again: a site could send the page to another
    // host or into the inspector's own network. So a redirect's whole chain is walked here first, each hop
    // checked as a request would be, and the page may follow it only when every hop stays home.
    let response: APIResponse;
    try {
      response = await route.fetch({ maxRedirects: 0 });
    } catch {
      return route.abort('failed').catch(() => undefined);
    }
    if (REDIRECT.has(response.status()) && !(await chainStaysHome(page, target, response, { hosts, domain }, opts.guard))) {
      return route.abort('blockedbyclient').catch(() => undefined);
    }
    opts.onFetched?.(target, response.headers());
    return route.fulfill({ response }).catch(() => undefined);
  });
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const MAX_HOPS = 10;

async function chainStaysHome(
  page: Page,
  from: string,
  first: APIResponse,
  home: { hosts: Set<string>; domain: string | null },
  guard: AddressGuard,
): Promise<boolean> {
  let at = from;
  let res = first;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const location = res.headers().location;
    if (!location) return true;
    let next: URL;
    try {
      next = new URL(location, at);
    } catch {
      return false;
    }
    if (!home.hosts.has(next.host)) {
      if (home.domain === null || getDomain(next.hostname) !== home.domain) return false;
      home.hosts.add(next.host);
    }
    try {
      await guard.check(next.href);
      res = await page.context().request.get(next.href, { maxRedirects: 0 });
    } catch {
      return false;
    }
    if (!REDIRECT.has(res.status())) return true;
    at = next.href;
  }
  return false;
}

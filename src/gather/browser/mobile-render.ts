// Mobile adaptation (移动端适配): each sampled site's homepage laid out in Chromium at a phone's width
// (375 CSS pixels), once per check, and how wide the document is there. A page made for phones fits; a
// page laid out at 1,200 pixels makes a person scroll sideways. The viewport is a plain one, not a
// phone's emulation: an emulated phone zooms a page without a viewport tag out to 980 pixels, which
// hides the very thing measured here (whether the page declares a viewport is read from its markup).
// Every request passes the address guard and stays on the site's host, as every render does.
import type { Browser } from 'playwright';
import type { MobileRenderArtifact } from '../../model/artifacts.js';
import type { Site } from '../../model/site.js';
import { type Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { measuredFunctionSites, saveFunctionCheck } from '../../store/function-checks.js';
import type { AddressGuard } from '../http/address-guard.js';
import { runPerHost } from '../http/host-lanes.js';
import { USER_AGENT } from '../http/user-agent.js';
import { blockedByWaf } from '../http/waf.js';
import { BrowserMissingError, launchBrowser, restrictRequests } from './browser.js';
import { pendingSites } from '../../store/pending-sites.js';

const PHONE_WIDTH = 375;

export interface MobileOptions {
  guard: AddressGuard;
  timeoutMs: number;
  concurrency: number;
  /** False with `--render never`: nothing is rendered, and each site is stored with why. */
  render: boolean;
  width?: number;
  onSite?: (siteId: string, a: MobileRenderArtifact) => void;
}

/** Renders every sampled site not measured yet; returns how many were measured, skipped, or not rendered and why. */
export async function checkMobile(
  db: Db,
  check: Check,
  opts: MobileOptions,
): Promise<{ measured: number; skipped: number; notRendered: string | null }> {
  const done = measuredFunctionSites(db, check.id, 'mobile', (d) => d.notTheSite);
  const { sampled, pending: todo } = pendingSites(db, check.id, done);
  const width = opts.width ?? PHONE_WIDTH;
  const store = (site: Site, a: MobileRenderArtifact) => {
    saveFunctionCheck(db, check.id, site.id, 'mobile', a);
    opts.onSite?.(site.id, a);
  };
  const unrendered = (why: string) => {
    for (const s of todo) store(s, notRendered(s.url, width, why));
    return { measured: 0, skipped: sampled - todo.length, notRendered: why };
  };
  if (todo.length === 0) return { measured: 0, skipped: sampled, notRendered: null };
  if (!opts.render) return unrendered('渲染已关闭（--render never），未在手机宽度下打开首页');
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    if (e instanceof BrowserMissingError) return unrendered(`没有可用的浏览器：${e.message}`);
    throw e;
  }
  try {
    await runPerHost(
      todo,
      (s) => new URL(s.url).host,
      { concurrency: opts.concurrency, perHost: 1 },
      async (site) => store(site, await measureMobile(browser, site.url, { guard: opts.guard, timeoutMs: opts.timeoutMs, width })),
    );
  } finally {
    await browser.close();
  }
  return { measured: todo.length, skipped: sampled - todo.length, notRendered: null };
}

function notRendered(url: string, width: number, why: string): MobileRenderArtifact {
  return { url, checkedAt: new Date().toISOString(), finalUrl: null, width, scrollWidth: null, error: why, notTheSite: true };
}

/** The homepage laid out at `width`: the document's width there, or why it could not be opened. */
async function measureMobile(
  browser: Browser,
  url: string,
  opts: { guard: AddressGuard; timeoutMs: number; width: number },
): Promise<MobileRenderArtifact> {
  const checkedAt = new Date().toISOString();
  const context = await browser.newContext({
    userAgent: USER_AGENT,
    viewport: { width: opts.width, height: 740 },
    serviceWorkers: 'block',
  });
  const base = { url, checkedAt, width: opts.width };
  try {
    const page = await context.newPage();
    // Images stay: their sizes are part of the layout measured.
    await restrictRequests(page, url, { guard: opts.guard });
    const res = await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs });
    await page.waitForLoadState('networkidle', { timeout: Math.min(opts.timeoutMs, 3000) }).catch(() => undefined);
    const waf = res !== null && blockedByWaf(res.status(), await res.allHeaders());
    if (res && (res.status() >= 400 || waf)) {
      return {
        ...base,
        finalUrl: page.url(),
        scrollWidth: null,
        error: `首页返回 HTTP ${res.status()}${waf ? '（防火墙拦截）' : ''}`,
        notTheSite: waf,
      };
    }
    const scrollWidth = await page.evaluate(() =>
      Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0),
    );
    return { ...base, finalUrl: page.url(), scrollWidth, error: null, notTheSite: false };
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!.slice(0, 200);
    // The guard refusing the address, or a page sent to another host, is the checker's limit, not the site's fault.
    const notTheSite = /ERR_BLOCKED_BY_CLIENT|blockedbyclient/i.test(message);
    return { ...base, finalUrl: null, scrollWidth: null, error: `浏览器打开首页失败：${message}`, notTheSite };
  } finally {
    await context.close().catch(() => undefined);
  }
}

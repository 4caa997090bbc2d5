// Site search (站内搜索), tried once per check as a person would: the search form on the stored homepage,
// filled with the title of a recent item the crawl saw, submitted, and the results page read for that
// item among its links. Only a GET form is submitted: a POST form or one asking for a 验证码 is not the
// checker's to send, and one submitted by script alone needs the browser. Words are encoded in the
// homepage's own charset, as a browser sends them (a GBK site's ASP search reads GBK). A results page
// that lists nothing as served, but builds its list by script, is rendered in Chromium when rendering
// is on; otherwise the search is left unjudged with why.
import iconv from 'iconv-lite';
import type { Browser } from 'playwright';
import { decodeHtml } from '../../extract/decode.js';
import { homepageFeaturesOf } from '../../extract/homepage-features.js';
import { readResults, searchWords } from '../../extract/search-results.js';
import type { ListArtifact, SearchCheckArtifact, SearchFormArtifact, ScriptControlArtifact } from '../../model/artifacts.js';
import { isCheckerFailure } from '../../model/artifacts.js';
import type { Site } from '../../model/site.js';
import { type Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { measuredFunctionSites, saveFunctionCheck } from '../../store/function-checks.js';
import { channelsOf } from '../../store/channels.js';
import { listsOf } from '../../store/lists.js';
import { homepageBody } from '../../store/stored-bodies.js';
import { BrowserMissingError, launchBrowser, render } from '../browser/browser.js';
import type { AddressGuard } from '../http/address-guard.js';
import { classify } from '../http/failure.js';
import { fetchPage } from '../http/fetch-guarded.js';
import { runPerHost } from '../http/host-lanes.js';
import { USER_AGENT } from '../http/user-agent.js';
import { pendingSites } from '../../store/pending-sites.js';

/** How long a box's Enter may take to open results before its button is tried. */
const ENTER_WAIT_MS = 5_000;
/** How long a button may take to become clickable. */
const CLICK_WAIT_MS = 5_000;

export interface SearchOptions {
  guard: AddressGuard;
  timeoutMs: number;
  concurrency: number;
  /** Results built by script are rendered in Chromium; false with `--render never`. */
  render: boolean;
  maxBytes?: number;
  onSite?: (siteId: string, a: SearchCheckArtifact) => void;
}

/** What says a page has a search when it has no form a checker can read. */
const SEARCH_HINT = /搜索|检索|search|sousuo|jsearch|so\b/i;

/** Tries every sampled site's search not tried yet in this check (a homepage never stored is not tried). */
export async function checkSearch(db: Db, check: Check, opts: SearchOptions): Promise<{ tried: number; skipped: number }> {
  const done = measuredFunctionSites(db, check.id, 'search', (d) => isCheckerFailure(d.failure) || d.needsRender);
  const { sampled, pending } = pendingSites(db, check.id, done);
  const todo = pending.flatMap((site) => {
    const home = homepageBody(db, check.id, site.id);
    return home ? [{ site, home }] : [];
  });
  // One browser, launched by the first site that needs it: sites searched at once share the launch.
  let launching: Promise<Browser | null> | null = null;
  const browserFor = (): Promise<Browser | null> => {
    if (!opts.render) return Promise.resolve(null);
    launching ??= launchBrowser().catch((e: unknown) => {
      if (e instanceof BrowserMissingError) return null;
      throw e;
    });
    return launching;
  };
  try {
    await runPerHost(
      todo,
      ({ site }) => new URL(site.url).host,
      { concurrency: opts.concurrency, perHost: 1 },
      async ({ site, home }) => {
        const decoded = decodeHtml(home.body, home.contentType);
        const features = homepageFeaturesOf(decoded.text, home.finalUrl);
        // A board's letters are the public's, and a site's search seldom holds them: search for what the site published.
        const boards = new Set(channelsOf(db, check.id, site.id).map((c) => c.url));
        const published = listsOf(db, check.id, site.id).filter((l) => !boards.has(l.url) && !boards.has(l.moreUrl ?? ''));
        const a = await trySearch(site, features, decoded.encoding, published, { ...opts, browser: browserFor });
        saveFunctionCheck(db, check.id, site.id, 'search', a);
        opts.onSite?.(site.id, a);
      },
    );
  } finally {
    // Assigned in the closure above: the compiler cannot see it.
    const pending = launching as Promise<Browser | null> | null;
    const browser = pending ? await pending.catch(() => null) : null;
    await browser?.close();
  }
  return { tried: todo.length, skipped: sampled - todo.length };
}

/**
 * An item the crawl saw on the site's own host whose title says enough to search by: from the homepage's
 * blocks when they show one (what the site puts forward), else from its columns; the newest dated first,
 * an undated one only when nothing is dated.
 */
export function pickTitle(site: Site, lists: ListArtifact[]): { title: string; from: string } | null {
  const host = new URL(site.url).host;
  const candidates = lists.flatMap((l) =>
    l.items
      .filter((i) => i.url && new URL(i.url).host === host && searchWords(i.title).length >= 6)
      .map((i) => ({ title: searchWords(i.title), from: l.url, date: i.date ?? '', block: l.kind === 'homepage-block' })),
  );
  const rank = (c: (typeof candidates)[number]) => (c.date ? 0 : 2) + (c.block ? 0 : 1);
  candidates.sort((a, b) => rank(a) - rank(b) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const best = candidates[0];
  return best ? { title: best.title, from: best.from } : null;
}

/** The form a person would use: a text field and an action, GET before POST. */
function searchForm(forms: SearchFormArtifact[]): SearchFormArtifact | null {
  const usable = forms.filter((f) => f.textField !== null);
  return usable.find((f) => f.method === 'get' && f.action && !f.captcha) ?? usable[0] ?? null;
}

function encodeQuery(params: [string, string][], encoding: string): string {
  const enc = /gb/i.test(encoding) ? encoding : 'utf-8';
  const pct = (s: string) =>
    [...iconv.encode(s, enc)]
      .map((b) =>
        /[A-Za-z0-9*\-._]/.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : b === 0x20
            ? '+'
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
  return params.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
}

type TryOptions = SearchOptions & { browser: () => Promise<Browser | null> };

export async function trySearch(
  site: Site,
  features: { forms: SearchFormArtifact[]; controls: ScriptControlArtifact[] },
  encoding: string,
  lists: ListArtifact[],
  opts: TryOptions,
): Promise<SearchCheckArtifact> {
  const base: SearchCheckArtifact = {
    checkedAt: new Date().toISOString(),
    form: null,
    skipped: null,
    skippedDetail: null,
    query: null,
    queryFrom: null,
    resultUrl: null,
    status: null,
    failure: null,
    error: null,
    found: null,
    readAs: null,
    needsRender: false,
  };
  const form = searchForm(features.forms);
  if (!form) {
    const hint = features.controls.find((c) => SEARCH_HINT.test(`${c.text} ${c.hint}`));
    return hint ? typeInBrowser(site, lists, `搜索由脚本提交（${hint.text || hint.hint}）`, base, opts) : { ...base, skipped: 'no-search' };
  }
  if (form.method === 'post') return { ...base, skipped: 'post', skippedDetail: form.action };
  if (form.captcha) return { ...base, skipped: 'captcha', skippedDetail: form.action };
  if (!form.action) return typeInBrowser(site, lists, '表单由脚本提交（javascript:）', base, opts);
  const q = pickTitle(site, lists);
  if (!q) return { ...base, skipped: 'no-title', form: { action: form.action, field: form.textField! } };
  const action = new URL(form.action);
  const query = encodeQuery([...form.hidden.map((h): [string, string] => [h.name, h.value]), [form.textField!, q.title]], encoding);
  const url = `${action.origin}${action.pathname}?${action.search ? `${action.search.slice(1)}&` : ''}${query}`;
  const tried = { ...base, form: { action: form.action, field: form.textField! }, query: q.title, queryFrom: q.from, resultUrl: url };
  let page: { status: number; finalUrl: string; contentType: string | null; body: Buffer };
  try {
    page = await fetchPage(url, {
      guard: opts.guard,
      timeoutMs: opts.timeoutMs,
      userAgent: USER_AGENT,
      maxBytes: opts.maxBytes ?? 5_000_000,
    });
  } catch (e) {
    const c = classify(e);
    return { ...tried, failure: c.failure, error: c.error };
  }
  const done = { ...tried, resultUrl: page.finalUrl, status: page.status };
  if (page.status >= 400) return done;
  const served = readResults(decodeHtml(page.body, page.contentType).text, q.title);
  if (served.found) return { ...done, found: true, readAs: 'served' };
  if (!served.scripted) return { ...done, found: false, readAs: 'served' };
  const browser = await opts.browser();
  if (!browser) return { ...done, needsRender: true };
  try {
    const r = await render(browser, page.finalUrl, { guard: opts.guard, timeoutMs: opts.timeoutMs });
    const html = r.html;
    await r.page.close();
    return { ...done, found: readResults(html, q.title).found, readAs: 'rendered' };
  } catch (e) {
    return { ...done, needsRender: true, error: `渲染结果页失败：${(e as Error).message.split('\n')[0]!.slice(0, 200)}` };
  }
}

// A text field a person would take for the site's search: named for it, else the only one on the page.
const SEARCH_FIELD = /search|keyword|kw|query|sousuo|ss|q$|搜索|检索|关键[字词]|请输入/i;
const SUBMIT_HINT = /搜索|检索|search|sousuo|查询|btn|submit/i;

/**
 * A search submitted only by script, tried as a person would: the homepage opened in Chromium, the title
 * typed into its search box, Enter pressed (or the search button clicked), and the page it leads to read.
 * Not judged, with why, when rendering is off, no search box is found, or nothing opens: a page that
 * stayed on the homepage would "find" the title in the homepage's own list.
 */
async function typeInBrowser(
  site: Site,
  lists: ListArtifact[],
  why: string,
  base: SearchCheckArtifact,
  opts: TryOptions,
): Promise<SearchCheckArtifact> {
  const skipped = (detail: string): SearchCheckArtifact => ({ ...base, skipped: 'script', skippedDetail: detail });
  const q = pickTitle(site, lists);
  if (!q) return { ...base, skipped: 'no-title' };
  const browser = await opts.browser();
  if (!browser) return skipped(`${why}，未开启浏览器渲染`);
  let opened: Awaited<ReturnType<typeof render>> | null = null;
  try {
    opened = await render(browser, site.url, { guard: opts.guard, timeoutMs: opts.timeoutMs });
    const page = opened.page;
    const start = page.url();
    const fields = await page.$$('input[type="text"], input[type="search"], input:not([type])');
    const visible: { el: (typeof fields)[number]; hint: string }[] = [];
    for (const el of fields) {
      if (!(await el.isVisible())) continue;
      const hint = await el.evaluate((e) => ['name', 'id', 'class', 'placeholder', 'title'].map((k) => e.getAttribute(k) ?? '').join(' '));
      visible.push({ el, hint });
    }
    const field = visible.find((f) => SEARCH_FIELD.test(f.hint)) ?? (visible.length === 1 ? visible[0] : undefined);
    if (!field) return skipped(`${why}，浏览器中未找到搜索框`);
    await field.el.fill(q.title);
    // The form is the homepage's box: what it submits to is the script's business.
    const tried = { ...base, query: q.title, queryFrom: q.from, form: { action: site.url, field: field.hint.trim().slice(0, 60) } };
    const context = page.context();
    const pagesBefore = context.pages().length;
    // After Enter, a few seconds tell a box whose Enter does nothing; after a click on its button, the
    // results page gets the page's own timeout: a slow site (or a loaded machine: a test failed so at
    // 5 s) is still loading it, not refusing to open it.
    const moved = async (withinMs: number) => {
      for (let waited = 0; waited < withinMs; waited += 250) {
        const pages = context.pages();
        if (pages.length > pagesBefore) return pages.at(-1)!;
        if (page.url() !== start) return page;
        await new Promise((r) => setTimeout(r, 250));
      }
      return null;
    };
    await field.el.press('Enter').catch(() => undefined);
    let target = await moved(ENTER_WAIT_MS);
    if (!target) {
      // Enter does nothing on some boxes: the button beside it does (in its form, or the box around both).
      const box = await field.el.evaluateHandle((e) => e.closest('form') ?? e.parentElement?.parentElement ?? e.parentElement ?? e);
      const buttons = await box.$$('button, input[type="submit"], input[type="button"], input[type="image"], a, img');
      for (const b of buttons) {
        if (!(await b.isVisible())) continue;
        const label = await b.evaluate((e) =>
          [e.textContent ?? '', ...['value', 'alt', 'title', 'class', 'id', 'onclick'].map((k) => e.getAttribute(k) ?? '')].join(' '),
        );
        if (!SUBMIT_HINT.test(label) || label.length > 200) continue;
        await b.click({ timeout: Math.min(opts.timeoutMs, CLICK_WAIT_MS) }).catch(() => undefined);
        target = await moved(opts.timeoutMs);
        if (target) break;
      }
    }
    if (!target) return skipped(`${why}，浏览器中提交搜索后没有打开结果页`);
    await target.waitForLoadState('load', { timeout: opts.timeoutMs }).catch(() => undefined);
    await target.waitForLoadState('networkidle', { timeout: Math.min(opts.timeoutMs, 5000) }).catch(() => undefined);
    const resultUrl = target.url();
    // A results page the render was not let reach (another domain, the guard) is not the site's answer.
    if (!/^https?:/.test(resultUrl)) return skipped(`${why}，结果页未能打开（${resultUrl.slice(0, 80)}）`);
    const html = await target.content();
    return { ...tried, resultUrl, status: null, found: readResults(html, q.title).found, readAs: 'typed' };
  } catch (e) {
    return skipped(`${why}，浏览器中搜索失败：${(e as Error).message.split('\n')[0]!.slice(0, 160)}`);
  } finally {
    if (opened)
      await opened.page
        .context()
        .close()
        .catch(() => undefined);
  }
}

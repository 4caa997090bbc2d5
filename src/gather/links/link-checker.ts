// Checking every link target once per check (all sites share the answers): HEAD first, GET where HEAD
// is refused or not to be trusted, redirects followed hop by hop through the address guard.
// 404, 410 and 403 are certain; timeouts, 5xx and connection errors are only suspected, tried again
// at the end of the run, and counted only if they fail again. What is not about the site is never
// counted: a firewall stopping the checker is `blocked`, and a failure of the checker's own network
// (its DNS, or an outage that strikes many hosts at once: see vantage.ts) is the `vantage`'s.
// Of each outbound host (not a site of the check, not .gov.cn) it also keeps, once, what a person
// following the link would meet now: the homepage's gist, a parking or sale page (extract/target-page),
// or, for a name that does not exist while the checker's DNS works, whether the domain itself lapsed
// (domain-lapse.ts). The rules judge what that means.
import { BlockedAddressError } from '../../errors.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import {
  type LinkCheck,
  markLinkChecks,
  okTargets,
  saveLinkCheck,
  saveLinkHost,
  seenLinkHosts,
  suspectTargets,
  uncheckedTargetsAfter,
} from '../../store/links.js';
import { targetsWithStatus } from '../../store/link-targets-done.js';
import type { ProbeFailure } from '../../model/artifacts.js';
import type { AddressGuard } from '../http/address-guard.js';
import { Agent } from 'undici';
import { linkStatus } from '../http/link-request.js';
import { getPage } from '../http/page-get.js';
import { randomBytes } from 'node:crypto';
import { notFoundMessage } from '../../extract/soft-404.js';
import { pinnedLookup } from '../http/pinned-lookup.js';
import { runPerHost } from '../http/host-lanes.js';
import { classify } from '../http/failure.js';
import { USER_AGENT } from '../http/user-agent.js';
import { DEFAULT_CANARIES, lazyHealth, SharedFailures } from '../http/vantage.js';
import { readTargetPage } from '../../extract/target-page.js';
import { lapsedDomain, type ZoneLookup, zoneLookup } from './domain-lapse.js';

export type LinkScope = 'all' | 'internal' | 'none';

export interface LinkCheckOptions {
  scope: LinkScope;
  /** Hosts of the check's own sites: "internal" means a link to one of them. */
  internalHosts: Set<string>;
  guard: AddressGuard;
  concurrency: number;
  perHost: number;
  timeoutMs: number;
  /** Pause before suspects are tried again. */
  retryAfterMs: number;
  /** Pages' links read per step (tests use small steps). */
  pagesPerStep?: number;
  /** Names resolved to tell the checker's DNS failing from a site's; DEFAULT_CANARIES when absent, none with []. */
  canaries?: readonly string[];
  /** How zones are asked whether a dead link's domain still exists; the machine's DNS servers when absent. */
  zones?: ZoneLookup;
  /**
   * A worker's batch: the first try of exactly these targets (those with a status already are skipped).
   * Suspects are left for the pass that follows every batch (`checkLinks` without `only`).
   */
  only?: string[];
}

const CERTAIN = new Set([404, 410, 403]);
/** Bytes of a page read to tell a soft 404: the message sits in the title or near the top. */
const SOFT_404_BYTES = 256 * 1024;
/**
 * Pages whose links are read per step. A step's targets are all checked and saved before the next step
 * is read, so memory holds one step whatever the size of the check (1,000 sites: ~21k pages, ~600k links,
 * ~125k distinct targets; a step of 200 government pages holds at most some 60k targets).
 */
export const LINK_PAGES_PER_STEP = 200;
/** Statuses written per transaction: one commit per target cost more than a HEAD on loopback. */
const SAVE_BATCH = 64;

/** Statuses land in the store (link_checks); callers read them from there. */
export async function checkLinks(db: Db, check: Check, opts: LinkCheckOptions): Promise<void> {
  if (opts.scope === 'none') return;
  // Asked once a pass, and only when a name failed to resolve (vantage.ts).
  const health = lazyHealth(opts.guard.resolver, opts.canaries ?? DEFAULT_CANARIES);

  // Per origin: whether a path that cannot exist is answered with 200 (soft404 below).
  const notFoundPages = new Map<string, Promise<{ soft: boolean; errorPage: string | null }>>();

  // Outbound hosts already seen (in this run, or stored by an earlier one): each is looked at once a check.
  const hostsSeen = seenLinkHosts(db, check.id);
  const hostLooks = new Map<string, Promise<void>>();
  const zones = opts.zones ?? zoneLookup();

  // Targets on distinct hosts that answered on the first try, asked again beside the suspects: if they
  // fail now too, the failure is the checker's, however few hosts the suspects are on.
  const controls: string[] = [];
  const controlHosts = new Set<string>();
  const CONTROLS = 10;

  // Connections open to the addresses the guard checked (pinned-lookup), kept alive between targets.
  const agent = () => new Agent({ connect: { lookup: pinnedLookup(opts.guard) } });
  let dispatcher = agent();
  try {
    await run();
  } finally {
    await dispatcher.close();
  }

  async function run(): Promise<void> {
    if (opts.only) {
      const done = targetsWithStatus(db, check.id, opts.only);
      await pass(
        opts.only.filter((t) => !done.has(t)),
        1,
      );
      return;
    }
    for (let after = 0; ; ) {
      const step = uncheckedTargetsAfter(db, check.id, after, opts.pagesPerStep ?? LINK_PAGES_PER_STEP);
      if (step.lastId === null) break;
      await pass(step.targets, 1);
      after = step.lastId;
    }
    const suspects = suspectTargets(db, check.id);
    if (suspects.length > 0) {
      await new Promise((r) => setTimeout(r, opts.retryAfterMs));
      // Fresh connections for the second try: none that a HEAD was answered on (see link-request).
      await dispatcher.close();
      dispatcher = agent();
      // A resumed run may have asked nothing yet in this process: its controls come from the store.
      for (const t of okTargets(db, check.id, 200)) {
        const host = new URL(t).host;
        if (controls.length >= CONTROLS) break;
        if (controlHosts.has(host)) continue;
        controls.push(t);
        controlHosts.add(host);
      }
      await pass(suspects, 2, controls);
    }
  }

  async function pass(targets: string[], attempt: number, controlTargets: string[] = []): Promise<void> {
    health.reset();
    // What failed how, by host: on the last try, a failure that struck many hosts at once is the checker's.
    const shared = new SharedFailures();
    const failedTargets = new Map<ProbeFailure, string[]>();
    // Statuses are kept until SAVE_BATCH of them are in, then written in one transaction; the rest at the
    // end of the pass, even a failed one. A run stopped in between checks the unsaved ones again.
    const pending: LinkCheck[] = [];
    const flush = () => {
      const batch = pending.splice(0);
      if (batch.length > 0) db.transaction(() => batch.forEach((c) => saveLinkCheck(db, check.id, c)));
    };
    try {
      const isControl = new Set(controlTargets);
      await runPerHost(
        [...targets, ...controlTargets],
        (t) => new URL(t).host,
        opts,
        async (target) => {
          const { check: c, failure } = await checkOne(target, attempt);
          const host = new URL(target).host;
          if (c.status !== 'excluded') shared.ask(host);
          if (attempt === 1 && c.status === 'ok' && controls.length < CONTROLS && !controlHosts.has(host)) {
            controls.push(target);
            controlHosts.add(host);
          }
          if (failure && (c.status === 'broken' || isControl.has(target))) {
            shared.fail(host, failure);
            if (!failedTargets.has(failure)) failedTargets.set(failure, []);
            if (!isControl.has(target)) failedTargets.get(failure)!.push(target);
          }
          // A control's first answer stands; this one only tells whether the network held.
          if (isControl.has(target)) return;
          pending.push(c);
          if (pending.length >= SAVE_BATCH) flush();
        },
      );
    } finally {
      flush();
    }
    const mass = shared.verdict();
    if (mass) markLinkChecks(db, check.id, failedTargets.get(mass.kind)!, 'vantage', `${mass.reason}，链接未判定`);
  }

  /** The target's status, and how it failed when it did (`failure` only for failures another host could share). */
  async function checkOne(target: string, attempts: number): Promise<{ check: LinkCheck; failure: ProbeFailure | null }> {
    const checkedAt = new Date().toISOString();
    const base = { target, attempts, checkedAt };
    if (opts.scope === 'internal' && !opts.internalHosts.has(new URL(target).host)) {
      return { check: { ...base, status: 'excluded', http: null, error: '外部链接，本次未检查（--links internal）' }, failure: null };
    }
    try {
      // Suspects are tried again on connections closed after each HEAD (see link-request).
      const ask = (method: 'HEAD' | 'GET') =>
        linkStatus(target, {
          guard: opts.guard,
          dispatcher,
          userAgent: USER_AGENT,
          timeoutMs: opts.timeoutMs,
          method,
          keepAlive: attempts < 2,
        });
      let answer = await ask('HEAD');
      // Many servers answer HEAD wrongly (405, 501, 403, even 404 from a misconfigured CMS): ask with GET.
      if (answer.status >= 400) answer = await ask('GET');
      const { status } = answer;
      // A host that answers (even 404: a new owner does not keep the old paths) is looked at once.
      if (!answer.waf) await lookOnce(target, readHomepage);
      if (status < 400) {
        const soft = await softNotFound(target);
        if (soft) return { check: { ...base, status: 'broken', http: status, error: soft }, failure: null };
        return { check: { ...base, status: 'ok', http: status, error: null }, failure: null };
      }
      if (answer.waf)
        return {
          check: { ...base, status: 'blocked', http: status, error: `网站防护拦截了检查（HTTP ${status}），链接未判定` },
          failure: null,
        };
      if (CERTAIN.has(status)) return { check: { ...base, status: 'broken', http: status, error: `HTTP ${status}` }, failure: null };
      return { check: suspect(base, status, `HTTP ${status}`), failure: status >= 500 ? 'http-5xx' : 'http-4xx' };
    } catch (e) {
      if (e instanceof BlockedAddressError) return { check: { ...base, status: 'blocked', http: null, error: e.message }, failure: null };
      const { failure, error } = classify(e);
      if (failure === 'dns') {
        const v = await health.get();
        if (!v.healthy) return { check: { ...base, status: 'vantage', http: null, error: `${v.reason}，链接未判定` }, failure: null };
        // The name does not exist, and the checker's DNS works: did the domain itself lapse?
        if (dnsCode(e) === 'ENOTFOUND') await lookOnce(target, askZones);
      }
      return { check: suspect(base, null, `${failure}: ${error}`), failure };
    }
  }

  /**
   * Why an answering target is a missing page all the same (a soft 404), or null. Each host is asked
   * once for a path that cannot exist: a host that answers it with 200 serves soft 404s, and its pages
   * are read; so are dynamic pages (a query string: info.jsp?id=…) on any host, since CMSs answer a
   * deleted article with 200 and 信息不存在 while their web server 404s a missing file.
   */
  async function softNotFound(target: string): Promise<string | null> {
    const url = new URL(target);
    const host = await notFoundPageOf(url.origin);
    if (!host.soft && !url.search) return null;
    try {
      const page = await getPage(target, {
        guard: opts.guard,
        dispatcher,
        userAgent: USER_AGENT,
        maxBodyBytes: SOFT_404_BYTES,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (page.status >= 400) return null;
      // Every missing path led to one error page (not the homepage, where a moved page may lead too).
      if (host.errorPage && page.finalUrl === host.errorPage && target !== host.errorPage) return `软404：跳转到错误页 ${host.errorPage}`;
      if (page.contentType && !/html|xml/i.test(page.contentType)) return null;
      const said = notFoundMessage(page.body, page.contentType);
      return said ? `软404：页面显示“${said}”` : null;
    } catch {
      return null; // the status already answered; a failed read of the page proves nothing more
    }
  }

  function notFoundPageOf(origin: string): Promise<{ soft: boolean; errorPage: string | null }> {
    let known = notFoundPages.get(origin);
    if (!known) {
      const probe = `${origin}/choucha-not-found-${randomBytes(6).toString('hex')}.html`;
      known = getPage(probe, {
        guard: opts.guard,
        dispatcher,
        userAgent: USER_AGENT,
        maxBodyBytes: SOFT_404_BYTES,
        signal: AbortSignal.timeout(opts.timeoutMs),
      }).then(
        (page) => {
          if (page.status >= 400) return { soft: false, errorPage: null };
          const path = new URL(page.finalUrl).pathname;
          return { soft: true, errorPage: page.finalUrl !== probe && path !== '/' && !/^\/index\.\w+$/i.test(path) ? page.finalUrl : null };
        },
        () => ({ soft: false, errorPage: null }),
      );
      notFoundPages.set(origin, known);
    }
    return known;
  }

  /** Runs `look` for the target's host once a check, when the host is outbound: not a site of the check, not .gov.cn. */
  async function lookOnce(target: string, look: (url: URL) => Promise<void>): Promise<void> {
    const url = new URL(target);
    if (opts.internalHosts.has(url.host) || /(^|\.)gov\.cn$/i.test(url.hostname) || hostsSeen.has(url.host)) return;
    let p = hostLooks.get(url.host);
    if (!p) hostLooks.set(url.host, (p = look(url).catch(() => undefined)));
    await p;
  }

  /** The host's homepage as a person following the link would meet it now. */
  async function readHomepage(url: URL): Promise<void> {
    const home = `${url.origin}/`;
    const page = await getPage(home, {
      guard: opts.guard,
      dispatcher,
      userAgent: USER_AGENT,
      maxBodyBytes: SOFT_404_BYTES,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    if (page.waf || (page.contentType && !/html|xml/i.test(page.contentType))) return;
    const seen = readTargetPage(page.body, page.contentType, page.finalUrl);
    saveLinkHost(db, check.id, {
      host: url.host,
      checkedAt: new Date().toISOString(),
      lapsed: null,
      site: { url: home, finalUrl: page.finalUrl, status: page.status, ...seen },
    });
  }

  /** Whether the host's registrable domain no longer exists while its zone answers. */
  async function askZones(url: URL): Promise<void> {
    const lapse = await lapsedDomain(url.hostname, zones);
    if (lapse) saveLinkHost(db, check.id, { host: url.host, checkedAt: new Date().toISOString(), lapsed: lapse, site: null });
  }

  function suspect(base: { target: string; attempts: number; checkedAt: string }, http: number | null, error: string): LinkCheck {
    // A second failure, at least `retryAfterMs` after the first, is no longer a passing fault.
    return base.attempts >= 2
      ? { ...base, status: 'broken', http, error: `两次检查均失败：${error}` }
      : { ...base, status: 'suspect', http, error };
  }
}

/** The resolver's code for a failed lookup: on the error (node:dns) or its cause (undici). */
function dnsCode(e: unknown): string {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code ?? err.cause?.code ?? '';
}

// Checking every link target once per check (all sites share the answers): HEAD first, GET where HEAD
// is refused or not to be trusted, redirects followed hop by hop through the address guard.
// 404, 410 and 403 are certain; timeouts, 5xx and connection errors are only suspected, tried again
// at the end of the run, and counted only if they fail again.
import { BlockedAddressError } from '../../errors.js';
import type { Check } from '../../store/checks.js';
import type { Db } from '../../store/db.js';
import { type LinkCheck, saveLinkCheck, suspectTargets, uncheckedTargetsAfter } from '../../store/links.js';
import type { AddressGuard } from '../http/address-guard.js';
import { Agent } from 'undici';
import { linkStatus } from '../http/link-request.js';
import { pinnedLookup } from '../http/pinned-lookup.js';
import { runPerHost } from '../http/host-lanes.js';
import { classify } from '../http/failure.js';
import { USER_AGENT } from '../http/user-agent.js';

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
}

const CERTAIN = new Set([404, 410, 403]);
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
  // Connections open to the addresses the guard checked (pinned-lookup), kept alive between targets.
  const agent = () => new Agent({ connect: { lookup: pinnedLookup(opts.guard) } });
  let dispatcher = agent();
  try {
    await run();
  } finally {
    await dispatcher.close();
  }

  async function run(): Promise<void> {
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
      await pass(suspects, 2);
    }
  }

  async function pass(targets: string[], attempt: number): Promise<void> {
    // Statuses are kept until SAVE_BATCH of them are in, then written in one transaction; the rest at the
    // end of the pass, even a failed one. A run stopped in between checks the unsaved ones again.
    const pending: LinkCheck[] = [];
    const flush = () => {
      const batch = pending.splice(0);
      if (batch.length > 0) db.transaction(() => batch.forEach((c) => saveLinkCheck(db, check.id, c)));
    };
    try {
      await runPerHost(
        targets,
        (t) => new URL(t).host,
        opts,
        async (target) => {
          pending.push(await checkOne(target, attempt));
          if (pending.length >= SAVE_BATCH) flush();
        },
      );
    } finally {
      flush();
    }
  }

  async function checkOne(target: string, attempts: number): Promise<LinkCheck> {
    const checkedAt = new Date().toISOString();
    const base = { target, attempts, checkedAt };
    if (opts.scope === 'internal' && !opts.internalHosts.has(new URL(target).host)) {
      return { ...base, status: 'excluded', http: null, error: '外部链接，本次未检查（--links internal）' };
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
      let status = await ask('HEAD');
      // Many servers answer HEAD wrongly (405, 501, 403, even 404 from a misconfigured CMS): ask with GET.
      if (status >= 400) status = await ask('GET');
      if (status < 400) return { ...base, status: 'ok', http: status, error: null };
      if (CERTAIN.has(status)) return { ...base, status: 'broken', http: status, error: `HTTP ${status}` };
      return suspect(base, status, `HTTP ${status}`);
    } catch (e) {
      if (e instanceof BlockedAddressError) return { ...base, status: 'blocked', http: null, error: e.message };
      const { failure, error } = classify(e);
      return suspect(base, null, `${failure}: ${error}`);
    }
  }

  function suspect(base: { target: string; attempts: number; checkedAt: string }, http: number | null, error: string): LinkCheck {
    // A second failure, at least `retryAfterMs` after the first, is no longer a passing fault.
    return base.attempts >= 2
      ? { ...base, status: 'broken', http, error: `两次检查均失败：${error}` }
      : { ...base, status: 'suspect', http, error };
  }
}

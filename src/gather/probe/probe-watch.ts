// `probe --watch`: follows the monitoring plan stored in the database, taking each probe when it is due.
// The plan is written once, up front; a restarted watcher finds it and carries on. A probe that fell
// due while no watcher ran is recorded as missed, not taken late: a burst of catch-up probes at restart
// would measure the restart time, not the site.
import type { Db } from '../../store/db.js';
import type { Check } from '../../store/checks.js';
import { probedSiteIds } from '../../store/closed-sites.js';
import { addPlan, dueProbes, markDone, nextDue, sitesWithPendingPlan } from '../../store/probe-plan.js';
import { getSites } from '../../store/sites.js';
import { probeTimes } from '../../plan/probe-schedule.js';
import type { AddressGuard, Resolver } from '../http/address-guard.js';
import { probeRound } from './probe.js';
import { saveOutcome } from './probe-check.js';

export interface WatchOptions {
  days: number;
  perDay: number;
  seed: string;
  timeoutMs: number;
  concurrency: number;
  perHost?: number;
  /** A planned probe later than this when the watcher gets to it is missed. */
  maxLateMs: number;
  guard: AddressGuard;
  resolver?: Resolver;
  vantage?: string;
  canaries?: readonly string[];
  now?: () => Date;
  /** Longest single wait, so that the watcher notices a stop request in time. */
  maxSleepMs?: number;
  signal?: AbortSignal;
  onProbe?: (siteId: string, ok: boolean) => void;
}

export interface WatchResult {
  planned: number;
  taken: number;
  missed: number;
}

/** Writes the plan for probed sites (the sample and closed sites in scope) that have none running; returns how many probes it planned. */
export function planWatch(db: Db, check: Check, o: Pick<WatchOptions, 'days' | 'perDay' | 'seed'>, now: Date): number {
  const ids = probedSiteIds(db, check);
  const running = sitesWithPendingPlan(db, ids);
  const rows = ids
    .filter((id) => !running.has(id))
    .flatMap((siteId) =>
      probeTimes(siteId, { from: now.toISOString(), days: o.days, perDay: o.perDay, seed: o.seed }).map((dueAt) => ({ siteId, dueAt })),
    );
  addPlan(db, rows);
  return rows.length;
}

export async function probeWatch(db: Db, check: Check, o: WatchOptions): Promise<WatchResult> {
  const now = o.now ?? (() => new Date());
  const result: WatchResult = { planned: planWatch(db, check, o, now()), taken: 0, missed: 0 };
  for (;;) {
    if (o.signal?.aborted) break;
    const t = now();
    const due = dueProbes(db, t.toISOString());
    const late = due.filter((d) => t.getTime() - Date.parse(d.dueAt) > o.maxLateMs);
    for (const d of late) markDone(db, d.siteId, d.dueAt, t.toISOString(), null);
    result.missed += late.length;
    const take = due.filter((d) => !late.includes(d));
    if (take.length) {
      const dueOf = new Map<string, string>();
      for (const d of take) if (!dueOf.has(d.siteId)) dueOf.set(d.siteId, d.dueAt);
      // Two due times of one site in one pass (a long round): the earlier is taken, the later waits.
      await probeRound(getSites(db, [...dueOf.keys()]), {
        ...o,
        onProbe: (p) => {
          const id = saveOutcome(db, p);
          markDone(db, p.record.siteId, dueOf.get(p.record.siteId)!, now().toISOString(), id);
          result.taken++;
          o.onProbe?.(p.record.siteId, p.record.ok);
        },
      });
      continue;
    }
    const next = nextDue(db);
    if (next === null) break;
    const wait = Math.min(Math.max(0, Date.parse(next) - now().getTime()), o.maxSleepMs ?? 60_000);
    await sleep(wait, o.signal);
  }
  return result;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

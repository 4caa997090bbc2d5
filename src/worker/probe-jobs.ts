// A probe round as queue jobs, taken from every vantage at once: a round's slices are published to an
// event each vantage's queue subscribes to, so every vantage probes the same sites in the same slot and
// site-unreachable can tell one place's outage from the site's (rules/utils/probe-window.ts).
import { hostname } from 'node:os';
import type { PgBoss } from 'pg-boss';
import type { Check } from '../store/checks.js';
import { checkById } from '../store/checks.js';
import { probedSiteIds } from '../store/closed-sites.js';
import type { Db } from '../store/db.js';
import { getSites } from '../store/sites.js';
import type { AddressGuard } from '../gather/http/address-guard.js';
import { saveOutcome } from '../gather/probe/probe-check.js';
import { probeRound } from '../gather/probe/probe.js';
import { ensureQueue } from './queue.js';

export const PROBE_EVENT = 'choucha-probe';
const PREFIX = 'choucha-probe.';
/** Sites a slice holds: a slice is one worker's share of a round at one vantage. */
const SLICE = 50;

export interface ProbeJob {
  checkId: number;
  round: number;
  siteIds: string[];
  timeoutMs: number;
}

/** The vantage a process probes from: --vantage, else the machine's name (as probes on one machine). */
export function vantageName(vantage: string | undefined): string {
  return vantage ?? hostname();
}

/** pg-boss queue names are letters, digits, dashes, underscores, dots and slashes. */
export function probeQueueOf(vantage: string): string {
  return PREFIX + vantage.replace(/[^\w.-]/g, '_');
}

/** The vantage's queue, subscribed to the probe rounds: every worker of that vantage takes from it. */
export async function joinVantage(boss: PgBoss, vantage: string): Promise<string> {
  const name = probeQueueOf(vantage);
  await ensureQueue(boss, name, 'standard');
  await boss.subscribe(PROBE_EVENT, name);
  return name;
}

/** The probe queues of every vantage that has joined. */
export async function vantageQueues(boss: PgBoss): Promise<string[]> {
  return (await boss.getQueues()).map((q) => q.name).filter((n) => n.startsWith(PREFIX));
}

export async function publishRound(boss: PgBoss, db: Db, check: Check, round: number, timeoutMs: number): Promise<number> {
  const ids = probedSiteIds(db, check);
  for (let i = 0; i < ids.length; i += SLICE)
    await boss.publish(PROBE_EVENT, { checkId: check.id, round, siteIds: ids.slice(i, i + SLICE), timeoutMs } satisfies ProbeJob);
  return ids.length;
}

export async function runProbeJob(
  db: Db,
  job: ProbeJob,
  opts: { guard: AddressGuard; vantage: string; canaries?: readonly string[] },
): Promise<{ ok: number; failed: number }> {
  const check = checkById(db, job.checkId);
  if (!check) return { ok: 0, failed: 0 };
  let ok = 0;
  let failed = 0;
  await probeRound(getSites(db, job.siteIds), {
    timeoutMs: job.timeoutMs,
    concurrency: 16,
    perHost: 1,
    guard: opts.guard,
    vantage: opts.vantage,
    ...(opts.canaries ? { canaries: opts.canaries } : {}),
    onProbe: (p) => {
      saveOutcome(db, p);
      if (p.record.ok) ok++;
      else failed++;
    },
  });
  return { ok, failed };
}

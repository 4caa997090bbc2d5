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
import { ensureQueue, INSTANCE_HEARTBEAT_SECONDS, QUEUE_SCHEMA } from './queue.js';

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

/** A vantage that has joined the rounds: its queue, how long ago it (last) joined, and whether a live worker takes from it. */
export interface VantageState {
  queue: string;
  joinedMsAgo: number;
  taken: boolean;
}

/**
 * The vantages subscribed to the rounds, each with whether a worker takes from it now: pg-boss's
 * instance registry lists every live PgBoss object's queues, and calls one gone after three missed beats.
 */
export async function vantageStates(boss: PgBoss): Promise<VantageState[]> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT name, (EXTRACT(EPOCH FROM now() - updated_on) * 1000)::float8 AS "joinedMsAgo" FROM ${QUEUE_SCHEMA}.subscription ` +
        'WHERE event = $1 ORDER BY name',
      [PROBE_EVENT],
    );
  const taken = new Set<string>();
  for (let after: string | undefined; ; ) {
    const page = await boss.getInstances({ limit: 1000, ...(after ? { after } : {}) });
    for (const i of page) if (i.live) for (const w of i.workers) taken.add(w.queue);
    if (page.length < 1000) break;
    after = page.at(-1)!.id;
  }
  return (rows as { name: string; joinedMsAgo: number }[]).map((r) => ({
    queue: r.name,
    joinedMsAgo: Number(r.joinedMsAgo),
    taken: taken.has(r.name),
  }));
}

/**
 * How long a vantage that has just joined is waited for before it counts as gone: its worker is listed
 * in the registry at its first beat after it starts to work, and a worker restarting (systemd, compose)
 * joins again within seconds.
 */
export const JOIN_GRACE_MS = 3 * INSTANCE_HEARTBEAT_SECONDS * 1000;

/**
 * The vantages whose workers are gone: no live worker takes from them, and they joined longer ago than
 * a worker takes to be listed. `own`, the coordinator's local workers' vantage, is never gone: those
 * workers are its children, and it watches them itself.
 */
export function goneVantages(states: readonly VantageState[], own: string | null, graceMs = JOIN_GRACE_MS): string[] {
  return states.filter((v) => v.queue !== own && !v.taken && v.joinedMsAgo > graceMs).map((v) => v.queue);
}

/**
 * A gone vantage leaves the rounds: it is sent no more, and what waits in its queue is dropped, so a
 * worker of it that comes back does not probe a round long past. It joins again when one starts.
 */
export async function leaveVantage(boss: PgBoss, queue: string): Promise<void> {
  await boss.unsubscribe(PROBE_EVENT, queue);
  await boss.deleteQueuedJobs(queue);
}

export const vantageOfQueue = (queue: string): string => queue.slice(PREFIX.length);

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

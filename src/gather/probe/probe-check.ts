// `probe`: rounds of availability probes over a check's sample (and the closed sites in its scope), each
// probe stored as it completes.
import type { Db } from '../../store/db.js';
import type { Check } from '../../store/checks.js';
import { probedSiteIds } from '../../store/closed-sites.js';
import { recordHomepageItems } from '../../store/homepage-history.js';
import { saveProbe } from '../../store/probes.js';
import { getSites } from '../../store/sites.js';
import type { AddressGuard, Resolver } from '../http/address-guard.js';
import { type ProbeOutcome, probeRound } from './probe.js';

export interface ProbeCheckOptions {
  rounds: number;
  intervalMs: number;
  timeoutMs: number;
  concurrency: number;
  perHost?: number;
  guard: AddressGuard;
  resolver?: Resolver;
  vantage?: string;
  canaries?: readonly string[];
  onRound?: (round: number, ok: number, failed: number) => void;
}

/** Stores a probe and the homepage items it saw; returns the probe's id. */
export function saveOutcome(db: Db, o: ProbeOutcome): number {
  const id = saveProbe(db, o.record);
  if (o.items.length) recordHomepageItems(db, o.record.siteId, o.record.startedAt, o.items);
  return id;
}

export async function probeCheck(db: Db, check: Check, opts: ProbeCheckOptions): Promise<{ probes: number; failed: number }> {
  const sites = getSites(db, probedSiteIds(db, check));
  let probes = 0;
  let failed = 0;
  for (let round = 1; round <= opts.rounds; round++) {
    const started = Date.now();
    let ok = 0;
    let bad = 0;
    await probeRound(sites, {
      ...opts,
      onProbe: (p) => {
        saveOutcome(db, p);
        if (p.record.ok) ok++;
        else bad++;
      },
    });
    probes += ok + bad;
    failed += bad;
    opts.onRound?.(round, ok, bad);
    const wait = opts.intervalMs - (Date.now() - started);
    if (round < opts.rounds && wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return { probes, failed };
}

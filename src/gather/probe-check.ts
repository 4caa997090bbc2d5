// `probe`: rounds of availability probes over a check's sample, each probe stored as it completes.
import type { Db } from '../store/db.js';
import type { Check } from '../store/checks.js';
import { sampleOf } from '../store/checks.js';
import { saveProbe } from '../store/probes.js';
import { getSites } from '../store/sites.js';
import type { AddressGuard } from './address-guard.js';
import { probeRound } from './probe.js';

export interface ProbeCheckOptions {
  rounds: number;
  intervalMs: number;
  timeoutMs: number;
  concurrency: number;
  guard: AddressGuard;
  onRound?: (round: number, ok: number, failed: number) => void;
}

export async function probeCheck(db: Db, check: Check, opts: ProbeCheckOptions): Promise<{ probes: number; failed: number }> {
  const sites = getSites(db, sampleOf(db, check.id).map((s) => s.siteId));
  let probes = 0;
  let failed = 0;
  for (let round = 1; round <= opts.rounds; round++) {
    const started = Date.now();
    let ok = 0;
    let bad = 0;
    await probeRound(sites, {
      ...opts,
      onProbe: (p) => {
        saveProbe(db, p);
        if (p.ok) ok++;
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

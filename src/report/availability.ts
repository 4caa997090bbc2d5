// Per-site availability for the report: what site-unreachable measured, in numbers a person can check
// against the stored probes (count, failures, ratio, the longest run of failed probes).
import type { ProbeArtifact } from '../rules/types.js';

export interface Outage {
  /** The first failed probe of the run. */
  from: string;
  /** The next probe that succeeded; null when the site had not recovered by the last probe. */
  recoveredAt: string | null;
  /** Failed probes in a row. */
  probes: number;
  /** From the first failed probe to the recovery, or to the last failed probe while still down. */
  minutes: number;
}

export interface Availability {
  windowDays: number;
  /** The window as counted: `at` minus windowDays up to `at` (plus the check's grace for its own run). */
  from: string;
  to: string;
  probes: number;
  failures: number;
  /** failures / probes; null with no probes. */
  ratio: number | null;
  longestOutage: Outage | null;
}

export function availability(probes: ProbeArtifact[], window: { windowDays: number; from: string; to: string }): Availability {
  const sorted = [...probes].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const failures = sorted.filter((p) => !p.ok).length;
  let longest: Outage | null = null;
  let run: ProbeArtifact[] = [];
  const close = (recovered: ProbeArtifact | null) => {
    if (run.length === 0) return;
    const end = recovered?.startedAt ?? run.at(-1)!.startedAt;
    const minutes = Math.round((Date.parse(end) - Date.parse(run[0]!.startedAt)) / 60_000);
    // The longest in time; among equally long ones, the one with more failed probes.
    if (!longest || minutes > longest.minutes || (minutes === longest.minutes && run.length > longest.probes)) {
      longest = { from: run[0]!.startedAt, recoveredAt: recovered?.startedAt ?? null, probes: run.length, minutes };
    }
    run = [];
  };
  for (const p of sorted) {
    if (p.ok) close(p);
    else run.push(p);
  }
  close(null);
  return { ...window, probes: sorted.length, failures, ratio: sorted.length ? failures / sorted.length : null, longestOutage: longest };
}

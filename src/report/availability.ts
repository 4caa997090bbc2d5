// Per-site availability for the report: what site-unreachable measured, in numbers a person can check
// against the stored probes (count, failures, ratio, the longest run of failed probes).
import type { ProbeArtifact } from '../model/artifacts.js';
import type { Availability, Outage } from '../model/report.js';

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

// Per-site availability for the report: what site-unreachable measured, in numbers a person can check
// against the stored probes (count, failures, ratio, the longest run of failed probes), with the probes
// that measured nothing about the site set apart and said why, and the same figures per vantage.
import type { ProbeArtifact } from '../model/artifacts.js';
import type { Availability, Outage } from '../model/report.js';
import { siteProbes } from '../rules/utils/probe-window.js';

export function availability(probes: ProbeArtifact[], window: { windowDays: number; from: string; to: string }): Availability {
  const all = [...probes].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const { valid: sorted, lost, blocked } = siteProbes(all);
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
  return {
    ...window,
    probes: all.length,
    valid: sorted.length,
    failures,
    ratio: sorted.length ? failures / sorted.length : null,
    longestOutage: longest,
    excluded: { vantage: lost, blocked },
    lostWindows: lostWindows(all),
    byVantage: byVantage(all),
  };
}

/** Consecutive probes of one vantage recorded as the vantage's own failure, as windows with their reason. */
function lostWindows(sorted: ProbeArtifact[]): Availability['lostWindows'] {
  const out: Availability['lostWindows'] = [];
  const open = new Map<string | null, Availability['lostWindows'][number]>();
  for (const p of sorted) {
    const v = p.vantage ?? null;
    if (p.failure !== 'vantage') {
      open.delete(v);
      continue;
    }
    const w = open.get(v);
    if (w) {
      w.to = p.startedAt;
      w.probes++;
    } else {
      // The reason is the vantage's, before what the probe itself saw (in brackets).
      const reason = p.error?.replace(/（[^（]*）$/, '') ?? null;
      const fresh = { from: p.startedAt, to: p.startedAt, probes: 1, reason };
      open.set(v, fresh);
      out.push(fresh);
    }
  }
  return out;
}

function byVantage(sorted: ProbeArtifact[]): Availability['byVantage'] {
  const groups = Map.groupBy(sorted, (p) => p.vantage ?? null);
  return [...groups].map(([vantage, list]) => {
    // Per vantage alone: its own lost and blocked probes set apart, not the other vantages' view.
    const { valid } = siteProbes(list);
    return { vantage, probes: list.length, valid: valid.length, failures: valid.filter((p) => !p.ok).length };
  });
}

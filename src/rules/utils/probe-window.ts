// The probes a judgement may use: the days before `at`, and a check's own run just after it.
import type { ProbeArtifact } from '../../model/artifacts.js';

const DAY_MS = 86_400_000;

export function probesInWindow(probes: ProbeArtifact[], at: string, windowDays: number, graceMinutes: number): ProbeArtifact[] {
  const end = Date.parse(at);
  const from = end - windowDays * DAY_MS;
  const to = end + graceMinutes * 60_000;
  return probes.filter((p) => {
    const t = Date.parse(p.startedAt);
    return t >= from && t <= to;
  });
}

/**
 * The probes that measured the site, and how many did not, by why. A failure seen from one vantage
 * while another vantage loaded the homepage within `crossVantageMs` is that vantage's, not the site's.
 */
export function siteProbes(
  probes: ProbeArtifact[],
  crossVantageMs = 30 * 60_000,
): { valid: ProbeArtifact[]; lost: number; blocked: number } {
  const loaded = probes.filter((p) => p.ok && p.vantage).map((p) => ({ at: Date.parse(p.startedAt), vantage: p.vantage }));
  const seenUpElsewhere = (p: ProbeArtifact) => {
    if (!p.vantage || loaded.length === 0) return false;
    const at = Date.parse(p.startedAt);
    return loaded.some((o) => o.vantage !== p.vantage && Math.abs(o.at - at) <= crossVantageMs);
  };
  let lost = 0;
  let blocked = 0;
  const valid: ProbeArtifact[] = [];
  for (const p of probes) {
    if (p.failure === 'vantage' || (!p.ok && p.failure !== 'blocked' && seenUpElsewhere(p))) lost++;
    else if (p.failure === 'blocked') blocked++;
    else valid.push(p);
  }
  return { valid, lost, blocked };
}

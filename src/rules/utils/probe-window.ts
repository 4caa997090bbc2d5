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

/** Failures that say nothing about the site: the checker's own network (`vantage`), or a firewall or the address guard stopping it (`blocked`). */
const NOT_THE_SITE = new Set(['vantage', 'blocked']);

/** The probes that measured the site, and how many did not, by why. */
export function siteProbes(probes: ProbeArtifact[]): { valid: ProbeArtifact[]; lost: number; blocked: number } {
  const valid = probes.filter((p) => !NOT_THE_SITE.has(p.failure ?? ''));
  const lost = probes.filter((p) => p.failure === 'vantage').length;
  return { valid, lost, blocked: probes.length - valid.length - lost };
}

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

// The monitoring plan: at least `perDay` probes a day per site at irregular times. Each day is cut into
// `perDay` equal slots and every probe falls at a random point of its slot, so the probes are spread
// over the whole day (night included) yet never at fixed times a site could be tuned for. The points
// come from a hash of the seed, the site and the slot: the same seed gives the same plan, so tests can
// check it and a restarted watcher finds the plan it left.
import { createHash } from 'node:crypto';

export interface ScheduleOptions {
  /** ISO instant the plan starts. */
  from: string;
  days: number;
  perDay: number;
  seed: string;
}

const DAY_MS = 86_400_000;

/** A number in [0, 1) from the seed, the site and the slot. */
function unit(seed: string, siteId: string, slot: number): number {
  const h = createHash('sha256').update(`${seed}\u0000${siteId}\u0000${slot}`).digest();
  return h.readUInt32BE(0) / 2 ** 32;
}

/** The site's probe times, ascending, ISO. */
export function probeTimes(siteId: string, o: ScheduleOptions): string[] {
  const start = Date.parse(o.from);
  const slotMs = DAY_MS / o.perDay;
  const slots = Math.round(o.days * o.perDay);
  const out: string[] = [];
  for (let i = 0; i < slots; i++) out.push(new Date(Math.floor(start + (i + unit(o.seed, siteId, i)) * slotMs)).toISOString());
  return out;
}

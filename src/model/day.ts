// Calendar days in China Standard Time: every date on these sites is a whole day in +08:00.
/** A calendar day in China Standard Time, `YYYY-MM-DD`. */
export type Day = string;

const CST_OFFSET_MS = 8 * 3_600_000;

export function cstDay(instant: string | Date): Day {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function makeDay(y: number, m: number, d: number): Day | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null; // 02-30 and the like
  return t.toISOString().slice(0, 10);
}

/** The day `n` calendar days before `day`. */
export function daysBefore(day: Day, n: number): Day {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - n);
  return t.toISOString().slice(0, 10);
}

/** The same day of the month `n` calendar months before, clamped to the month's end (08-31 − 6 months → 02-28). */
export function monthsBefore(day: Day, n: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - n, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

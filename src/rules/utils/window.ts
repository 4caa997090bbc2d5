// Windows are calendar periods measured back from the reference day; a dated item is a whole day in +08:00,
// so an item dated on the window's first day is inside it.
import { daysBefore, monthsBefore } from '../../model/day.js';
import type { Day } from '../../model/day.js';
import type { ItemArtifact } from '../../model/artifacts.js';

export type Period = { days: number } | { months: number };

export function windowStart(atDay: Day, p: Period): Day {
  return 'days' in p ? daysBefore(atDay, p.days) : monthsBefore(atDay, p.months);
}

export function describePeriod(p: Period): string {
  if ('days' in p) return p.days % 7 === 0 ? `${p.days / 7}周` : `${p.days}天`;
  return p.months % 12 === 0 ? `${p.months / 12}年` : `${p.months}个月`;
}

/** The newest item dated on or before the reference day; items dated after it did not exist at `at`. */
export function newestItem(items: ItemArtifact[], atDay: Day): ItemArtifact | null {
  let best: ItemArtifact | null = null;
  for (const it of items) if (it.date && it.date <= atDay && (!best || it.date > best.date!)) best = it;
  return best;
}

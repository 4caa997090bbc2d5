// Letters on consultation boards, as the interaction indicators count them: which are valid (not empty,
// not a test, not a resubmission of another), when each had to be answered by (calendar months), and
// how long the answered ones took in working days.
import { daysBetween, monthsBefore } from '../../model/day.js';
import { replyState } from '../../model/reply-state.js';
import type { Day } from '../../model/day.js';
import type { MessageArtifact } from '../../model/artifacts.js';
import { type CalendarOverrides, workdaysBetween } from './working-days.js';

export type Letter = MessageArtifact & { board: string; boardUrl: string };

/** The last day a reply is on time: the same day `months` calendar months later, clamped to the month's end. */
export function replyDeadline(askedOn: Day, months: number): Day {
  return monthsBefore(askedOn, -months);
}

const EMPTY = /^(无|无标题|空|null|undefined|none)$/i;
const TEST = /^(测试|test|ceshi)|测试(留言|信件|一下|数据|内容|帖子)|^(这是)?(一[个条封])?测试$|^[a-z0-9]{1,12}$/i;

function norm(title: string): string {
  return title.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

export interface Validity {
  valid: Letter[];
  empty: Letter[];
  test: Letter[];
  /** Resubmissions: the same title again within `duplicateDays` of an earlier letter. */
  duplicate: Letter[];
}

/**
 * Sorts letters into valid and not. A run of letters with the same title, each within `duplicateDays`
 * of the one before, is one letter: it counts once, as answered when any of them was answered.
 */
export function sortValid(letters: Letter[], duplicateDays: number): Validity {
  const out: Validity = { valid: [], empty: [], test: [], duplicate: [] };
  const runs = new Map<string, Letter[][]>();
  const dated = [...letters].sort((a, b) => (a.askedOn ?? '').localeCompare(b.askedOn ?? ''));
  for (const l of dated) {
    const key = norm(l.title);
    if (key.length === 0 || EMPTY.test(key)) out.empty.push(l);
    else if (TEST.test(key)) out.test.push(l);
    else {
      const mine = runs.get(key) ?? [];
      const last = mine.at(-1);
      const prev = last?.at(-1);
      if (last && prev?.askedOn && l.askedOn && daysApart(prev.askedOn, l.askedOn) <= duplicateDays) last.push(l);
      else mine.push([l]);
      runs.set(key, mine);
    }
  }
  for (const run of [...runs.values()].flat()) {
    // The run's answer is its earliest answered letter's; the others are its duplicates.
    const answered = run.find((l) => l.repliedOn !== null) ?? run.find((l) => replyState(l.status) === 'answered');
    const kept = answered ? { ...run[0]!, repliedOn: answered.repliedOn, status: answered.status } : run[0]!;
    out.valid.push(kept);
    out.duplicate.push(...run.slice(1));
  }
  return out;
}

function daysApart(a: Day, b: Day): number {
  return Math.abs(daysBetween(a, b));
}

export interface ReplyTime {
  letter: Letter;
  workdays: number;
}

export interface ReplyStats {
  answered: number;
  medianWorkdays: number;
  maxWorkdays: number;
  /** Share answered within each limit, 0–1, keyed by the limit in working days. */
  within: Record<number, number>;
  slowest: ReplyTime[];
  unknownYears: number[];
}

/** Working days from asking to answer for every letter with both days; null when there is none. */
export function replyStats(letters: Letter[], limits: number[], cal: CalendarOverrides | undefined): ReplyStats | null {
  const unknown = new Set<number>();
  const times: ReplyTime[] = [];
  for (const l of letters) {
    if (!l.askedOn || !l.repliedOn || l.repliedOn < l.askedOn) continue;
    const c = workdaysBetween(l.askedOn, l.repliedOn, cal);
    c.unknownYears.forEach((y) => unknown.add(y));
    times.push({ letter: l, workdays: c.days });
  }
  if (times.length === 0) return null;
  const sorted = times.map((t) => t.workdays).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const within: Record<number, number> = {};
  for (const n of limits) within[n] = Math.round((sorted.filter((d) => d <= n).length / sorted.length) * 1000) / 1000;
  return {
    answered: times.length,
    medianWorkdays: median,
    maxWorkdays: sorted.at(-1)!,
    within,
    slowest: [...times].sort((a, b) => b.workdays - a.workdays),
    unknownYears: [...unknown].sort(),
  };
}

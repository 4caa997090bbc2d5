// Working days on the official calendar: the State Council's holidays with their 调休 make-up working
// days. chinese-days holds the years it has been published for; rules/calendar/holidays.yaml holds
// later years (and corrections). A year neither knows is counted Monday to Friday, and every count
// that touched such a year names it, so a guess is never silent.
import { z } from 'zod';
import { lazyModule } from '../../lazy-module.js';
import type { Day } from '../../model/day.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const calendarOverridesSchema = z.strictObject({
  years: z
    .record(
      z.string().regex(/^\d{4}$/, 'a year'),
      z.strictObject({ source: z.string().min(1), holidays: z.array(day), workdays: z.array(day) }),
    )
    .default({}),
});
export type CalendarOverrides = z.infer<typeof calendarOverridesSchema>;

export interface WorkdayCount {
  days: number;
  /** Years the count crossed with no official calendar: counted Monday to Friday. */
  unknownYears: number[];
}

interface YearTable {
  holidays: Set<Day>;
  workdays: Set<Day>;
}

// chinese-days (~70 ms) is loaded for the first working day counted.
const calendar = lazyModule<typeof import('chinese-days')>('chinese-days');
const chineseDays = () => calendar().default;

const packageYears = new Map<number, boolean>();

/** The package falls back to Monday–Friday for a year it has no data for; a known year always has holidays. */
function packageKnows(year: number): boolean {
  let known = packageYears.get(year);
  if (known === undefined) {
    known = chineseDays().getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageYears.set(year, known);
  }
  return known;
}

const tables = new WeakMap<CalendarOverrides, Map<number, YearTable>>();

function overrideYear(cal: CalendarOverrides | undefined, year: number): YearTable | null {
  if (!cal) return null;
  let byYear = tables.get(cal);
  if (!byYear) {
    byYear = new Map(
      Object.entries(cal.years).map(([y, t]) => [Number(y), { holidays: new Set(t.holidays), workdays: new Set(t.workdays) }]),
    );
    tables.set(cal, byYear);
  }
  return byYear.get(year) ?? null;
}

function weekday(d: Day): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

/** Whether `d` is a working day, and whether an official calendar said so (false: Monday–Friday guess). */
export function workdayOf(d: Day, cal?: CalendarOverrides): { work: boolean; known: boolean } {
  const year = Number(d.slice(0, 4));
  const table = overrideYear(cal, year);
  if (table) return { work: table.workdays.has(d) || (!table.holidays.has(d) && weekday(d) % 6 !== 0), known: true };
  if (packageKnows(year)) return { work: chineseDays().isWorkday(d), known: true };
  return { work: weekday(d) % 6 !== 0, known: false };
}

/**
 * Working days after `from` up to and including `to` (the day a letter arrives is not counted, as in
 * any 期间: asked on Friday and answered on Monday is 1; answered the same day is 0). 0 when `to` is
 * not after `from`.
 */
export function workdaysBetween(from: Day, to: Day, cal?: CalendarOverrides): WorkdayCount {
  const unknown = new Set<number>();
  let days = 0;
  const t = new Date(`${from}T00:00:00Z`);
  for (;;) {
    t.setUTCDate(t.getUTCDate() + 1);
    const d = t.toISOString().slice(0, 10);
    if (d > to) break;
    const w = workdayOf(d, cal);
    if (!w.known) unknown.add(Number(d.slice(0, 4)));
    if (w.work) days++;
  }
  return { days, unknownYears: [...unknown].sort() };
}

/** The warning a count over years without an official calendar carries, or null. */
export function calendarWarning(unknownYears: number[]): string | null {
  if (unknownYears.length === 0) return null;
  return `${unknownYears.join('、')}年的法定节假日安排未收录（chinese-days 与 rules/calendar/holidays.yaml 均无），这些年份按周一至周五计算工作日，结果可能不准`;
}

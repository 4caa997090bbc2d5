// Working days on the official calendar, across the 2026 Spring Festival and its 调休 Saturdays,
// and the explicit warning for a year with no official calendar.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calendarOverridesSchema, calendarWarning, workdayOf, workdaysBetween } from '../../../src/rules/utils/working-days.js';
import { loadEdition } from '../../../src/verdict/config/edition.js';

describe('workdaysBetween on chinese-days (2026: 春节 02-15…02-23, 调休上班 02-14 and 02-28 both Saturdays)', () => {
  it.each([
    ['answered the same day', '2026-11-20', '2026-11-20', 0],
    ['Friday → Monday', '2026-11-20', '2026-11-23', 1],
    ['a full ordinary week', '2026-11-16', '2026-11-23', 5],
    // Mon–Fri would say 8: 02-16…02-20 and 02-23…02-25. The calendar says 02-14 (Sat, worked), 02-24, 02-25.
    ['Friday before the Spring Festival → the Wednesday after it', '2026-02-13', '2026-02-25', 3],
    ['asked on the 调休 Saturday 02-14 itself', '2026-02-14', '2026-02-24', 1],
    // 02-28 is a Saturday worked in exchange; Mon–Fri would say 1.
    ['Friday → Monday over the 调休 Saturday 02-28', '2026-02-27', '2026-03-02', 2],
    ['National Day: 09-30 → 10-09 (10-01…10-07 off)', '2026-09-30', '2026-10-09', 2],
    ['to before from', '2026-11-23', '2026-11-20', 0],
  ])('%s: %s → %s = %i', (_name, from, to, days) => {
    expect(workdaysBetween(from, to)).toEqual({ days, unknownYears: [] });
  });

  it('reads 调休 days the way the State Council notice states them', () => {
    expect(workdayOf('2026-02-14')).toEqual({ work: true, known: true });
    expect(workdayOf('2026-02-16')).toEqual({ work: false, known: true });
    expect(workdayOf('2026-02-28')).toEqual({ work: true, known: true });
  });
});

describe('a year with no official calendar', () => {
  it('is counted Monday to Friday and named, never silently', () => {
    const r = workdaysBetween('2099-12-30', '2100-01-04');
    expect(r.unknownYears).toEqual([2099, 2100]);
    expect(r.days).toBe(3); // 12-31 Thu, 01-01 Fri (a holiday in every real year: the guess is wrong, and says so), 01-04 Mon
    expect(calendarWarning(r.unknownYears)).toMatch(/2099、2100年.*周一至周五/);
    expect(calendarWarning([])).toBeNull();
  });

  it('the override file fills it: holidays off, 调休 weekends worked', () => {
    const cal = calendarOverridesSchema.parse({
      years: { '2099': { source: 'test', holidays: ['2099-12-31'], workdays: ['2099-12-26'] } },
    });
    // 2099-12-25 is a Friday: 26 (Sat, worked), 28, 29, 30; the 31st (Thu) is off.
    expect(workdaysBetween('2099-12-25', '2099-12-31', cal)).toEqual({ days: 4, unknownYears: [] });
  });

  it('an override year replaces the package for that year', () => {
    const cal = calendarOverridesSchema.parse({ years: { '2026': { source: 'test', holidays: ['2026-11-23'], workdays: [] } } });
    expect(workdaysBetween('2026-11-20', '2026-11-24', cal)).toEqual({ days: 1, unknownYears: [] });
    // 02-14 is no longer a working day under this (deliberately wrong) override: it only lists 11-23.
    expect(workdayOf('2026-02-14', cal)).toEqual({ work: false, known: true });
  });

  it('the shipped calendar file loads with the edition and leaves unpublished years to the warning', () => {
    const cal = loadEdition('2019').lexicons.calendar;
    // The edition carries the shipped file as it stands, not a default in its place.
    const file = readFileSync(new URL('../../../rules/calendar/holidays.yaml', import.meta.url), 'utf8');
    expect(cal).toEqual(calendarOverridesSchema.parse(parse(file)));
    // The file only adds years the package (2004–2026) lacks. It may list none (2027 is not published yet),
    // so the claim is checked year by year over a list that is never empty: each later year is either
    // listed in the file or left to the warning, and no year the package covers is overridden.
    const listed = Object.keys(cal.years).map(Number);
    expect(listed.filter((y) => y <= 2026)).toEqual([]);
    for (const y of [2027, 2028, 2099]) {
      expect(workdaysBetween(`${y}-01-04`, `${y}-01-05`, cal).unknownYears, String(y)).toEqual(listed.includes(y) ? [] : [y]);
    }
    expect(workdaysBetween('2099-01-01', '2099-01-02', cal).unknownYears).toEqual([2099]);
  });
});

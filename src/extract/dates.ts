// Dates as government pages print them: 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日, [11-20], (11-20), 11-20.
import type { Day } from '../model/day.js';
import { makeDay } from '../model/day.js';

export interface DateHit {
  /** The text as seen on the page, e.g. `[11-20]`. */
  text: string;
  day: Day;
  hasYear: boolean;
}

const FULL = /(?<![\d])((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?![\d])/u;
// A year-less date is only trusted when it stands alone or in brackets: `1-2` inside a title is not a date.
const SHORT_ALONE = /^[[(（【〔]?\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*[\])）】〕]?$/u;
const SHORT_BRACKETED = /[[(（【〔]\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*[\])）】〕]/u;

export function normalizeDigits(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－／．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A date without a year takes the year that puts it on or before the reference day:
 * with `at` on 2026-12-01, `[11-20]` is 2026-11-20 and `[12-05]` is 2025-12-05.
 */
export function inferYear(month: number, day: number, atDay: Day): Day | null {
  const atYear = Number(atDay.slice(0, 4));
  const sameYear = makeDay(atYear, month, day);
  if (sameYear && sameYear <= atDay) return sameYear;
  return makeDay(atYear - 1, month, day);
}

/** Find a date in a piece of text. `alone` means the text is a date cell of its own (a `<span>`, a `<td>`). */
export function findDate(raw: string, atDay: Day, opts: { alone?: boolean } = {}): DateHit | null {
  const text = normalizeDigits(raw.replace(/\s+/g, ' ').trim());
  const full = FULL.exec(text);
  if (full) {
    const day = makeDay(Number(full[1]), Number(full[2]), Number(full[3]));
    if (day) return { text: full[0].trim(), day, hasYear: true };
  }
  const short = (opts.alone ? SHORT_ALONE.exec(text) : null) ?? SHORT_BRACKETED.exec(text);
  if (short) {
    const day = inferYear(Number(short[1]), Number(short[2]), atDay);
    if (day) return { text: short[0].trim(), day, hasYear: false };
  }
  return null;
}

// One row of a findings sheet → a finding to store, or what is wrong with each bad field.
import { makeDay } from '../model/day.js';
import { quarterOfDay } from '../plan/quarter.js';
import { shortenValue, type RowError } from '../registry/row-error.js';
import { parseSiteId, parseUrl, type Cell, type Parsed } from '../registry/validate.js';
import type { FindingField } from './fields.js';
import { resolveIssueType } from './issue-types.js';

/** A row that passed: what it says, normalised. Its screenshot is copied into the store by import.ts. */
export interface FindingRow {
  row: number;
  quarter: string;
  siteId: string;
  rule: string;
  code: string;
  /** 问题类型 as the file wrote it. */
  typeGiven: string;
  url: string | null;
  description: string;
  inspector: string;
  date: string;
  /** The screenshot the row names, checked to be an image (src/findings/screenshot.ts); null when none. */
  screenshot: { given: string; file: string; ext: string } | null;
}

export type FindingCells = Partial<Record<FindingField, Cell>>;

export interface RowContext {
  file: string;
  /** --quarter; without it each row's quarter is its date's. */
  quarter: string | null;
  /** Today in China time: a finding dated later is a typing mistake. */
  today: string;
  isRegistered(siteId: string): boolean;
  /** Checks a screenshot the row names (screenshot.ts reads the file). */
  checkScreenshot(given: string): Parsed<{ given: string; file: string; ext: string }>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

/** Whitespace runs, line breaks in a cell included, are one space: the description is a one-line message. */
const oneLine = (raw: string): string => raw.replace(/\s+/gu, ' ').trim();

const DATE_EXPECTED = 'the day it was found, e.g. 2026-11-20, 2026/11/20 or 2026年11月20日';

/** The day as written; a date cell of a workbook arrives as an ISO instant of that day. */
function parseFoundDay(raw: string, today: string): Parsed<string> {
  const text = raw.normalize('NFKC').trim();
  if (/^\d{5}(\.\d+)?$/.test(text)) return fail(`${DATE_EXPECTED} (the spreadsheet shows a day number: format the cell as a date)`);
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  const day = m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!day) return fail(DATE_EXPECTED);
  return day > today ? fail(`${DATE_EXPECTED}, not after today (${today})`) : ok(day);
}

/** Checks every field of one row, so one pass reports all that is wrong with it. */
export function parseFindingRow(ctx: RowContext, row: number, cells: FindingCells): { finding: FindingRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const field = <T>(key: FindingField, parse: (raw: string) => Parsed<T>): T | undefined => {
    const cell = cells[key];
    const result = parse(cell?.value ?? '');
    if (result.ok) return result.value;
    errors.push({ file: ctx.file, row, field: cell?.header ?? key, value: shortenValue(cell?.value ?? ''), expected: result.expected });
    return undefined;
  };
  const siteId = field<string>('siteId', (raw) => {
    const id = parseSiteId(raw);
    if (!id.ok) return id;
    return ctx.isRegistered(id.value) ? id : fail('the 网站标识码 of a registered site (add it with `choucha sites import`)');
  });
  const type = field<{ rule: string; code: string }>('type', (raw) => {
    const t = resolveIssueType(raw);
    return t.ok ? ok({ rule: t.rule, code: t.code }) : fail(t.expected);
  });
  const description = field<string>('description', (raw) =>
    oneLine(raw) ? ok(oneLine(raw)) : fail('what the inspector found (描述), not empty'),
  );
  const url = field<string | null>('url', (raw) => (raw.trim() ? parseUrl(raw) : ok(null)));
  const inspector = field<string>('inspector', (raw) => (oneLine(raw) ? ok(oneLine(raw)) : fail('who found it (检查人), not empty')));
  const date = field('date', (raw) => parseFoundDay(raw, ctx.today));
  const screenshot = field('screenshot', (raw) => (raw.trim() ? ctx.checkScreenshot(raw) : ok(null)));
  if (
    errors.length > 0 ||
    siteId === undefined ||
    type === undefined ||
    description === undefined ||
    url === undefined ||
    inspector === undefined ||
    date === undefined ||
    screenshot === undefined
  ) {
    return { finding: null, errors };
  }
  return {
    finding: {
      row,
      quarter: ctx.quarter ?? quarterOfDay(date),
      siteId,
      ...type,
      typeGiven: cells.type!.value.trim(),
      url,
      description,
      inspector,
      date,
      screenshot,
    },
    errors,
  };
}

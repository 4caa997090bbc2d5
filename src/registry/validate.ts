// Turns the text of one registry row into a Site, or says what is wrong with each bad field.

import type { FieldKey } from './fields.js';
import type { RenderMode } from '../model/site.js';
import { shortenValue, type RowError } from './row-error.js';
import { LEVEL_CHOICES, STATUS_CHOICES, levelFromLabel, statusFromLabel } from './labels.js';
import { SITE_ID_PATTERN, type Site, type SiteLevel, type SiteStatus } from '../model/site.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

// Codes never contain spaces, and full-width digits (４３００…) are typed often enough on Chinese IMEs.
function foldCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/gu, '');
}

const SITE_ID_EXPECTED = 'a 网站标识码: 10 digits, bm + 8 digits, or 2 digits + BM + 6 digits';

export function normaliseSiteId(raw: string): string {
  const code = foldCode(raw);
  if (/^bm\d{8}$/i.test(code)) return code.toLowerCase();
  if (/^\d{2}bm\d{6}$/i.test(code)) return code.toUpperCase();
  return code;
}

export function parseSiteId(raw: string): Parsed<string> {
  const id = normaliseSiteId(raw);
  if (SITE_ID_PATTERN.test(id)) return ok(id);
  // Excel shows a long number typed into a General cell as 4.3E+09, and saves it that way to CSV.
  if (/^\d(\.\d+)?e\+?\d+$/i.test(id)) {
    return fail(`${SITE_ID_EXPECTED} (the spreadsheet turned it into a number; format the column as text and re-enter it)`);
  }
  return fail(SITE_ID_EXPECTED);
}

export function parseName(raw: string): Parsed<string> {
  const name = raw.trim();
  return name ? ok(name) : fail('the site name (网站名称), not empty');
}

const URL_EXPECTED = 'an http:// or https:// address';

/** The registered homepage, normalised the way browsers do (lower-case host, no fragment). */
export function parseUrl(raw: string): Parsed<string> {
  const text = raw.trim();
  if (!text) return fail(`${URL_EXPECTED} (the homepage, 首页网址)`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  // "www.x.gov.cn:8080/" looks like a scheme to the regex; a real scheme has no dot.
  if (!scheme || scheme.includes('.')) {
    return fail(`${URL_EXPECTED} (the scheme is missing: write http://${text.replace(/^\/+/, '')})`);
  }
  if (!/^https?$/i.test(scheme)) return fail(`${URL_EXPECTED}, not a ${scheme.toLowerCase()}: address`);
  if (!/^https?:\/\/[^/?#]/i.test(text)) return fail(`${URL_EXPECTED} with a host, like http://www.example.gov.cn/`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`${URL_EXPECTED} with a valid host`);
  }
  if (!url.hostname) return fail(`${URL_EXPECTED} with a valid host`);
  url.hash = '';
  return ok(url.href);
}

export function parseLevel(raw: string): Parsed<SiteLevel | null> {
  if (!raw.trim()) return ok(null);
  const level = levelFromLabel(raw);
  return level ? ok(level) : fail(`${LEVEL_CHOICES}, or empty`);
}

export function parseStatus(raw: string): Parsed<SiteStatus> {
  if (!raw.trim()) return ok('running');
  const status = statusFromLabel(raw);
  return status ? ok(status) : fail(`${STATUS_CHOICES}, or empty for 正常`);
}

/** Per-site override of the crawl's --render: 自动/auto, 不渲染/never, 总是/always. */
export function parseRender(raw: string): Parsed<RenderMode | null> {
  const v = raw.trim().toLowerCase();
  if (!v) return ok(null);
  const mode = (
    { auto: 'auto', 自动: 'auto', never: 'never', 不渲染: 'never', 否: 'never', always: 'always', 总是: 'always', 是: 'always' } as const
  )[v];
  return mode ? ok(mode) : fail('auto (自动), never (不渲染) or always (总是), or empty');
}

export function parseRegion(raw: string): Parsed<string | null> {
  const code = foldCode(raw);
  if (!code) return ok(null);
  return /^\d{6}$/.test(code) ? ok(code) : fail('a 6-digit 行政区划代码 (GB/T 2260, e.g. 430000), or empty');
}

export function parseParentId(raw: string): Parsed<string | null> {
  if (!foldCode(raw)) return ok(null);
  const id = parseSiteId(raw);
  return id.ok ? id : fail(`${id.expected}, or empty`);
}

export function parseSponsor(raw: string): Parsed<string | null> {
  return ok(raw.trim() || null);
}

/** One cell of a row, with the header it sits under as written in the file. */
export interface Cell {
  header: string;
  value: string;
}

export type RowCells = Partial<Record<FieldKey, Cell>>;

export interface RowResult {
  site: Site | null;
  /** The normalised id when it is valid, even if other fields are bad: duplicates are judged on it. */
  id: string | null;
  errors: RowError[];
}

/** Checks every field of one row, so one pass reports all that is wrong with it. */
export function validateRow(file: string, row: number, cells: RowCells): RowResult {
  const errors: RowError[] = [];
  const field = <T>(key: FieldKey, parse: (raw: string) => Parsed<T>): T | undefined => {
    const cell = cells[key];
    const result = parse(cell?.value ?? '');
    if (result.ok) return result.value;
    errors.push({
      file,
      row,
      field: cell?.header ?? key,
      value: shortenValue(cell?.value ?? ''),
      expected: result.expected,
    });
    return undefined;
  };

  const id = field('id', parseSiteId);
  const name = field('name', parseName);
  const url = field('url', parseUrl);
  const sponsor = field('sponsor', parseSponsor);
  const level = field('level', parseLevel);
  const region = field('region', parseRegion);
  const parentId = field('parentId', parseParentId);
  const status = field('status', parseStatus);
  const render = field('render', parseRender);

  if (
    errors.length > 0 ||
    id === undefined ||
    name === undefined ||
    url === undefined ||
    sponsor === undefined ||
    level === undefined ||
    region === undefined ||
    parentId === undefined ||
    status === undefined ||
    render === undefined
  ) {
    return { site: null, id: id ?? null, errors };
  }
  // A local 网站标识码 starts with the region code, so an omitted region is not lost information.
  const derivedRegion = region ?? (/^\d{10}$/.test(id) ? id.slice(0, 6) : null);
  return {
    site: { id, name, url, sponsor, level, region: derivedRegion, parentId, status, ...(render ? { render } : {}) },
    id,
    errors,
  };
}

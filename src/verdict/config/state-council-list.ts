// `--state-council FILE`: the reference list of State Council documents, CSV (UTF-8 or GBK, Chinese or
// English headers) or JSON. A bad row is an InputError naming the file, row and field; nothing of a
// bad list is used.
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync, existsSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { decodeText } from '../../registry/decode.js';
import type { StateCouncilDoc } from '../../rules/utils/state-council-docs.js';

const HEADERS: Record<keyof StateCouncilDoc, string[]> = {
  title: ['title', '标题', '文件标题', '名称'],
  number: ['number', '发文字号', '文号'],
  published: ['published', '发布日期', '发布时间', '日期'],
  url: ['url', '链接', '网址'],
};

const DAY = /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

function fail(file: string, row: number | null, field: string | null, message: string): never {
  throw new InputError(
    `${file}${row !== null ? ` row ${row}` : ''}${field ? ` field ${field}` : ''}: ${message}`,
    'The State Council reference list does not match what choucha expects.',
    'See rules/state-council/example.csv: title (标题), number (发文字号), published (发布日期 YYYY-MM-DD), url (optional).',
  );
}

function field(rec: Record<string, unknown>, key: keyof StateCouncilDoc): unknown {
  for (const [k, v] of Object.entries(rec)) if (HEADERS[key].includes(k.trim().toLowerCase()) || HEADERS[key].includes(k.trim())) return v;
  return undefined;
}

function toDoc(file: string, row: number, rec: Record<string, unknown>): StateCouncilDoc {
  const title = String(field(rec, 'title') ?? '').trim();
  if (!title) fail(file, row, 'title', 'a title (标题) is required');
  const number = String(field(rec, 'number') ?? '').trim() || null;
  const rawDay = String(field(rec, 'published') ?? '').trim();
  const m = DAY.exec(rawDay);
  if (!m) fail(file, row, 'published', `expected a date like 2026-11-20, got "${rawDay}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== d) fail(file, row, 'published', `"${rawDay}" is not a calendar day`);
  const url = String(field(rec, 'url') ?? '').trim() || null;
  return { title, number, published: day, url };
}

export function readStateCouncilList(file: string): StateCouncilDoc[] {
  if (!existsSync(file)) fail(file, null, null, 'no such file');
  const text = decodeText(file, readFileSync(file), 'a CSV (UTF-8 or GBK) or .json list of State Council documents');
  // No documents would make every site pass the republication check unexamined: surely the wrong file.
  if (text.trim() === '') fail(file, null, null, 'the file is empty; to look for no documents, leave out --state-council');
  if (/\.json$/i.test(file)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      fail(file, null, null, `not valid JSON: ${(e as Error).message}`);
    }
    const list = Array.isArray(data) ? data : (data as { documents?: unknown })?.documents;
    if (!Array.isArray(list)) fail(file, null, null, 'expected an array of documents, or { "documents": [...] }');
    if (list.length === 0) fail(file, null, null, 'no documents in the list; to look for none, leave out --state-council');
    return list.map((rec, i) => {
      if (!rec || typeof rec !== 'object') fail(file, i + 1, null, 'expected an object');
      return toDoc(file, i + 1, rec as Record<string, unknown>);
    });
  }
  let rows: Record<string, unknown>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    fail(file, null, null, `not valid CSV: ${(e as Error).message}`);
  }
  if (rows.length === 0) fail(file, null, null, 'no documents below the header; to look for none, leave out --state-council');
  // Row numbers as a spreadsheet shows them: the header is row 1.
  return rows.map((rec, i) => toDoc(file, i + 2, rec));
}

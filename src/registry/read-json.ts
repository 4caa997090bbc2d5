// JSON registry: an array of objects keyed like the CSV headers, or {"sites": [...]}.

import { z } from 'zod';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import type { RawTable } from './table.js';

const Rows = z.array(z.record(z.string(), z.unknown()));
const RegistryJson = z.union([Rows, z.object({ sites: Rows })]);

function jsonCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function readJson(file: string, bytes: Buffer): RawTable {
  const text = decodeText(file, bytes);
  if (text.trim() === '') throw new InputError(`${file}: the file is empty`);

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const parsed = RegistryJson.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      `${file}: expected a JSON array of site objects, or {"sites": [...]}`,
      undefined,
      'each site is an object keyed like the CSV headers, e.g. {"网站标识码": "4300000001", "网站名称": "…", "首页网址": "http://…"}',
    );
  }
  const objects = Array.isArray(parsed.data) ? parsed.data : parsed.data.sites;

  // Keys in order of first appearance: a key missing from one object is an empty cell there.
  const headers = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  return {
    headers,
    rows: objects.map((o, index) => ({ row: index + 1, cells: headers.map((h) => jsonCellText(o[h])) })),
  };
}

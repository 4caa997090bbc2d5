// The ignore list (复核): findings staff reviewed and accepted as false, kept as data.
// YAML (`entries:` list, or a bare list) or CSV with headers fingerprint, reason, by, until.
// An entry applies while the check's reference day (at, China time) is on or before `until`
// (inclusive); without `until` it applies until removed. An ignored finding stays in the report,
// marked `ignored`, but counts as neither veto nor deduction.
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { decodeText } from '../../registry/decode.js';

const entrySchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/, "expected the 16 hex digits printed as the finding's fingerprint in report.json"),
  reason: z.string().trim().min(1, 'a reason is required'),
  by: z.string().trim().min(1, 'who accepted it is required'),
  until: z
    .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day YYYY-MM-DD'), z.date(), z.null()])
    .optional()
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null))),
});

export type IgnoreEntry = z.output<typeof entrySchema>;

export interface IgnoreList {
  file: string;
  entries: IgnoreEntry[];
}

function fail(file: string, row: number | null, field: string | null, message: string): never {
  throw new InputError(
    `${file}${row !== null ? ` row ${row}` : ''}${field ? ` field ${field}` : ''}: ${message}`,
    'The ignore list does not match what choucha expects.',
    'See rules/ignore.example.yaml: fingerprint, reason, by, until (YYYY-MM-DD, optional).',
  );
}

export function readIgnoreList(file: string): IgnoreList {
  if (!existsSync(file)) fail(file, null, null, 'no such file');
  const text = decodeText(file, readFileSync(file), 'a YAML or CSV ignore list (see rules/ignore.example.yaml)');
  let rows: unknown[];
  // Rows are numbered as a person finds them: CSV lines counting the header as 1, YAML entries from 1.
  let rowNumber = (i: number) => i + 1;
  if (/\.csv$/i.test(file)) {
    try {
      rows = parseCsv(text, {
        columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
        skip_empty_lines: true,
        bom: true,
      }) as Record<string, string>[];
    } catch (e) {
      fail(file, null, null, `not valid CSV: ${(e as Error).message}`);
    }
    rows = (rows as Record<string, string>[]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim() === '' && k === 'until' ? null : v.trim()])),
    );
    rowNumber = (i) => i + 2;
  } else {
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (e) {
      fail(file, null, null, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    const list = Array.isArray(data) ? data : ((data as { entries?: unknown } | null)?.entries ?? (data == null ? [] : undefined));
    if (!Array.isArray(list)) fail(file, null, 'entries', 'expected a list of entries');
    rows = list;
  }
  const entries = rows.map((r, i) => {
    const p = entrySchema.safeParse(r);
    if (!p.success) {
      const issue = p.error.issues[0]!;
      fail(file, rowNumber(i), issue.path.length ? issue.path.join('.') : null, issue.message);
    }
    return p.data;
  });
  return { file, entries };
}

/** The entry that takes this fingerprint out of a check judged as of `atDay` (YYYY-MM-DD, China time), if any. */
export function ignoreFor(list: IgnoreList | null, fp: string, atDay: string): IgnoreEntry | null {
  return list?.entries.find((e) => e.fingerprint === fp && (e.until === null || atDay <= e.until)) ?? null;
}

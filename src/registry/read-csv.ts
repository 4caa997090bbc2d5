// CSV registry: decoded by decode.ts, parsed by csv-parse, numbered the way a spreadsheet shows it.

import { parse, type Info } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import { isBlankRow, REGISTRY_TABLE, tableFromRows, type RawRow, type RawTable, type TableKind } from './table.js';

// Excel's "Unicode 文本" export is tab-separated; a header line with tabs and no comma is one of those.
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export function readCsv(file: string, bytes: Buffer, kind: TableKind = REGISTRY_TABLE): RawTable {
  const text = decodeText(file, bytes, kind.expected);
  if (text.trim() === '') throw new InputError(`${file}: the file is empty`);

  let records: { record: string[]; info: Info }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Hand-typed registries have names like 关于"放管服"专栏 in unquoted fields.
      relax_quotes: true,
    }) as unknown as { record: string[]; info: Info }[];
  } catch (err) {
    throw new InputError(`${file}: not a readable CSV file: ${(err as Error).message}`);
  }

  // A spreadsheet shows one row per record and per blank line, however many lines a quoted
  // cell spans, so that is the row number people look for.
  const rows: RawRow[] = records
    .map(({ record, info }) => ({ row: info.records + info.empty_lines, cells: record }))
    .filter((r) => !isBlankRow(r.cells));
  if (rows.length === 0) throw new InputError(`${file}: the file is empty`);
  return tableFromRows(rows, kind);
}

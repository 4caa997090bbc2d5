// A findings sheet (CSV or XLSX) → rows ready to store, and every bad row named with its file, row and field.
import { InputError } from '../errors.js';
import { readCsv } from '../registry/read-csv.js';
import { readXlsx } from '../registry/read-xlsx.js';
import { readTableFile, type TableReaders } from '../registry/read-table-file.js';
import { shortenValue, type RowError } from '../registry/row-error.js';
import { isBlankRow, type RawTable } from '../registry/table.js';
import { normaliseSiteId } from '../registry/validate.js';
import { FINDING_ALIASES, FINDINGS_TABLE, findingFieldLabel, mapFindingHeaders, type FindingField } from './fields.js';
import { type FindingCells, type FindingRow, parseFindingRow, type RowContext } from './parse-row.js';

export interface FindingsRead {
  findings: FindingRow[];
  errors: RowError[];
  /** Data rows read: blank rows and the header are not counted. */
  rowCount: number;
}

const READERS: TableReaders = {
  '.csv': (file, bytes) => readCsv(file, bytes, FINDINGS_TABLE),
  '.xlsx': (file, bytes) => readXlsx(file, bytes, FINDINGS_TABLE),
};

const ACCEPTED_HEADERS = (Object.entries(FINDING_ALIASES) as [FindingField, readonly string[]][])
  .map(([key, aliases]) => `${key}: ${aliases.join('/')}`)
  .join('; ');

export function readFindingsTable(path: string): Promise<RawTable> {
  return readTableFile(path, READERS, { format: 'findings', file: 'findings sheet' });
}

/** The 网站标识码 the sheet names, normalised, to look up at once. */
export function siteIdsIn(table: RawTable): string[] {
  const column = mapFindingHeaders(table.headers).columns.siteId?.index;
  if (column === undefined) return [];
  return [...new Set(table.rows.map((r) => normaliseSiteId(r.cells[column] ?? '')).filter(Boolean))];
}

/** Problems with the file as a whole throw InputError; problems with rows come back in `errors`. */
export function findingsFromTable(ctx: RowContext, table: RawTable): FindingsRead {
  const { columns, missing } = mapFindingHeaders(table.headers);
  if (missing.length > 0) {
    const found = table.headers.filter((h) => h !== '').join(', ') || '(none)';
    throw new InputError(
      `${ctx.file}: missing required column(s) ${missing.map(findingFieldLabel).join(', ')}; headers found: ${found}`,
      'a finding needs the site, the 问题类型, a description, who found it and when',
      `name the columns with one of these headers: ${ACCEPTED_HEADERS}`,
    );
  }
  const findings: FindingRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  let rowCount = 0;
  for (const { row, cells, links } of table.rows) {
    if (isBlankRow(cells)) continue;
    rowCount++;
    const rowCells: FindingCells = {};
    for (const [key, column] of Object.entries(columns) as [FindingField, { index: number; header: string }][]) {
      // A screenshot cell showing "截图1" linked to the file: the link is the file meant.
      const link = key === 'screenshot' ? links?.[column.index] : undefined;
      rowCells[key] = { header: column.header, value: link && !/^https?:/i.test(link) ? link : (cells[column.index] ?? '') };
    }
    const result = parseFindingRow(ctx, row, rowCells);
    errors.push(...result.errors);
    const f = result.finding;
    if (!f) continue;
    const same = JSON.stringify([f.quarter, f.siteId, f.rule, f.code, f.url, f.description]);
    const first = firstRowOf.get(same);
    if (first === undefined) {
      firstRowOf.set(same, row);
      findings.push(f);
    } else {
      const cell = rowCells.description!;
      errors.push({
        file: ctx.file,
        row,
        field: cell.header,
        value: shortenValue(cell.value),
        expected: `a finding not already given on row ${first} (same site, 问题类型, URL and description)`,
      });
    }
  }
  return { findings, errors, rowCount };
}

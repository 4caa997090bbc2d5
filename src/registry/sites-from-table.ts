// From a table of cells (any format) to Sites and row errors: header mapping, then each row.

import { InputError } from '../errors.js';
import { FIELD_ALIASES, fieldLabel, mapHeaders, type FieldKey } from './fields.js';
import { shortenValue, type RowError } from './row-error.js';
import type { Site } from '../model/site.js';
import { isBlankRow, type RawTable } from './table.js';
import { validateRow, type RowCells } from './validate.js';

export interface RegistryRead {
  sites: Site[];
  errors: RowError[];
  /** Data rows read: blank rows and the header are not counted. */
  rowCount: number;
}

const ACCEPTED_HEADERS = (Object.entries(FIELD_ALIASES) as [FieldKey, readonly string[]][])
  .map(([key, aliases]) => `${key}: ${aliases.join('/')}`)
  .join('; ');

export function sitesFromTable(file: string, table: RawTable): RegistryRead {
  const { columns, missing } = mapHeaders(table.headers);
  // An empty JSON array has no keys to check; it is simply a registry with no sites.
  if (missing.length > 0 && (table.headers.length > 0 || table.rows.length > 0)) {
    const found = table.headers.filter((h) => h !== '').join(', ') || '(none)';
    throw new InputError(
      `${file}: missing required column(s) ${missing.map(fieldLabel).join(', ')}; headers found: ${found}`,
      'a registry needs at least the site id, name and homepage columns',
      `name the columns with one of these headers: ${ACCEPTED_HEADERS}`,
    );
  }

  const sites: Site[] = [];
  const errors: RowError[] = [];
  const firstRowOfId = new Map<string, number>();
  let rowCount = 0;

  for (const { row, cells } of table.rows) {
    if (isBlankRow(cells)) continue;
    rowCount++;
    const rowCells: RowCells = {};
    for (const [key, column] of Object.entries(columns) as [FieldKey, { index: number; header: string }][]) {
      rowCells[key] = { header: column.header, value: cells[column.index] ?? '' };
    }
    const result = validateRow(file, row, rowCells);
    errors.push(...result.errors);
    if (result.id === null) continue;

    const first = firstRowOfId.get(result.id);
    if (first === undefined) {
      firstRowOfId.set(result.id, row);
      if (result.site) sites.push(result.site);
    } else {
      errors.push({
        file,
        row,
        field: rowCells.id?.header ?? 'id',
        value: shortenValue(rowCells.id?.value ?? result.id),
        expected: `an id not already used in this file (first used on row ${first})`,
      });
    }
  }

  return { sites, errors, rowCount };
}

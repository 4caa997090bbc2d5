// The shape every format reader produces, so header mapping and validation are written once.

import { fieldForHeader, mapHeaders } from './fields.js';

export interface RawRow {
  /** Row number as a person sees it in the file (see RowError.row). */
  row: number;
  /** Cell texts, aligned with RawTable.headers. */
  cells: string[];
  /** XLSX only: each cell's hyperlink target, where it has one. */
  links?: (string | undefined)[];
}

/**
 * What the CSV and XLSX readers need to know of the table they read, so that other tables (imported
 * findings) are read by the same code as the registry: which row is the header, which column holds
 * web addresses, and what the file should have been.
 */
export interface TableKind {
  /** Whether a cell is a header this kind of table knows: the first row with one is the header. */
  isHeader(cell: string): boolean;
  /** The column of web addresses, where a hyperlink's target is the address meant (see read-xlsx.ts). */
  urlColumn(headers: readonly string[]): number | undefined;
  /** For messages about a file that is not text at all. */
  expected: string;
}

export const REGISTRY_TABLE: TableKind = {
  isHeader: (cell) => fieldForHeader(cell) !== undefined,
  urlColumn: (headers) => mapHeaders(headers).columns.url?.index,
  expected: 'a CSV (UTF-8 or GBK), .xlsx or .json registry',
};

export interface RawTable {
  headers: string[];
  rows: RawRow[];
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

// Sheets sent as a 附件 often carry a title line such as "附件1 网站基本信息表" above the header;
// look a few rows down for one that names a known column.
const HEADER_SEARCH_ROWS = 10;

/** Picks the header among the non-blank rows; every row after it is data. */
export function tableFromRows<R extends RawRow>(rows: readonly R[], kind: TableKind = REGISTRY_TABLE): { headers: string[]; rows: R[] } {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const found = candidates.findIndex((r) => r.cells.some((cell) => kind.isHeader(cell)));
  const at = found === -1 ? 0 : found;
  const header = rows[at];
  if (!header) return { headers: [], rows: [] };
  return {
    headers: header.cells.map((cell) => cell.trim()),
    rows: rows.slice(at + 1),
  };
}

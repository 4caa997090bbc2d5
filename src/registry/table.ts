// The shape every format reader produces, so header mapping and validation are written once.

import { fieldForHeader } from './fields.js';

export interface RawRow {
  /** Row number as a person sees it in the file (see RowError.row). */
  row: number;
  /** Cell texts, aligned with RawTable.headers. */
  cells: string[];
}

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
export function tableFromRows<R extends RawRow>(rows: readonly R[]): { headers: string[]; rows: R[] } {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const found = candidates.findIndex((r) => r.cells.some((cell) => fieldForHeader(cell) !== undefined));
  const at = found === -1 ? 0 : found;
  const header = rows[at];
  if (!header) return { headers: [], rows: [] };
  return {
    headers: header.cells.map((cell) => cell.trim()),
    rows: rows.slice(at + 1),
  };
}

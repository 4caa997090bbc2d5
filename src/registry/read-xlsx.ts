// XLSX registry: the first worksheet, cells turned into the text a person sees in them.

import type ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { isBlankRow, REGISTRY_TABLE, tableFromRows, type RawRow, type RawTable, type TableKind } from './table.js';

interface CellText {
  text: string;
  /** The target of a hyperlink cell, when it has one. */
  link?: string;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A 10-digit 网站标识码 or a region code typed into a General cell is stored as a number.
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function cellText(value: ExcelJS.CellValue | unknown): CellText {
  if (value === null || typeof value !== 'object' || value instanceof Date) return { text: scalarText(value) };
  if ('richText' in value && Array.isArray(value.richText)) {
    return { text: value.richText.map((run: { text?: unknown }) => scalarText(run.text)).join('') };
  }
  if ('hyperlink' in value) {
    const text = 'text' in value ? cellText(value.text).text : '';
    return { text, link: scalarText(value.hyperlink) };
  }
  // Formula cells: the value Excel last calculated (absent if no spreadsheet program saved it).
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText('result' in value ? value.result : undefined);
  }
  if ('error' in value) return { text: scalarText(value.error) };
  return { text: '' };
}

const isWebAddress = (s: string) => /^https?:\/\//i.test(s.trim());

async function loadWorkbook(file: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InputError(
      `${file}: an old .xls workbook or a password-protected one, not an .xlsx file`,
      undefined,
      'save it from Excel or WPS as .xlsx (Excel 工作簿) or CSV, without a password',
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new InputError(`${file}: not an .xlsx workbook (the file is not a zip archive)`);
  }
  // exceljs is loaded when a workbook is read or written, not at every start of the CLI (~30 MB).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); at runtime a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new InputError(`${file}: not a readable .xlsx workbook: ${(err as Error).message}`);
  }
  return workbook;
}

export async function readXlsx(file: string, bytes: Buffer, kind: TableKind = REGISTRY_TABLE): Promise<RawTable> {
  const workbook = await loadWorkbook(file, bytes);
  // The first tab a person sees: templates often keep a hidden sheet of drop-down values first.
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new InputError(`${file}: the workbook has no worksheet`);

  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts: CellText[] = [];
    for (let c = 1; c <= row.cellCount; c++) texts.push(cellText(row.getCell(c).value));
    const cells = texts.map((t) => t.text);
    if (!isBlankRow(cells)) rows.push({ row: rowNumber, cells, links: texts.map((t) => t.link) });
  });
  if (rows.length === 0) throw new InputError(`${file}: the first worksheet (${sheet.name}) is empty`);

  const table = tableFromRows(rows, kind);
  // Excel turns a typed www.x.gov.cn into a link to http://www.x.gov.cn/, and some sheets show the
  // site name linked to its homepage: under the URL column, the link is the address meant.
  const urlColumn = kind.urlColumn(table.headers);
  if (urlColumn !== undefined) {
    for (const row of table.rows) {
      const text = row.cells[urlColumn] ?? '';
      const link = row.links?.[urlColumn];
      if (link && !isWebAddress(text) && isWebAddress(link)) row.cells[urlColumn] = link;
    }
  }
  return table;
}

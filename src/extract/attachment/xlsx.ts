// An xlsx workbook's rows, sheet by sheet, read as a stream (exceljs's WorkbookReader): a sheet is
// never held whole, and reading stops at the row cap. Cells are read as a person sees their text;
// numbers as they are stored (an ID number typed as a number has lost its last digits already, and
// reads as 4.30102198503071e+17: nothing to find).
import { Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { lazyModule } from '../../lazy-module.js';
import type { RowSink } from './rows.js';

const excel = lazyModule<typeof ExcelJSModule>('exceljs');

/** Loads exceljs now rather than inside the first file's time cap. */
export function loadXlsxReader(): void {
  excel();
}

export async function readXlsx(bytes: Buffer, sink: RowSink): Promise<void> {
  const reader = new (excel().stream.xlsx.WorkbookReader)(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name ?? null;
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      if (!sink.add(name, row.number, values.map(cellText))) return;
    }
  }
}

/** A cell's value as text: rich text joined, a formula's result, a link's text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

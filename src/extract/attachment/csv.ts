// A CSV's rows: decoded as the page decoder decodes (a BOM, else UTF-8 when the bytes are UTF-8, else
// GBK, which is how Excel in China saves CSV), then parsed leniently: a stray quote or a short row
// is read as it stands rather than losing the file.
import { parse } from 'csv-parse/sync';
import { decodeHtml } from '../decode.js';
import type { RowSink } from './rows.js';

export function readCsv(bytes: Buffer, sink: RowSink): void {
  const text = decodeHtml(bytes, null).text;
  const delimiter = [',', '\t', ';'].reduce((best, d) => (count(text, d) > count(text, best) ? d : best), ',');
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  for (let i = 0; i < rows.length; i++) if (!sink.add(null, i + 1, rows[i]!)) break;
}

function count(text: string, ch: string): number {
  const head = text.slice(0, 4096);
  let n = 0;
  for (const c of head) if (c === ch) n++;
  return n;
}

// A "spreadsheet" that is markup: CMSs and older systems export lists as an HTML table named .xls, and
// Excel's XML Spreadsheet 2003 is XML under an .xls name too. Excel opens both as a sheet, so a person
// downloading the file sees a list: its rows are read as rows (tr/Row), its cells as cells (td/th/Cell).
import type { AnyNode, Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { decodeHtml } from '../decode.js';
import type { RowSink } from './rows.js';

const ROW = new Set(['tr', 'row', 'ss:row']);
const CELL = new Set(['td', 'th', 'cell', 'ss:cell']);
const TABLE = new Set(['table', 'worksheet', 'ss:worksheet']);

/** Whether markup holds a table a spreadsheet program would open as a sheet. */
export function isMarkupSheet(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 65_536).toString('latin1').toLowerCase();
  return head.includes('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet');
}

export function readMarkupSheet(bytes: Buffer, sink: RowSink): void {
  const doc = parseDocument(decodeHtml(bytes, null).text, { lowerCaseTags: true, decodeEntities: true });
  let tables = 0;
  const walk = (nodes: AnyNode[]): boolean => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const el = n as Element;
      if (TABLE.has(el.name)) {
        const part = el.attribs['ss:name'] ?? el.attribs.name ?? `表${tables + 1}`;
        tables++;
        let r = 0;
        for (const row of rowsOf(el)) if (!sink.add(part, ++r, cellsOf(row))) return false;
      } else if (!walk(el.children)) return false;
    }
    return true;
  };
  walk(doc.children);
}

/** Rows of this table (a worksheet's: of the Table in it), not of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const el = n as Element;
      if (ROW.has(el.name)) out.push(el);
      else if (el.name !== table.name) walk(el.children);
    }
  };
  walk(table.children);
  return out;
}

function cellsOf(row: Element): string[] {
  return row.children
    .filter((c): c is Element => c.type === 'tag' && CELL.has((c as Element).name))
    .map((c) =>
      textContent(c)
        .replace(/[\s\u00a0\u3000]+/g, ' ')
        .trim(),
    );
}

// An xlsx workbook's rows, sheet by sheet in the workbook's order (SpreadsheetML, ECMA-376 part 1 §18).
// The package is unpacked once by zip-guard, its sizes checked; the parts are found through their
// relationships, as Excel finds them, whatever order they are stored in. exceljs's streaming reader took
// them in stored order: a workbook written with its sheets before workbook.xml (as exceljs itself writes
// them) was now and then not read at all (exceljs#3064, a race; seen in our CI), and its sheets, lists of
// people, went to temporary files on disk. Each sheet is parsed as a stream of tags, a slice at a time,
// and reading stops at the row cap. Cells are read as a person sees their text; numbers as they are
// stored (an ID number typed as a number has lost its last digits already: nothing to find).
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import type { RowSink } from './rows.js';
import { UnreadableAttachment } from './unreadable.js';

/** The parts an xlsx reader needs from the package: XML and relationships, not images. */
export const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/** `parts`: the package's XML parts by lower-cased name (zip-guard's): a relationship may name a part in another case than it is stored. */
export function readXlsx(parts: ReadonlyMap<string, Buffer>, sink: RowSink): void {
  const workbook = officeDocument(parts);
  const rels = relationships(parts, workbook);
  const sheets = sheetsOf(parts.get(workbook), rels);
  if (sheets.length === 0) throw new UnreadableAttachment('工作簿中没有工作表，未读取');
  const strings = sharedStrings(parts.get([...rels.values()].find((r) => r.type === 'sharedStrings')?.target ?? 'xl/sharedstrings.xml'));
  for (const sheet of sheets) {
    const xml = parts.get(sheet.target);
    if (xml && !readSheet(xml, sheet.name, strings, sink)) return;
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** The workbook part the package's own relationships name (xl/workbook.xml in nearly every file). */
function officeDocument(parts: ReadonlyMap<string, Buffer>): string {
  const own = relationshipsOf(parts.get('_rels/.rels'), '');
  return [...own.values()].find((r) => r.type === 'officeDocument' && parts.has(r.target))?.target ?? 'xl/workbook.xml';
}

/** The workbook's relationships by id: its sheets and its shared strings. */
function relationships(parts: ReadonlyMap<string, Buffer>, workbook: string): Map<string, Relationship> {
  const slash = workbook.lastIndexOf('/');
  const dir = workbook.slice(0, slash + 1);
  return relationshipsOf(parts.get(`${dir}_rels/${workbook.slice(slash + 1)}.rels`), dir);
}

function relationshipsOf(xml: Buffer | undefined, dir: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  parseXml(xml, {
    onopentag(name, a) {
      if (localName(name) !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      out.set(a.Id, { type: (a.Type ?? '').replace(/.*\//, ''), target: resolvePart(dir, a.Target).toLowerCase() });
    },
  });
  return out;
}

/** A relationship's target as a part name: absolute from the package's root, or relative to the source's folder. */
function resolvePart(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The worksheets in the workbook's order; chart sheets and dialog sheets have no rows. */
function sheetsOf(xml: Buffer | undefined, rels: Map<string, Relationship>): { name: string | null; target: string }[] {
  const out: { name: string | null; target: string }[] = [];
  if (!xml) return out;
  parseXml(xml, {
    onopentag(name, a) {
      if (localName(name) !== 'sheet') return;
      const id = Object.entries(a).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];
      const rel = id ? rels.get(id) : undefined;
      if (rel?.type === 'worksheet') out.push({ name: a.name ?? null, target: rel.target });
    },
  });
  return out;
}

/** The shared string table: each item's text, phonetic runs (rPh) left out as Excel shows them. */
function sharedStrings(xml: Buffer | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let item: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(xml, {
    onopentag(name) {
      const n = localName(name);
      if (n === 'si') item = [];
      else if (n === 'rPh') phonetic++;
      else if (n === 't' && phonetic === 0) inText = true;
    },
    ontext(text) {
      if (inText) item?.push(text);
    },
    onclosetag(name) {
      const n = localName(name);
      if (n === 't') inText = false;
      else if (n === 'rPh') phonetic--;
      else if (n === 'si' && item) {
        out.push(item.join(''));
        item = null;
      }
    },
  });
  return out;
}

/** One sheet's rows into the sink; false once the sink is full. */
function readSheet(xml: Buffer, sheet: string | null, strings: readonly string[], sink: RowSink): boolean {
  let full = false;
  let rowNumber = 0;
  let cells: string[] = [];
  let cell: { col: number; type: string; value: string[]; inline: string[] } | null = null;
  // Where text goes: a cell's value (v), an inline string's text (is/t, not its phonetic runs), or nowhere.
  let into: string[] | null = null;
  let phonetic = 0;
  parseXml(
    xml,
    {
      onopentag(name, a) {
        switch (localName(name)) {
          case 'row':
            rowNumber = a.r && /^\d+$/.test(a.r) ? Number(a.r) : rowNumber + 1;
            cells = [];
            break;
          case 'c':
            cell = { col: a.r ? columnOf(a.r) : cells.length, type: a.t ?? 'n', value: [], inline: [] };
            break;
          case 'v':
            into = cell?.value ?? null;
            break;
          case 't':
            if (cell && phonetic === 0) into = cell.inline;
            break;
          case 'rPh':
            phonetic++;
        }
      },
      ontext(text) {
        into?.push(text);
      },
      onclosetag(name) {
        switch (localName(name)) {
          case 'v':
          case 't':
            into = null;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            if (cell && cell.col < MAX_COLUMNS) {
              while (cells.length < cell.col) cells.push('');
              cells[cell.col] = cellText(cell.type, cell.value.join(''), cell.inline.join(''), strings);
            }
            cell = null;
            break;
          case 'row':
            if (!sink.add(sheet, rowNumber, cells)) full = true;
        }
      },
    },
    () => full,
  );
  return !full;
}

/** Excel's last column is XFD, the 16,384th. */
const MAX_COLUMNS = 16_384;

/** The zero-based column of a cell reference such as B3 or XFD1048576. */
export function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

/** A cell's text by its type (§18.18.11): a shared string, an inline one, a formula's string, a truth value, an error, a date or a number. */
export function cellText(type: string, value: string, inline: string, strings: readonly string[]): string {
  switch (type) {
    case 's':
      return strings[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
      return value;
    case 'b':
      return value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd':
      return value.slice(0, 10);
    default: {
      if (value.trim() === '') return '';
      const n = Number(value);
      if (Number.isNaN(n)) return value;
      return Number.isInteger(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n.toFixed(0) : String(n);
    }
  }
}

/** An element's name without its namespace prefix: some writers (the OpenXML SDK) prefix every tag, `x:c`. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const SLICE = 1 << 16;

/** Parses an XML part a slice at a time, so a large sheet is never one string; stops between slices once `done`. */
function parseXml(
  xml: Buffer,
  handlers: {
    onopentag?(name: string, attribs: Record<string, string>): void;
    ontext?(text: string): void;
    onclosetag?(name: string): void;
  },
  done: () => boolean = () => false,
): void {
  const parser = new Parser(handlers, { xmlMode: true });
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < xml.length; at += SLICE) {
    if (done()) return;
    parser.write(decoder.write(xml.subarray(at, at + SLICE)));
  }
  if (!done()) parser.end(decoder.end());
}

// An Excel 97–2003 workbook's cells ([MS-XLS], BIFF8), sheet by sheet, as rows: what a 公示 list saved as
// .xls (or as WPS's .et, the same format inside) holds. Text, numbers (an integer as its digits: a
// mobile kept as a number), and formulas' cached results are read; formats, styles and charts are not.
// Bounded as the other readers: records are walked once, the rows go to the capped sink, and a record
// past the stream's end is a damaged file.
import { openCompoundFile } from './cfb.js';
import type { RowSink } from './rows.js';
import { UnreadableAttachment } from './unreadable.js';

const broken = () => new UnreadableAttachment('Excel 文件结构已损坏，未读取');

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;

interface Rec {
  type: number;
  data: Buffer;
  /** The data of the CONTINUE records that follow it: a long string goes on in them. */
  more: Buffer[];
  at: number;
}

export function readXls(bytes: Buffer, sink: RowSink): void {
  const file = openCompoundFile(bytes);
  const book = file.stream('Workbook');
  if (!book) {
    if (file.stream('Book')) throw new UnreadableAttachment('Excel 5.0/95 格式的工作簿暂不能读取，未检查');
    throw new UnreadableAttachment('不是 Excel 工作簿（没有 Workbook 流），未读取');
  }
  const records = readRecords(book);
  const bySheetStart = new Map<number, number>();
  records.forEach((r, i) => bySheetStart.set(r.at, i));

  const sheets: { name: string; at: number }[] = [];
  let strings: string[] = [];
  for (const r of records) {
    if (r.type === FILEPASS) throw new UnreadableAttachment('Excel 文件已加密，未读取');
    if (r.type === BOUNDSHEET) {
      // Only worksheets (dt 0); charts and macro sheets hold no list.
      if (r.data.length < 8 || r.data[5] !== 0) continue;
      sheets.push({ at: r.data.readUInt32LE(0), name: shortString(r.data, 6) });
    } else if (r.type === SST) strings = sharedStrings(r);
    else if (r.type === EOF) break;
  }
  for (const sheet of sheets) {
    const start = bySheetStart.get(sheet.at);
    if (start === undefined || records[start]!.type !== BOF) throw broken();
    if (!readSheet(records, start + 1, sheet.name, strings, sink)) return;
  }
}

function readRecords(book: Buffer): Rec[] {
  const out: Rec[] = [];
  for (let at = 0; at + 4 <= book.length; ) {
    const type = book.readUInt16LE(at);
    const len = book.readUInt16LE(at + 2);
    if (at + 4 + len > book.length) throw broken();
    const data = book.subarray(at + 4, at + 4 + len);
    if (type === CONTINUE && out.length > 0) out[out.length - 1]!.more.push(data);
    else out.push({ type, data, more: [], at });
    at += 4 + len;
  }
  return out;
}

/** A reader over a record and its CONTINUE records; a string's characters may cross into the next one. */
class Cursor {
  private part = 0;
  private at = 0;
  private readonly parts: Buffer[];
  constructor(r: Rec) {
    this.parts = [r.data, ...r.more];
  }
  private buf(): Buffer {
    while (this.part < this.parts.length && this.at >= this.parts[this.part]!.length) {
      this.part++;
      this.at = 0;
    }
    if (this.part >= this.parts.length) throw broken();
    return this.parts[this.part]!;
  }
  u8(): number {
    return this.buf()[this.at++]!;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      const b = this.buf();
      const step = Math.min(left, b.length - this.at);
      this.at += step;
      left -= step;
    }
  }
  /** `count` characters, 1 or 2 bytes each; at a record boundary a new flags byte says which. */
  chars(count: number, wide: boolean): string {
    let out = '';
    let w = wide;
    for (let left = count; left > 0; ) {
      // Characters that go on in the next CONTINUE record start it with a flags byte of their own.
      if (this.part < this.parts.length && this.at >= this.parts[this.part]!.length) {
        this.buf();
        w = (this.u8() & 0x01) !== 0;
      }
      const b = this.buf();
      const fit = Math.min(left, Math.floor((b.length - this.at) / (w ? 2 : 1)));
      if (fit <= 0) throw broken();
      out += w ? b.toString('utf16le', this.at, this.at + fit * 2) : b.toString('latin1', this.at, this.at + fit);
      this.at += fit * (w ? 2 : 1);
      left -= fit;
    }
    return out;
  }
  /** XLUnicodeRichExtendedString: the SST's entries. */
  richString(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 0x01) !== 0);
    this.skip(runs * 4 + ext);
    return text;
  }
}

function sharedStrings(r: Rec): string[] {
  const c = new Cursor(r);
  c.u32();
  const unique = c.u32();
  const out: string[] = [];
  // A count larger than what the record holds ends at the record's end (damaged): the rest is broken.
  for (let i = 0; i < unique; i++) out.push(c.richString());
  return out;
}

function shortString(data: Buffer, at: number): string {
  const cch = data[at] ?? 0;
  const wide = ((data[at + 1] ?? 0) & 0x01) !== 0;
  const start = at + 2;
  return wide ? data.toString('utf16le', start, start + cch * 2) : data.toString('latin1', start, start + cch);
}

function rk(v: number): number {
  const scaled = (v & 0x01) !== 0;
  let n: number;
  if ((v & 0x02) !== 0) n = v >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE((v & 0xfffffffc) >>> 0, 4);
    n = b.readDoubleLE(0);
  }
  return scaled ? n / 100 : n;
}

/** A number as a person reads it in the cell: an integer as its digits (a mobile or a card kept as a number). */
function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

function readSheet(records: Rec[], from: number, name: string, strings: string[], sink: RowSink): boolean {
  const rows = new Map<number, string[]>();
  const put = (row: number, col: number, text: string) => {
    // BIFF8 has 256 columns; a crafted column past them would pad a row with tens of thousands of cells.
    if (col > 255) return;
    const cells = rows.get(row) ?? [];
    if (cells.length === 0) rows.set(row, cells);
    while (cells.length < col) cells.push('');
    cells[col] = text;
  };
  let pendingFormula: { row: number; col: number } | null = null;
  for (let i = from; i < records.length; i++) {
    const r = records[i]!;
    const d = r.data;
    if (r.type === EOF) break;
    if (r.type === LABELSST && d.length >= 10) put(d.readUInt16LE(0), d.readUInt16LE(2), strings[d.readUInt32LE(6)] ?? '');
    else if (r.type === LABEL && d.length >= 9) {
      const c = new Cursor({ ...r, data: d.subarray(6) });
      const cch = c.u16();
      put(d.readUInt16LE(0), d.readUInt16LE(2), c.chars(cch, (c.u8() & 0x01) !== 0));
    } else if (r.type === NUMBER && d.length >= 14) put(d.readUInt16LE(0), d.readUInt16LE(2), numberText(d.readDoubleLE(6)));
    else if (r.type === RK && d.length >= 10) put(d.readUInt16LE(0), d.readUInt16LE(2), numberText(rk(d.readUInt32LE(6))));
    else if (r.type === MULRK && d.length >= 6) {
      const row = d.readUInt16LE(0);
      const first = d.readUInt16LE(2);
      const n = (d.length - 6) / 6;
      for (let k = 0; k < n; k++) put(row, first + k, numberText(rk(d.readUInt32LE(4 + k * 6 + 2))));
    } else if (r.type === FORMULA && d.length >= 14) {
      const row = d.readUInt16LE(0);
      const col = d.readUInt16LE(2);
      if (d.readUInt16LE(12) !== 0xffff) put(row, col, numberText(d.readDoubleLE(6)));
      // A string result is in the STRING record that follows.
      else if (d[6] === 0) pendingFormula = { row, col };
      else if (d[6] === 1) put(row, col, d[8] ? 'TRUE' : 'FALSE');
    } else if (r.type === STRING && pendingFormula) {
      const c = new Cursor(r);
      const cch = c.u16();
      put(pendingFormula.row, pendingFormula.col, c.chars(cch, (c.u8() & 0x01) !== 0));
      pendingFormula = null;
    }
  }
  for (const row of [...rows.keys()].sort((a, b) => a - b)) if (!sink.add(name, row + 1, rows.get(row)!)) return false;
  return true;
}

// A Word 97–2003 document's text ([MS-DOC]), as rows: each table row a row of cells (a 公示 list is
// nearly always a table), each paragraph outside a table a row of one cell, like the docx reader.
// The text is the main document's (headers, footnotes and comments are not read), assembled from the
// piece table; where a paragraph sits (in a cell, ending a row) comes from its paragraph properties.
// A file whose paragraph properties cannot be read has its cells read as rows of their own: cells of
// two people are never joined into one row.
import iconv from 'iconv-lite';
import { openCompoundFile } from './cfb.js';
import type { RowSink } from './rows.js';
import { UnreadableAttachment } from './unreadable.js';

const broken = () => new UnreadableAttachment('Word 文档结构已损坏，未读取');

interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** Paragraph properties by file offset: in a table, and whether the paragraph ends a table row. */
interface ParaRun {
  fcStart: number;
  fcEnd: number;
  inTable: boolean;
  rowEnd: boolean;
}

export function readDoc(bytes: Buffer, sink: RowSink): void {
  const file = openCompoundFile(bytes);
  const word = file.stream('WordDocument');
  if (!word) throw new UnreadableAttachment('不是 Word 文档（没有 WordDocument 流），未读取');
  if (word.length < 0x200 || word.readUInt16LE(0) !== 0xa5ec) throw broken();
  const flags = word.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new UnreadableAttachment('Word 文档已加密，未读取');
  const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw broken();

  // The FIB: a fixed base, then three arrays each preceded by its length.
  let at = 32;
  const csw = word.readUInt16LE(at);
  at += 2 + csw * 2;
  const cslw = word.readUInt16LE(at);
  const rgLw = at + 2;
  at = rgLw + cslw * 4;
  const cbRgFcLcb = word.readUInt16LE(at);
  const rgFcLcb = at + 2;
  if (cslw < 4 || cbRgFcLcb < 34 || rgFcLcb + 34 * 8 > word.length) throw broken();
  const ccpText = word.readInt32LE(rgLw + 3 * 4);
  const pair = (i: number) => ({ fc: word.readUInt32LE(rgFcLcb + i * 8), lcb: word.readUInt32LE(rgFcLcb + i * 8 + 4) });
  const pieces = readPieces(table, pair(33), ccpText);
  let paras: ParaRun[] | null;
  try {
    paras = readParaRuns(word, table, pair(13));
  } catch {
    paras = null;
  }
  emitRows(word, pieces, paras, sink);
}

/** The piece table (Clx → Pcdt → PlcPcd): which bytes of WordDocument hold which characters. */
function readPieces(table: Buffer, clx: { fc: number; lcb: number }, ccpText: number): Piece[] {
  if (clx.fc + clx.lcb > table.length || ccpText < 0) throw broken();
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  while (at + 3 <= end && table[at] === 0x01) at += 3 + table.readUInt16LE(at + 1);
  if (at >= end || table[at] !== 0x02) throw broken();
  const lcb = table.readUInt32LE(at + 1);
  const plc = at + 5;
  if (plc + lcb > table.length || (lcb - 4) % 12 !== 0) throw broken();
  const n = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = table.readUInt32LE(plc + i * 4);
    const cpEnd = Math.min(table.readUInt32LE(plc + (i + 1) * 4), ccpText);
    const raw = table.readUInt32LE(plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    if (cpStart >= cpEnd) continue;
    pieces.push({ cpStart, cpEnd, fc: compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff, compressed });
  }
  return pieces;
}

// sprmPFInTable, sprmPFTtp, sprmPFInnerTableCell, sprmPFInnerTtp.
const IN_TABLE = new Set([0x2416, 0x244b]);
const ROW_END = new Set([0x2417, 0x244c]);

/** PlcBtePapx → the FKP pages → each run's paragraph properties that say where a paragraph sits. */
function readParaRuns(word: Buffer, table: Buffer, bte: { fc: number; lcb: number }): ParaRun[] {
  if (bte.lcb < 12 || bte.fc + bte.lcb > table.length || (bte.lcb - 4) % 8 !== 0) throw broken();
  const n = (bte.lcb - 4) / 8;
  const runs: ParaRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(bte.fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = word.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) throw broken();
    const crun = page[511]!;
    for (let r = 0; r < crun; r++) {
      const bOffset = page[4 * (crun + 1) + r * 13]!;
      const run: ParaRun = { fcStart: page.readUInt32LE(r * 4), fcEnd: page.readUInt32LE((r + 1) * 4), inTable: false, rowEnd: false };
      if (bOffset !== 0) {
        let p = bOffset * 2;
        const cb = page[p]!;
        const len = cb !== 0 ? 2 * cb - 1 : 2 * page[p + 1]!;
        p += cb !== 0 ? 1 : 2;
        readSprms(page.subarray(p + 2, Math.min(p + len, 511)), run);
      }
      runs.push(run);
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function readSprms(grpprl: Buffer, run: ParaRun): void {
  for (let p = 0; p + 2 <= grpprl.length; ) {
    const sprm = grpprl.readUInt16LE(p);
    p += 2;
    const spra = sprm >> 13;
    let size: number;
    if (spra === 0 || spra === 1) size = 1;
    else if (spra === 2 || spra === 4 || spra === 5) size = 2;
    else if (spra === 3) size = 4;
    else if (spra === 7) size = 3;
    else if (sprm === 0xd608) size = 2 + grpprl.readUInt16LE(p) - 1;
    else size = 1 + (grpprl[p] ?? 0);
    const on = grpprl[p] !== undefined && grpprl[p] !== 0;
    if (IN_TABLE.has(sprm) && on) run.inTable = true;
    if (ROW_END.has(sprm) && on) run.rowEnd = true;
    p += size;
  }
}

function paraAt(runs: ParaRun[], fc: number): ParaRun | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return null;
}

function emitRows(word: Buffer, pieces: Piece[], paras: ParaRun[] | null, sink: RowSink): void {
  let text = '';
  let cells: string[] = [];
  let inTable = false;
  let tables = 0;
  let rows = 0;
  let paragraphs = 0;
  let field = 0;
  let fieldShows: boolean[] = [];
  const flushParagraph = (): boolean => {
    const t = text;
    text = '';
    if (inTable) {
      inTable = false;
      if (cells.length > 0 && !sink.add(`表${tables}`, ++rows, cells)) return false;
      cells = [];
    }
    return sink.add(null, ++paragraphs, [t]);
  };
  for (const piece of pieces) {
    const count = piece.cpEnd - piece.cpStart;
    const width = piece.compressed ? 1 : 2;
    if (piece.fc + count * width > word.length) throw new UnreadableAttachment('Word 文档结构已损坏，未读取');
    const raw = word.subarray(piece.fc, piece.fc + count * width);
    const chars = piece.compressed ? iconv.decode(raw, 'win1252') : raw.toString('utf16le');
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const fc = piece.fc + i * width;
      // Fields: the code between 0x13 and 0x14 (HYPERLINK "…") is not text; what follows 0x14 is.
      if (c === '\u0013') {
        field++;
        fieldShows.push(false);
        continue;
      }
      if (c === '\u0014') {
        if (field > 0) fieldShows[field - 1] = true;
        continue;
      }
      if (c === '\u0015') {
        if (field > 0) {
          field--;
          fieldShows = fieldShows.slice(0, field);
        }
        continue;
      }
      if (field > 0 && !fieldShows[field - 1]) continue;
      if (c === '\r' || c === '\u000c') {
        const p = paras ? paraAt(paras, fc) : null;
        if (p?.inTable) {
          // A paragraph inside a cell: the cell's text goes on.
          text += ' ';
          continue;
        }
        if (!flushParagraph()) return;
      } else if (c === '\u0007') {
        const p = paras ? paraAt(paras, fc) : null;
        if (!inTable) {
          inTable = true;
          tables++;
          rows = 0;
        }
        if (p?.rowEnd) {
          if (cells.length > 0 && !sink.add(`表${tables}`, ++rows, cells)) return;
          cells = [];
        } else if (p) cells.push(text);
        // Without paragraph properties a row cannot be told: each cell is a row of its own.
        else if (!sink.add(`表${tables}`, ++rows, [text])) return;
        text = '';
      } else if (c === '\u000b' || c === '\u001e') text += c === '\u001e' ? '-' : ' ';
      else if (c >= ' ' || c === '\t') text += c;
    }
  }
  if (text !== '' || cells.length > 0) flushParagraph();
}

// A PDF's text, page by page, with PDF.js (Mozilla's reader, pdfjs-dist): its text items grouped into
// lines by where they stand on the page, each line a row and each run of adjacent items a cell, so a
// table printed to PDF reads back as its rows. A PDF with no text at all is a scan: it is said so,
// because a scanned list of names may hold every number in it and nothing here can read it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RowSink } from './rows.js';
import { UnreadableAttachment } from './unreadable.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
// The character maps PDF.js ships: a Chinese PDF whose fonts are not embedded names its text through
// Adobe's predefined CMaps (UniGB-UCS2-H), and without them reads as nothing.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Loads PDF.js now rather than inside the first file's time cap. */
export async function loadPdfReader(): Promise<void> {
  await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

export async function readPdf(bytes: Buffer, sink: RowSink): Promise<void> {
  const { getDocument } = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise> | undefined;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new UnreadableAttachment('PDF 设有密码，无法读取');
    throw new UnreadableAttachment('PDF 文件已损坏，无法读取');
  }
  try {
    let text = false;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: Math.abs(it.height) || 1 });
      }
      page.cleanup();
      if (items.length > 0) text = true;
      let n = 0;
      for (const line of linesOf(items)) if (!sink.add(`第${p}页`, ++n, cellsOf(line))) return;
    }
    if (!text) throw new UnreadableAttachment('PDF 中没有文字（可能是扫描件），无法检查其中的个人信息');
  } finally {
    await task.destroy();
  }
}

/** Items on one baseline (within half a line's height), top of the page first, each line left to right. */
function linesOf(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - it.y) <= Math.max(1, Math.min(line[0]!.height, it.height) / 2)) line.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

/** Items that touch (a number split over two text runs) are one cell; a gap starts the next. */
function cellsOf(line: Item[]): string[] {
  const cells: string[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const it of line) {
    if (cells.length > 0 && it.x - end < Math.max(0.5, it.height * 0.05)) cells[cells.length - 1] += it.str;
    else cells.push(it.str);
    end = it.x + it.width;
  }
  return cells;
}

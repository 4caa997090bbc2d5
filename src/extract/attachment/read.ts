// One attachment's bytes → its rows, or why it was not read. Bounded: a zip package is checked before
// it is unpacked (zip-guard), rows and characters are capped (rows), and the caller runs this on a
// worker thread it ends past a time cap, so a file that slips every check still stops.
import type { AttachmentFormat, AttachmentRow } from '../../model/artifacts.js';
import { readCsv } from './csv.js';
import { readDoc } from './doc.js';
import { readDocx } from './docx.js';
import { readXls } from './xls.js';
import { sniff, zipFormat } from './format.js';
import { isMarkupSheet, readMarkupSheet } from './html-table.js';
import { loadPdfReader, readPdf } from './pdf.js';
import { type RowLimits, RowSink } from './rows.js';
import { safeReason, UnreadableAttachment } from './unreadable.js';
import { isXmlPart, readXlsx } from './xlsx.js';
import { unzipGuarded, type ZipLimits } from './zip-guard.js';

export type AttachmentLimits = ZipLimits & RowLimits;

export type AttachmentRead =
  | { state: 'read'; format: AttachmentFormat; rows: AttachmentRow[]; reason: string | null }
  | { state: 'not-read'; format: AttachmentFormat | null; reason: string };

// OLE compound files (Excel 97–2003, Word 97–2003 and Kingsoft's et/wps, which share their layouts):
// no parser for them is maintained on the npm registry (SheetJS's builds left it; npm's `xlsx` 0.18.5 has
// known flaws in reading crafted files), so the readers are our own and small, to the published formats:
// the container (cfb.ts), Word's text (doc.ts) and Excel's cells (xls.ts). A .wps or .et is read when it
// is Word's or Excel's format inside, as WPS saves them.

/** Loads the readers' libraries, so that a time cap on a file measures reading it. */
export async function loadReaders(): Promise<void> {
  await loadPdfReader();
}

/** `linked`: the kind the link's address named; the bytes decide. */
export async function readAttachment(bytes: Buffer, linked: AttachmentFormat, limits: AttachmentLimits): Promise<AttachmentRead> {
  const kind = sniff(bytes);
  let format: AttachmentFormat | null = null;
  try {
    const sink = new RowSink(limits);
    if (kind === 'pdf') {
      format = 'pdf';
      await readPdf(bytes, sink);
    } else if (kind === 'zip') {
      const zip = await unzipGuarded(bytes, limits, isXmlPart);
      format = zipFormat(zip.names);
      if (format === 'docx') readDocx(zip.files.get('word/document.xml')!, sink);
      else if (format === 'xlsx') readXlsx(zip.files, sink);
      else throw new UnreadableAttachment('压缩包不是 xlsx 或 docx 文件，未读取');
    } else if (kind === 'ole') {
      // Which of the four: the bytes are alike; the address said which.
      format = linked === 'xls' || linked === 'et' || linked === 'doc' || linked === 'wps' ? linked : 'doc';
      if (format === 'xls' || format === 'et') readXls(bytes, sink);
      else readDoc(bytes, sink);
    } else if (kind === 'csv' && linked === 'csv') {
      format = 'csv';
      readCsv(bytes, sink);
    } else if (kind === 'html' && (linked === 'xls' || linked === 'et' || linked === 'xlsx') && isMarkupSheet(bytes)) {
      // An HTML table or an XML Spreadsheet 2003 named .xls: Excel opens it as a sheet, and so is it read.
      format = linked;
      readMarkupSheet(bytes, sink);
    } else if (kind === 'html') {
      throw new UnreadableAttachment('下载得到的是网页，不是附件文件（可能要登录，或链接已失效）');
    } else {
      throw new UnreadableAttachment(`文件内容不是 ${linked} 格式，未读取`);
    }
    return { state: 'read', format, rows: sink.rows, reason: sink.cut };
  } catch (e) {
    return { state: 'not-read', format, reason: safeReason(e) };
  }
}

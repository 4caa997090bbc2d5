// Which links are attachments worth reading for personal data, and what a downloaded file really is.
// A link is taken by the extension its address names (名单.xls, download.jsp?file=名单.xlsx); the file
// is then named by its bytes, because sites serve .xls files that are HTML tables, .doc files that
// are docx, and login pages for all of them.
import type { AttachmentFormat } from '../../model/artifacts.js';

const EXTENSIONS: readonly AttachmentFormat[] = ['xlsx', 'xls', 'csv', 'docx', 'doc', 'pdf', 'wps', 'et'];
const EXT = new RegExp(`\\.(${EXTENSIONS.join('|')})$`, 'i');

/** The attachment kind a link's address names, in its path or in a query value; null when it names none. */
export function linkedFormat(url: string): AttachmentFormat | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const names = [decodeSafe(u.pathname), ...[...u.searchParams.values()].map(decodeSafe)];
  for (const n of names) {
    const m = EXT.exec(n.trim());
    if (m) return m[1]!.toLowerCase() as AttachmentFormat;
  }
  return null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type Sniffed = AttachmentFormat | 'zip' | 'ole' | 'html' | 'unknown';

/**
 * What the bytes are. A zip is told apart by its entries (sniffZip), an OLE compound file (xls, doc,
 * wps, et) by the extension it was linked by: its streams are not read here.
 */
export function sniff(bytes: Buffer): Sniffed {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<table|<\?xml)/.test(head)) return 'html';
  // Text with no control bytes but tabs and line ends: a CSV (or a text file named like one).
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return 'unknown';
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return 'unknown';
  return 'csv';
}

/** An Office Open XML package by its main part (`entries` lower-cased, as zip-guard names them): a workbook or a Word document. */
export function zipFormat(entries: readonly string[]): 'xlsx' | 'docx' | null {
  if (entries.includes('xl/workbook.xml')) return 'xlsx';
  if (entries.includes('word/document.xml')) return 'docx';
  return null;
}

// Bytes of a text file → string. Registries come from Excel on Chinese Windows, so a CSV is as
// likely GBK/GB18030 as UTF-8, and nothing in the file says which.

import iconv from 'iconv-lite';
import { InputError } from '../errors.js';

const SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, ...magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Names what a non-text file probably is, so the message can say what to do instead. */
function describeBinary(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'a zip archive (an .xlsx workbook? give it the .xlsx extension)';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return 'an old Excel .xls workbook (save it as .xlsx or CSV)';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'a JPEG image';
  // C0 control bytes other than tab, CR, LF never occur in UTF-8 or GBK text (multi-byte
  // sequences use only bytes from 0x30 up), so one in the first few KB means binary content.
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return 'binary data';
  return undefined;
}

/**
 * Decodes a CSV/JSON file: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (a superset of GBK).
 * `expected` says what the file should have been (the registry, or a reference list read the same way).
 */
export function decodeText(file: string, bytes: Uint8Array, expected = 'a CSV (UTF-8 or GBK), .xlsx or .json registry'): string {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  // Excel's "Unicode 文本" export: UTF-16LE with a BOM.
  if (startsWith(bytes, 0xff, 0xfe)) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, 0xfe, 0xff)) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');

  const binary = describeBinary(bytes);
  if (binary) {
    throw new InputError(`${file}: not a text file, it looks like ${binary}`, undefined, `give ${expected}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

// A body served as a web page that is no text at all (an image, an archive, a PDF behind text/html).
// Decoded as GBK it would read as a page of nonsense, and a page of nonsense can pass for a column with
// no list; it is named for what it is instead.

const MAGIC: [string, number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['GZIP', [0x1f, 0x8b]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7Z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['OLE（doc/xls）', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** What kind of binary the bytes are (PNG, ZIP… or 二进制数据), or null when they may be text. */
export function binaryKind(bytes: Buffer): string | null {
  for (const [name, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  // UTF-16 text is half NULs; its BOM says so (and decode reads it).
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  // Text has almost no control bytes; a stray NUL or two in a broken page is still a page.
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0 || (b < 0x09 && b !== 0x1b)) control++;
  }
  return head.length >= 64 && control / head.length > 0.1 ? '二进制数据' : null;
}

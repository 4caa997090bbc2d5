// Bytes → text. Government sites declare charsets in the header, the BOM or a <meta>, and often get it wrong:
// a declaration is believed only when the bytes agree with it.
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** utf-8, gbk, gb18030, big5, utf-16le … */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'header' | 'meta' | 'sniffed' | 'corrected';
}

const GB_FAMILY = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312']);

export function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return m?.[1] ? normalizeLabel(m[1]) : null;
}

export function charsetFromMeta(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1] ? normalizeLabel(m[1]) : null;
}

function normalizeLabel(label: string): string {
  const l = label.toLowerCase();
  if (l === 'utf8') return 'utf-8';
  if (GB_FAMILY.has(l)) return l === 'gb18030' ? 'gb18030' : 'gbk';
  return l;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (b > 0x7f) return true;
  return false;
}

/** GBK when every character is in GBK, else GB18030 (four-byte sequences, rare characters). */
function decodeGb(bytes: Buffer): { text: string; encoding: 'gbk' | 'gb18030' } {
  const text = iconv.decode(bytes, 'gb18030');
  const gbk = iconv.decode(bytes, 'gbk');
  return { text, encoding: gbk === text ? 'gbk' : 'gb18030' };
}

export function decodeHtml(bytes: Buffer, contentType: string | null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8', source: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', source: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', source: 'bom' };

  const fromHeader = charsetFromContentType(contentType);
  const declared = fromHeader ?? charsetFromMeta(bytes);
  const source = fromHeader ? 'header' : declared ? 'meta' : 'sniffed';
  const utf8 = isValidUtf8(bytes);
  // Chinese text in GBK is almost never valid UTF-8, so valid multi-byte UTF-8 overrides a GB declaration.
  if (utf8 && (declared === null || declared === 'utf-8' || (GB_FAMILY.has(declared) && hasNonAscii(bytes)))) {
    const agreed = declared === null || declared === 'utf-8';
    return { text: bytes.toString('utf8'), encoding: 'utf-8', source: agreed ? source : 'corrected' };
  }
  if (declared && declared !== 'utf-8' && !GB_FAMILY.has(declared) && iconv.encodingExists(declared)) {
    return { text: iconv.decode(bytes, declared), encoding: declared, source };
  }
  // Declared GB, undeclared and not UTF-8, or declared UTF-8 with bytes that are not: the Chinese web's other encoding.
  const gb = decodeGb(bytes);
  const agreed = declared !== null && GB_FAMILY.has(declared);
  return { text: gb.text, encoding: gb.encoding, source: agreed ? source : declared === null ? 'sniffed' : 'corrected' };
}

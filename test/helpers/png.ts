// Just enough PNG reading to tell a real page image from a blank one: size from IHDR, and the spread
// of pixel values after undoing the scanline filters.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface PngFacts {
  width: number;
  height: number;
  /** Distinct grey levels (0–255) over sampled pixels: a blank page has one or two. */
  levels: number;
  /** Share of sampled pixels that are not the most common colour. */
  inked: number;
}

/** Each decoded scanline of an 8-bit PNG, in order, with its bytes per pixel. */
function scanlines(path: string, onRow: (y: number, row: Buffer, bpp: number) => void): { width: number; height: number } {
  const buf = readFileSync(path);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${path} is not a PNG`);
  let off = 8;
  let width = 0;
  let height = 0;
  let bpp = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const colour = data[9]!;
      bpp = colour === 6 ? 4 : colour === 2 ? 3 : colour === 4 ? 2 : 1;
      if (data[8] !== 8) throw new Error('only 8-bit PNGs');
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const prev = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const filter = raw[start]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      const v = raw[start + 1 + x]!;
      const p = a + b - c;
      const pr = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      row[x] = (v + [0, a, b, (a + b) >> 1, pr][filter]!) & 0xff;
    }
    onRow(y, row, bpp);
    row.copy(prev);
  }
  return { width, height };
}

export function readPng(path: string): PngFacts {
  const counts = new Map<number, number>();
  const greys = new Set<number>();
  let sampled = 0;
  const { width, height } = scanlines(path, (y, row, bpp) => {
    if (y % 7 !== 0) return;
    for (let x = 0; x < row.length / bpp; x += 5) {
      const i = x * bpp;
      const rgb = bpp >= 3 ? (row[i]! << 16) | (row[i + 1]! << 8) | row[i + 2]! : row[i]!;
      counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
      greys.add(bpp >= 3 ? Math.round((row[i]! + row[i + 1]! + row[i + 2]!) / 3) : row[i]!);
      sampled++;
    }
  });
  const top = Math.max(...counts.values());
  return { width, height, levels: greys.size, inked: 1 - top / sampled };
}

/** How many pixels of a colour PNG are within `tolerance` of `rgb` on every channel. */
export function pixelsOf(path: string, rgb: readonly [number, number, number], tolerance = 8): number {
  let n = 0;
  scanlines(path, (_y, row, bpp) => {
    if (bpp < 3) return;
    for (let i = 0; i + 2 < row.length; i += bpp) {
      if (
        Math.abs(row[i]! - rgb[0]) <= tolerance &&
        Math.abs(row[i + 1]! - rgb[1]) <= tolerance &&
        Math.abs(row[i + 2]! - rgb[2]) <= tolerance
      )
        n++;
    }
  });
  return n;
}

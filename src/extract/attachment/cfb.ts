// The streams of an OLE compound file ([MS-CFB]): the container of Word 97–2003 .doc and Kingsoft's
// .wps. Only reading, only what the text readers need (a stream by name), and bounded: every sector
// chain is walked at most once per sector of the file, so a crafted file with a loop or a chain past
// its end is an unreadable file, never a hang.
import { UnreadableAttachment } from './unreadable.js';

const MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

export interface CompoundFile {
  /** The stream's bytes, or null when the file holds no stream of that name. */
  stream(name: string): Buffer | null;
}

const broken = () => new UnreadableAttachment('文件结构已损坏（OLE 复合文档），未读取');

export function openCompoundFile(bytes: Buffer): CompoundFile {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(MAGIC)) throw broken();
  const sectorShift = bytes.readUInt16LE(0x1e);
  const miniShift = bytes.readUInt16LE(0x20);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw broken();
  const sectorSize = 1 << sectorShift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const fatSectors = bytes.readUInt32LE(0x2c);
  const firstDir = bytes.readUInt32LE(0x30);
  const miniCutoff = bytes.readUInt32LE(0x38);
  const firstMiniFat = bytes.readUInt32LE(0x3c);
  const firstDifat = bytes.readUInt32LE(0x44);
  const difatSectors = bytes.readUInt32LE(0x48);
  if (fatSectors > sectors || difatSectors > sectors) throw broken();

  const sectorAt = (n: number): Buffer => {
    if (n >= sectors) throw broken();
    const start = (n + 1) * sectorSize;
    return bytes.subarray(start, Math.min(start + sectorSize, bytes.length));
  };

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatList: number[] = [];
  for (let i = 0; i < 109 && fatList.length < fatSectors; i++) fatList.push(bytes.readUInt32LE(0x4c + i * 4));
  for (let d = firstDifat, seen = 0; fatList.length < fatSectors && d !== END_OF_CHAIN && d !== FREE; seen++) {
    if (seen > difatSectors) throw broken();
    const s = sectorAt(d);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatList.length < fatSectors; i++) fatList.push(s.readUInt32LE(i * 4));
    d = s.readUInt32LE(per * 4);
  }
  const fat = new Uint32Array(fatList.length * (sectorSize / 4));
  fatList.forEach((n, i) => {
    const s = sectorAt(n);
    for (let j = 0; j < sectorSize / 4; j++) fat[i * (sectorSize / 4) + j] = s.readUInt32LE(j * 4);
  });

  const chain = (first: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let n = first; n !== END_OF_CHAIN; n = table[n]!) {
      if (n >= table.length || out.length >= limit) throw broken();
      out.push(n);
    }
    return out;
  };
  const read = (first: number, size: number): Buffer => {
    const parts = chain(first, fat, sectors).map(sectorAt);
    const whole = Buffer.concat(parts);
    if (whole.length < size) throw broken();
    return whole.subarray(0, size);
  };

  const dir = Buffer.concat(chain(firstDir, fat, sectors).map(sectorAt));
  interface Entry {
    name: string;
    type: number;
    start: number;
    size: number;
  }
  const entries: Entry[] = [];
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const nameBytes = Math.min(dir.readUInt16LE(off + 0x40), 64);
    const type = dir[off + 0x42]!;
    if (type === 0) continue;
    entries.push({
      name: dir.toString('utf16le', off, off + Math.max(0, nameBytes - 2)),
      type,
      start: dir.readUInt32LE(off + 0x74),
      // Version 3 files use the low 32 bits only; a size past the file is refused below.
      size: dir.readUInt32LE(off + 0x78),
    });
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw broken();

  let mini: { fat: Uint32Array; stream: Buffer } | null = null;
  const miniStreams = () => {
    if (mini) return mini;
    const miniFatBytes =
      firstMiniFat === END_OF_CHAIN || firstMiniFat === FREE
        ? Buffer.alloc(0)
        : Buffer.concat(chain(firstMiniFat, fat, sectors).map(sectorAt));
    const table = new Uint32Array(miniFatBytes.length / 4);
    for (let i = 0; i < table.length; i++) table[i] = miniFatBytes.readUInt32LE(i * 4);
    mini = { fat: table, stream: root.start === END_OF_CHAIN ? Buffer.alloc(0) : read(root.start, Math.min(root.size, bytes.length)) };
    return mini;
  };

  return {
    stream(name) {
      const e = entries.find((x) => x.type === 2 && x.name === name);
      if (!e) return null;
      if (e.size > bytes.length) throw broken();
      if (e.size === 0 || e.start === NO_STREAM) return Buffer.alloc(0);
      if (e.size >= miniCutoff) return read(e.start, e.size);
      const m = miniStreams();
      const parts = chain(e.start, m.fat, m.fat.length).map((n) => {
        const at = n * 64;
        if (at + 64 > m.stream.length) throw broken();
        return m.stream.subarray(at, at + 64);
      });
      const whole = Buffer.concat(parts);
      if (whole.length < e.size) throw broken();
      return whole.subarray(0, e.size);
    },
  };
}

// xlsx and docx are zip packages, and a zip can unpack to a thousand times its size. Before any parser
// unpacks one, the central directory is read (yauzl) and the package refused past an entry count or a
// total unpacked size; then every entry is inflated once with its real size checked against the size it
// declares (a bomb that understates its sizes is stopped at the declared size, never past the cap).
import yauzl from 'yauzl';
import { UnreadableAttachment } from './unreadable.js';

export interface ZipLimits {
  /** Entries in the package at most. */
  maxEntries: number;
  /** Bytes of all entries together, unpacked, at most. */
  maxUnzippedBytes: number;
}

export interface ZipContents {
  /** Every entry's name, lower-cased: an Office package's part names compare without regard to case (ECMA-376 part 2, §6.2.2.3). */
  names: string[];
  /** The entries asked for, unpacked, by their lower-cased names. */
  files: Map<string, Buffer>;
}

const MB = 1_000_000;

export async function unzipGuarded(bytes: Buffer, limits: ZipLimits, want: (name: string) => boolean): Promise<ZipContents> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new UnreadableAttachment('文件已损坏，不是完整的压缩包（xlsx/docx）');
  }
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new UnreadableAttachment(`压缩包内有 ${zip.entryCount} 个文件，超过 ${limits.maxEntries} 个的上限，未解压（疑似压缩炸弹）`);
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for await (const e of zip.eachEntry()) {
      entries.push(e);
      declared += e.uncompressedSize;
      if (declared > limits.maxUnzippedBytes) throw tooBig(limits);
    }
    const names = entries.map((e) => e.fileName.toLowerCase());
    const files = new Map<string, Buffer>();
    let unpacked = 0;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      const stream = await zip.openReadStreamPromise(e);
      for await (const c of stream) {
        unpacked += (c as Buffer).length;
        if (unpacked > limits.maxUnzippedBytes) {
          stream.destroy();
          throw tooBig(limits);
        }
        if (want(e.fileName)) chunks.push(c as Buffer);
      }
      if (want(e.fileName)) files.set(e.fileName.toLowerCase(), Buffer.concat(chunks));
    }
    return { names, files };
  } catch (e) {
    if (e instanceof UnreadableAttachment) throw e;
    // yauzl's own checks: an entry larger (or smaller) than it declares, a broken deflate stream, a bad offset.
    if (/too (many|few) bytes/.test((e as Error).message))
      throw new UnreadableAttachment('压缩包内文件的实际大小与其声明不符，未解压（疑似压缩炸弹）');
    throw new UnreadableAttachment('压缩包结构异常，未解压');
  } finally {
    zip.close();
  }
}

function tooBig(limits: ZipLimits): UnreadableAttachment {
  return new UnreadableAttachment(`解压后超过 ${Math.round(limits.maxUnzippedBytes / MB)} MB 的上限，未解压（疑似压缩炸弹）`);
}

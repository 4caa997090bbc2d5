// A table file (a registry, a findings sheet) → its raw table: the reader chosen by extension, and a
// missing, unreadable or empty file told apart in one line naming the file and what it should be.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { RawTable } from './table.js';

export type TableReaders = Record<string, (file: string, bytes: Buffer) => RawTable | Promise<RawTable>>;

/** How errors name the file: `{ format: 'registry', file: 'registry file' }`. */
export interface TableKind {
  format: string;
  file: string;
}

export async function readTableFile(path: string, readers: TableReaders, kind: TableKind): Promise<RawTable> {
  const reader = readers[extname(path).toLowerCase()];
  if (!reader) {
    throw new InputError(
      `${path}: unknown ${kind.format} format "${extname(path) || '(no extension)'}"; accepted: ${Object.keys(readers).join(', ')}`,
    );
  }
  const bytes = await readBytes(path, kind.file);
  if (bytes.length === 0) throw new InputError(`${path}: the file is empty`);
  return reader(path, bytes);
}

async function readBytes(path: string, file: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a ${file}`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${path}: cannot be read (permission denied)`);
    throw err;
  }
}

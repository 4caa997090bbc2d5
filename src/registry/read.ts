// Entry point for registry files: pick the reader by extension, then validate every row.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import { sitesFromTable, type RegistryRead } from './sites-from-table.js';
import type { RawTable } from './table.js';

export type { RegistryRead } from './sites-from-table.js';

const READERS: Record<string, (file: string, bytes: Buffer) => RawTable | Promise<RawTable>> = {
  '.csv': readCsv,
  '.xlsx': readXlsx,
  '.json': readJson,
};

export const REGISTRY_FORMATS = Object.keys(READERS);

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a registry file`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${path}: cannot be read (permission denied)`);
    throw err;
  }
}

/**
 * Reads a registry (CSV, XLSX or JSON). Problems with the file as a whole throw InputError;
 * problems with rows come back in `errors`, and the good rows are still returned.
 */
export async function readRegistryFile(path: string): Promise<RegistryRead> {
  const reader = READERS[extname(path).toLowerCase()];
  if (!reader) {
    throw new InputError(
      `${path}: unknown registry format "${extname(path) || '(no extension)'}"; accepted: ${REGISTRY_FORMATS.join(', ')}`,
    );
  }
  const bytes = await readBytes(path);
  if (bytes.length === 0) throw new InputError(`${path}: the file is empty`);
  return sitesFromTable(path, await reader(path, bytes));
}

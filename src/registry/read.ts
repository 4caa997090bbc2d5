// Entry point for registry files: pick the reader by extension, then validate every row.

import { readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { readXlsx } from './read-xlsx.js';
import { sitesFromTable, type RegistryRead } from './sites-from-table.js';
import { readTableFile, type TableReaders } from './read-table-file.js';

export type { RegistryRead } from './sites-from-table.js';

const READERS: TableReaders = {
  '.csv': readCsv,
  '.xlsx': readXlsx,
  '.json': readJson,
};

export const REGISTRY_FORMATS = Object.keys(READERS);

/**
 * Reads a registry (CSV, XLSX or JSON). Problems with the file as a whole throw InputError;
 * problems with rows come back in `errors`, and the good rows are still returned.
 */
export async function readRegistryFile(path: string): Promise<RegistryRead> {
  return sitesFromTable(path, await readTableFile(path, READERS, { format: 'registry', file: 'registry file' }));
}

/** One problem with one field of one input row; every bad row is reported, not just the first. */
export interface RowError {
  file: string;
  /** 1-based row number as a person sees it in the file (the header is row 1 in CSV/XLSX; the array index + 1 in JSON). */
  row: number;
  /** The header as written in the file, or the canonical key when the column is missing. */
  field: string;
  /** What was found, shortened for display. */
  value: string;
  /** What was expected, in plain words. */
  expected: string;
}

export function formatRowError(e: RowError): string {
  const shown = e.value === '' ? '(empty)' : JSON.stringify(e.value);
  return `${e.file}: row ${e.row}, field ${e.field}: got ${shown}, expected ${e.expected}`;
}

// A pasted web page or a whole paragraph in one cell would otherwise flood the terminal.
const MAX_SHOWN = 80;

export function shortenValue(value: string, max = MAX_SHOWN): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

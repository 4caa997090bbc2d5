// Site names and messages come from the crawled sites themselves, so a hostile or careless page
// could plant a formula that runs when an inspector opens the CSV or XLSX. OWASP's CSV-injection
// guidance: prefix any cell that a spreadsheet could read as a formula with a single quote.
// https://owasp.org/www-community/attacks/CSV_Injection

// Tab and CR are on the list because spreadsheets may strip them and then read what follows;
// the full-width forms because a spreadsheet in a Chinese locale may fold them to ASCII operators,
// and Chinese pages are exactly where they turn up.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export type CellValue = string | number;

/** Text that a spreadsheet will show as text. Numbers are returned unchanged: they cannot carry a formula. */
export function neutralize(value: string): string;
export function neutralize(value: number): number;
export function neutralize(value: CellValue): CellValue;
export function neutralize(value: CellValue): CellValue {
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

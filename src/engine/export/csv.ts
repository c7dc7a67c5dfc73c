/**
 * CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (without it Excel
 * reads Windows-1252), CRLF line ends and RFC 4180 quoting. Text that a spreadsheet
 * would run as a formula (= + - @, tab, CR, and their full-width forms) gets a
 * leading apostrophe (OWASP "CSV injection"). Numbers are written as numbers, so
 * a negative amount stays a number; dates should arrive as ISO 'YYYY-MM-DD' text.
 */
export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = typeof value === 'string' ? value : value.join('; ');
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

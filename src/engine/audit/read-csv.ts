import Papa from 'papaparse';
import { decodeWindows1252 } from '../ingest/windows-1252.ts';

/** What src/engine/export/csv.ts puts an apostrophe before (formula starts, incl. full-width forms). */
const NEUTRALISED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Reads back a CSV a person may have edited in a spreadsheet: UTF-8 (with or
 * without BOM) or Windows-1252 (Excel's plain "CSV" on Windows); delimiter `,`
 * `;` or tab; quoted fields with line breaks. The apostrophe our writer put
 * before formula-like text is taken off again, so an export read back gives the
 * values that were exported. Records come back as the spreadsheet's rows.
 * With `headerCell`, the delimiter is the one of the header row naming it.
 */
export function readSpreadsheetCsv(bytes: Uint8Array, headerCell?: string): string[][] {
  const text = decode(bytes);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, delimiter: headerCell ? headerDelimiter(text, headerCell) : undefined });
  return parsed.data.map((row) => row.map((value) => (NEUTRALISED.test(value) ? value.slice(1) : value)));
}

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter of the table's header row (the first line naming `headerCell`):
 * the one it holds most of. Papa Parse guesses from the first rows, which in a
 * worksheet are the two-cell identity block, and can guess wrong there.
 */
function headerDelimiter(text: string, headerCell: string): string | undefined {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.toLowerCase().includes(headerCell.toLowerCase()));
  if (!line) return undefined;
  const [best] = DELIMITERS.map((d) => ({ d, n: line.split(d).length - 1 })).sort((a, b) => b.n - a.n);
  return best.n > 0 ? best.d : undefined;
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

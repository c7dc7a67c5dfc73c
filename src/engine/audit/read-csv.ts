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
 */
export function readSpreadsheetCsv(bytes: Uint8Array): string[][] {
  const parsed = Papa.parse<string[]>(decode(bytes), { delimitersToGuess: [',', ';', '\t'] });
  return parsed.data.map((row) => row.map((value) => (NEUTRALISED.test(value) ? value.slice(1) : value)));
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

import { readCsvLayout, recordEndAtOrAfter, splitRecord } from './csv-layout.ts';
import { decodeWindows1252 } from '../windows-1252.ts';

/** How much of a file the mapping check reads: a large prefix, the whole of most exports. */
export const SAMPLE_ROWS = 25_000;
export const SAMPLE_BYTES = 8 * 1024 * 1024;

/** The header and the first records of an export, each with the row number the loader gives it. */
export interface CsvSample {
  headers: string[];
  /**
   * `row`: as on the Files page's rejected rows (blank lines are skipped and not counted, as
   * DuckDB's reader does). Records with more or fewer fields than the header are left out: the
   * loader rejects them as malformed, whatever the mapping.
   */
  rows: { row: number; cells: string[] }[];
  /** Every record of the file is in `rows`. */
  whole: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A record's text: UTF-8, or Windows-1252 (Excel on Windows) when it is not valid UTF-8. */
function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Reads up to `maxRows` records of `bytes`, which are the first bytes of a file of
 * `fileSize` bytes (a prefix when smaller: its last, possibly cut, record is left out).
 */
export function readCsvSample(bytes: Uint8Array, fileSize = bytes.length, maxRows = SAMPLE_ROWS): CsvSample {
  const layout = readCsvLayout(bytes);
  const headers = layout.headers.length
    ? splitRecord(decode(layout.headerBytes).replace(/\r?\n$|\r$/, ''), layout.delimiter).map((h) => h.trim())
    : [];
  const rows: CsvSample['rows'] = [];
  let records = 0;
  const prefix = fileSize > bytes.length;
  let pos = layout.dataStart;
  while (pos < bytes.length && records < maxRows) {
    const end = recordEndAtOrAfter(bytes, pos, pos);
    const last = bytes[end - 1];
    if (prefix && end === bytes.length && last !== 0x0a && last !== 0x0d) break;
    const text = decode(bytes.subarray(pos, end)).replace(/\r?\n$|\r$/, '');
    pos = end;
    if (text === '') continue;
    records++;
    const cells = splitRecord(text, layout.delimiter);
    if (cells.length === headers.length) rows.push({ row: layout.headerRow + records, cells });
  }
  return { headers, rows, whole: !prefix && pos >= bytes.length };
}

/**
 * The physical layout of a delimited text file: which delimiter, where each
 * record ends (quote-aware, so a newline inside "…" is not a record end), and
 * the header row. DuckDB's own reader does the actual parsing; we only need
 * enough to split the file into record-aligned chunks for progress reporting.
 */
import type { ByteSource } from '../byte-source.ts';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CANDIDATES = [',', ';', '\t', '|'];

export interface CsvLayout {
  delimiter: string;
  headers: string[];
  /** The header record's bytes (without BOM or leading blank lines), to prefix each chunk with. */
  headerBytes: Uint8Array;
  /** Byte offset where the first data record starts. */
  dataStart: number;
  /** Spreadsheet row number of the header (1 unless blank lines precede it). */
  headerRow: number;
}

/** Read past a chunk's target size, to find the record end after it without a second read. */
const READ_AHEAD_BYTES = 256 * 1024;

/**
 * The file from `start` in record-aligned chunks of roughly `chunkBytes` each,
 * read slice by slice: each chunk is read with some bytes past its target, and
 * read again longer (twice as long each time) when its last record does not end
 * within them (a long quoted field, a CR whose LF is the next byte). Every chunk
 * starts at a record start, outside quotes.
 */
export async function* recordChunks(
  source: ByteSource,
  start: number,
  chunkBytes: number,
  readAhead = READ_AHEAD_BYTES,
): AsyncGenerator<{ start: number; bytes: Uint8Array }> {
  let pos = start;
  while (pos < source.size) {
    if (pos + chunkBytes >= source.size) {
      yield { start: pos, bytes: await source.read(pos, source.size) };
      return;
    }
    for (let extra = Math.max(1, readAhead); ; extra *= 2) {
      const end = Math.min(source.size, pos + chunkBytes + extra);
      const window = await source.read(pos, end);
      const recordEnd = recordEndAtOrAfter(window, 0, chunkBytes);
      // a record end on the window's last byte may be a CR whose LF comes next: read on
      if (recordEnd < window.length || end === source.size) {
        yield { start: pos, bytes: window.subarray(0, recordEnd) };
        pos += recordEnd;
        break;
      }
    }
  }
}

/**
 * Walks from a record start (outside quotes) to the first record end at or after
 * `target`. A record ends with LF, CRLF or a bare CR (Excel's "CSV (Macintosh)").
 */
export function recordEndAtOrAfter(bytes: Uint8Array, recordStart: number, target: number): number {
  let inQuotes = false;
  for (let i = recordStart; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) inQuotes = !inQuotes; // "" inside quotes toggles twice: no net change
    else if (!inQuotes && i + 1 >= target && (b === LF || (b === CR && bytes[i + 1] !== LF))) return i + 1;
  }
  return bytes.length;
}

/** Splits one record (no line end) into fields, RFC 4180 style. */
export function splitRecord(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"' && field === '') inQuotes = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** The delimiter whose field count is non-trivial and most consistent over the first records. */
export function detectDelimiter(sampleRecords: readonly string[]): string {
  let best = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const counts = sampleRecords.map((r) => splitRecord(r, delimiter).length);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const agreeing = counts.filter((n) => n === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

/** Reads the header and picks the delimiter from the first records (at most 64 KiB are decoded). */
export function readCsvLayout(bytes: Uint8Array): CsvLayout {
  const bomLength = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const records: string[] = [];
  let pos = bomLength;
  let headerStart = -1;
  let headerEnd = -1;
  let blankLines = 0;
  const decoder = new TextDecoder();
  while (pos < bytes.length && records.length < 20 && pos - bomLength < 65536) {
    const end = recordEndAtOrAfter(bytes, pos, pos);
    const text = decoder.decode(bytes.subarray(pos, end)).replace(/\r?\n$/, '').replace(/\r$/, '');
    if (headerEnd < 0) {
      if (text.trim() === '') {
        pos = end;
        blankLines++;
        continue;
      }
      headerStart = pos;
      headerEnd = end;
    }
    records.push(text);
    pos = end;
  }
  const delimiter = detectDelimiter(records);
  const headers = records.length ? splitRecord(records[0], delimiter).map((h) => h.trim()) : [];
  return {
    delimiter,
    headers,
    headerBytes: headerEnd < 0 ? new Uint8Array(0) : bytes.subarray(headerStart, headerEnd),
    dataStart: headerEnd < 0 ? bytes.length : headerEnd,
    headerRow: blankLines + 1,
  };
}

import type { Db } from '../../db/db.ts';
import type { LoadProgress } from '../load-progress.ts';
import { chunkBoundaries, readCsvLayout } from './csv-layout.ts';
import { missingFields, proposeMapping, sanitiseMapping, type HeaderMapping, type MappingProposal } from './header-mapping.ts';
import { CHUNK_COUNTS_SQL, createStageSql, readChunkSql, stageChunkSql } from './stage-csv.sql.ts';
import { decodeWindows1252 } from '../windows-1252.ts';
import {
  CSV_COUNTS_SQL,
  CSV_REJECTS_SQL,
  DROP_CSV_TEMP_SQL,
  POINTER_BASE_SQL,
  insertCanonicalSql,
  parseRowsSql,
} from './csv-normalise.sql.ts';

/** 4 MiB chunks: progress every few tens of thousands of rows, little per-chunk overhead. */
const CHUNK_BYTES = 4 * 1024 * 1024;

export type CsvContent = 'claim+remit' | 'remit' | 'claim';

export type CsvLoadResult =
  | { status: 'needs-mapping'; proposal: MappingProposal }
  | { status: 'rejected'; reason: string }
  | {
      status: 'loaded';
      content: CsvContent;
      rowsRead: number;
      rowsLoaded: number;
      rowsRejected: number;
      warnings: string[];
      mapping: HeaderMapping;
    };

export interface CsvLoadArgs {
  fileId: number;
  claimKeyBase: number;
  lineIdBase: number;
  /** A mapping the user confirmed (or remembered for this header signature); otherwise aliases decide. */
  mapping?: HeaderMapping;
  /** A mapping remembered for this header layout. */
  mappingFor?: (signature: string) => HeaderMapping | undefined;
  onProgress?: (p: LoadProgress) => void;
}

/** Loads a claims/denial/remittance export. The caller wraps it in a transaction and writes the files row. */
export async function loadCsv(db: Db, bytesIn: Uint8Array, args: CsvLoadArgs): Promise<CsvLoadResult> {
  const warnings: string[] = [];
  const bytes = toUtf8(bytesIn, warnings);
  const layout = readCsvLayout(bytes);
  if (layout.headers.length < 2) {
    return { status: 'rejected', reason: 'no columns found: the first line is not a delimited header (expected a CSV export with a header row)' };
  }
  const proposal = proposeMapping(layout.headers);
  const chosen = args.mapping ?? args.mappingFor?.(proposal.signature);
  const mapping = chosen ? sanitiseMapping(chosen, layout.headers.length) : proposal.mapping;
  if (missingFields(mapping).length > 0) {
    if (!chosen && Object.keys(proposal.mapping).length === 0) {
      return { status: 'rejected', reason: `no recognisable columns among: ${layout.headers.slice(0, 12).join(', ')}` };
    }
    return { status: 'needs-mapping', proposal: { ...proposal, mapping, missing: missingFields(mapping) } };
  }

  const columnCount = layout.headers.length;
  const header = withTrailingNewline(layout.headerBytes);
  const mappedColumns = [...new Set(Object.values(mapping))].sort((a, b) => a - b);
  await db.exec(createStageSql(mappedColumns));
  const bounds = chunkBoundaries(bytes, layout.dataStart, CHUNK_BYTES);
  let records = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const name = `dl-chunk-${args.fileId}-${i}.csv`;
    await db.registerFile(name, withLineFeeds(header, bytes.subarray(bounds[i], bounds[i + 1])));
    try {
      await db.exec(readChunkSql({ fileName: name, columnCount, delimiter: layout.delimiter }));
      await db.exec(stageChunkSql({ fileId: args.fileId, rowBase: layout.headerRow + records, mappedColumns }));
      const [counts] = await db.query<{ accepted: number; rejected: number }>(CHUNK_COUNTS_SQL);
      records += counts.accepted + counts.rejected;
    } finally {
      await db.dropFile(name);
    }
    args.onProgress?.({ phase: 'reading', rowsRead: records, bytesDone: bounds[i + 1], bytesTotal: bytes.length });
  }

  args.onProgress?.({ phase: 'normalising', rowsRead: records, bytesDone: bytes.length, bytesTotal: bytes.length });
  await db.exec(parseRowsSql(mapping));
  await db.exec(CSV_REJECTS_SQL(args.fileId));
  const [{ rows_parsed, rows_rejected }] = await db.query<{ rows_parsed: number; rows_rejected: number }>(CSV_COUNTS_SQL);
  const [{ base }] = await db.query<{ base: 0 | 1 }>(POINTER_BASE_SQL);
  if (base === 0) warnings.push('diagnosis pointers contain 0: read as 0-based (0 = first diagnosis)');
  const content: CsvContent = mapping.paid === undefined && mapping.adjustment_codes === undefined
    ? 'claim'
    : hasDiagnoses(mapping) ? 'claim+remit' : 'remit';
  await db.exec(insertCanonicalSql({ fileId: args.fileId, source: content, claimKeyBase: args.claimKeyBase, lineIdBase: args.lineIdBase, pointerBase: base }));
  await db.exec(DROP_CSV_TEMP_SQL);
  const malformed = records - rows_parsed;
  return {
    status: 'loaded',
    content,
    rowsRead: records,
    rowsLoaded: rows_parsed - rows_rejected,
    rowsRejected: rows_rejected + malformed,
    warnings,
    mapping,
  };
}

function hasDiagnoses(mapping: HeaderMapping): boolean {
  return Object.keys(mapping).some((field) => field === 'diagnoses' || /^dx\d+$/.test(field));
}

/**
 * Header + chunk with every line end turned into LF: exports concatenated from
 * several sources mix line ends, Excel's "CSV (Macintosh)" ends lines with a bare
 * CR, and DuckDB's strict reader fails on a whole chunk for one line end it did
 * not expect. csv-layout.ts splits records at the same line ends.
 */
function withLineFeeds(header: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + data.length);
  let n = 0;
  for (const part of [header, data]) {
    for (let i = 0; i < part.length; i++) {
      const b = part[i];
      if (b === 0x0d) {
        if (part[i + 1] !== 0x0a) out[n++] = 0x0a;
        continue;
      }
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

function withTrailingNewline(header: Uint8Array): Uint8Array {
  if (header.length && header[header.length - 1] === 0x0a) return header;
  const out = new Uint8Array(header.length + 1);
  out.set(header);
  out[header.length] = 0x0a;
  return out;
}

/** DuckDB reads UTF-8 only. Excel on Windows often saves Windows-1252: transcode it, and say so. */
function toUtf8(bytes: Uint8Array, warnings: string[]): Uint8Array {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return bytes;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bytes;
  } catch {
    warnings.push('the file is not UTF-8: read as Windows-1252 (Excel’s default on Windows)');
    return new TextEncoder().encode(decodeWindows1252(bytes));
  }
}

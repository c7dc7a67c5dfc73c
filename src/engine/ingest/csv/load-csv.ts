import type { Db } from '../../db/db.ts';
import type { LoadProgress } from '../load-progress.ts';
import { recordChunks, readCsvLayout, type CsvLayout } from './csv-layout.ts';
import { bytesSource, slices, type ByteSource } from '../byte-source.ts';
import { missingFields, proposeMapping, sanitiseMapping, type HeaderMapping, type MappingProposal } from './header-mapping.ts';
import { CHUNK_COUNTS_SQL, DROP_CHUNK_SQL, chunkRowsSql, emptyRowsSql, insertMalformedSql, readChunkSql } from './stage-csv.sql.ts';
import { decodeWindows1252 } from '../windows-1252.ts';
import { SAMPLE_BYTES, readCsvSample } from './csv-sample.ts';
import { checkMapping } from './mapping-check.ts';
import {
  CSV_BATCH_ROWS,
  CSV_COUNTS_SQL,
  CSV_KEY_RANGE_SQL,
  CSV_MISREAD_SQL,
  csvRejectsSql,
  DROP_CSV_TEMP_SQL,
  DATE_FORMATS,
  POINTER_BASE_SQL,
  US_DATE_FORMAT,
  createRowsSql,
  dateFormatHitsSql,
  csvKeysSql,
  csvNoReasonSql,
  csvUnbalancedSql,
  insertClaimsSql,
  insertLinesSql,
  insertRowsSql,
  mapsAdjustmentAmounts,
} from './csv-normalise.sql.ts';

/**
 * Chunks of about one DuckDB row group of records (CSV_BATCH_ROWS), so each chunk
 * commits compressed rows once; at least 1 MiB, at most 32 MiB of text.
 */
const MIN_CHUNK_BYTES = 1024 * 1024;
const MAX_CHUNK_BYTES = 32 * 1024 * 1024;
/** The header and the records the delimiter is guessed from are looked for in the file's first bytes. */
const HEAD_BYTES = 1024 * 1024;

export type CsvContent = 'claim+remit' | 'remit' | 'claim';

export type CsvLoadResult =
  /** `problem`: why a mapping that was guessed or remembered was not used (mapping-check.ts). */
  | { status: 'needs-mapping'; proposal: MappingProposal; problem?: string }
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

/** How an export will be read: its layout, which column is which, and what it holds. */
export interface CsvPlan {
  layout: CsvLayout;
  mapping: HeaderMapping;
  /** The mapped column indexes, the only ones read. */
  mappedColumns: number[];
  content: CsvContent;
}

/**
 * The layout and mapping of an export (UTF-8 bytes), or why it cannot be loaded
 * as it is. Shared by the loader and the server-side script (src/cli/emit-sql.ts).
 */
export function planCsv(
  bytes: Uint8Array,
  args: Pick<CsvLoadArgs, 'mapping' | 'mappingFor'>,
): CsvPlan | Exclude<CsvLoadResult, { status: 'loaded' }> {
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
  if (!args.mapping) {
    // nobody looked at this mapping for this file: it loads only if the values fit it
    const check = checkMapping(readCsvSample(bytes.subarray(0, SAMPLE_BYTES), bytes.length), mapping);
    const error = check.problems.find((p) => p.severity === 'error');
    if (error) {
      const how = chosen ? 'The column mapping remembered for this layout does' : 'The columns as recognised by their names do';
      return { status: 'needs-mapping', proposal: { ...proposal, mapping }, problem: `${how} not fit the file: ${error.message}` };
    }
  }
  const mappedColumns = [...new Set(Object.values(mapping))].sort((a, b) => a - b);
  const content: CsvContent = mapping.paid === undefined && mapping.adjustment_codes === undefined
    ? 'claim'
    : hasDiagnoses(mapping) ? 'claim+remit' : 'remit';
  return { layout, mapping, mappedColumns, content };
}

/**
 * Loads a claims/denial/remittance export, read chunk by chunk from the source (never
 * whole, unless it has to be transcoded from Windows-1252). The caller writes the files
 * row (and removes what a failed load left).
 */
export async function loadCsv(db: Db, sourceIn: ByteSource, args: CsvLoadArgs): Promise<CsvLoadResult> {
  const warnings: string[] = [];
  const source = await asUtf8(sourceIn, warnings);
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const plan = planCsv(head, args);
  if ('status' in plan) return plan;
  const { layout, mapping, mappedColumns, content } = plan;
  if (layout.dataStart === head.length && head.length < source.size) {
    return { status: 'rejected', reason: `the header row does not end within the file's first ${HEAD_BYTES / 1024 / 1024} MiB: is this a CSV export?` };
  }
  const columnCount = layout.headers.length;
  const header = withTrailingNewline(layout.headerBytes);
  try {
    await db.exec(createRowsSql(mapping, emptyRowsSql(mappedColumns)));
    const chunkBytes = chunkBytesFor(await source.read(layout.dataStart, Math.min(source.size, layout.dataStart + MIN_CHUNK_BYTES)));
    let records = 0;
    let dateFormat: string | undefined;
    let i = 0;
    for await (const chunk of recordChunks(source, layout.dataStart, chunkBytes)) {
      const name = `dl-chunk-${args.fileId}-${i++}.csv`;
      const rowBase = layout.headerRow + records;
      await db.registerFile(name, withLineFeeds(header, chunk.bytes));
      try {
        await db.exec(readChunkSql({ fileName: name, columnCount, delimiter: layout.delimiter }));
        dateFormat ??= usualDateFormat((await db.query<{ hits: number[] }>(dateFormatHitsSql(mapping.service_date!)))[0].hits);
        await db.exec(insertRowsSql(mapping, chunkRowsSql({ rowBase, mappedColumns }), dateFormat));
        await db.exec(insertMalformedSql({ fileId: args.fileId, rowBase }));
        const [counts] = await db.query<{ accepted: number; rejected: number }>(CHUNK_COUNTS_SQL);
        records += counts.accepted + counts.rejected;
      } finally {
        await db.exec(DROP_CHUNK_SQL);
        await db.dropFile(name);
      }
      args.onProgress?.({ phase: 'reading', rowsRead: records, bytesDone: chunk.start + chunk.bytes.length, bytesTotal: source.size });
    }

    args.onProgress?.({ phase: 'normalising', rowsRead: records, bytesDone: source.size, bytesTotal: source.size });
    await db.exec(csvRejectsSql(args.fileId));
    const [{ rows_parsed, rows_rejected }] = await db.query<{ rows_parsed: number; rows_rejected: number }>(CSV_COUNTS_SQL);
    const [{ base }] = await db.query<{ base: 0 | 1 }>(POINTER_BASE_SQL);
    if (base === 0) warnings.push('diagnosis pointers contain 0: read as 0-based (0 = first diagnosis)');
    await db.exec(csvKeysSql({ claimKeyBase: args.claimKeyBase, lineIdBase: args.lineIdBase }));
    const [range] = await db.query<{ first_line: number | null; last_line: number; first_claim: number; last_claim: number }>(CSV_KEY_RANGE_SQL);
    if (range.first_line !== null) {
      for (let from = range.first_line; from <= range.last_line; from += CSV_BATCH_ROWS) {
        await db.exec(insertLinesSql({ fileId: args.fileId, source: content, from, to: from + CSV_BATCH_ROWS - 1, amountColumns: mapsAdjustmentAmounts(mapping) }));
      }
      for (let from = range.first_claim; from <= range.last_claim; from += CSV_BATCH_ROWS) {
        await db.exec(insertClaimsSql({ fileId: args.fileId, source: content, from, to: from + CSV_BATCH_ROWS - 1 }));
      }
    }
    warnings.push(...(await adjustmentWarnings(db, args.fileId, layout.headers)));
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
  } finally {
    await db.exec(DROP_CSV_TEMP_SQL);
  }
}

/**
 * What a billing manager should check about the file's adjustments: columns whose
 * cells are of the wrong kind (a reason column mapped to an amount field, or the
 * reverse), lines that do not balance, and amounts kept without a reason code.
 */
async function adjustmentWarnings(db: Db, fileId: number, headers: readonly string[]): Promise<string[]> {
  const warnings: string[] = [];
  const rows = (first: number[], n: number) => `${n} row${n > 1 ? 's' : ''} (row${n > 1 ? 's' : ''} ${first.join(', ')}${n > first.length ? ' …' : ''}`;
  const misread = await db.query<{ col: number; kind: string; n: number; first_rows: number[]; example: string }>(CSV_MISREAD_SQL);
  for (const m of misread) {
    const where = `column “${headers[m.col]}” holds ${m.kind === 'amount_in_reason' ? 'amounts, not reason codes,' : 'values that are not amounts'} in ${rows(m.first_rows, m.n)}; e.g. ‘${m.example}’)`;
    warnings.push(m.kind === 'amount_in_reason'
      ? `${where}: those cells were not read as reason codes. If the column is an adjustment amount, map it as one.`
      : `${where}: those cells were not read as adjustments. If they are reason codes, map the column as an adjustment reason.`);
  }
  const [unbalanced] = await db.query<{ n: number; first_rows: number[]; off_by: number | null }>(csvUnbalancedSql(fileId));
  if (unbalanced.n > 0) {
    warnings.push(
      `${unbalanced.n} line${unbalanced.n > 1 ? 's do' : ' does'} not balance: charge − adjustments − paid is off by more than $0.01 in ` +
        `${rows(unbalanced.first_rows, unbalanced.n)}; ${usd(unbalanced.off_by ?? 0)} in all). Check that the export has every adjustment of ` +
        'these lines and that each amount column is mapped to the right field. They are flagged ‘adjustments_unbalanced’ and listed on the ' +
        'Files page under “Claims and lines that do not balance”.',
    );
  }
  const noReason = await db.query<{ group_code: string | null; n: number; amount: number }>(csvNoReasonSql(fileId));
  if (noReason.length > 0) {
    const n = noReason.reduce((sum, g) => sum + g.n, 0);
    warnings.push(
      `${n} adjustment${n > 1 ? 's' : ''} had an amount but no reason code (${noReason.map((g) => `${g.group_code ?? 'no group'} ${usd(g.amount)}`).join(', ')}): ` +
        'kept under their group with an empty reason code; no code was guessed.',
    );
  }
  return warnings;
}

function usd(amount: number): string {
  return `${amount < 0 ? '−' : ''}$${Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The format reading most of the first values (dateFormatHitsSql), the earliest on a tie. */
export function usualDateFormat(hits: number[]): string {
  const best = hits.indexOf(Math.max(...hits));
  return hits[best] > 0 ? DATE_FORMATS[best] : US_DATE_FORMAT;
}

/** Bytes of about CSV_BATCH_ROWS records, from the length of the records in the first MiB of data. */
function chunkBytesFor(sample: Uint8Array): number {
  let lineEnds = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0x0a || (sample[i] === 0x0d && sample[i + 1] !== 0x0a)) lineEnds++;
  const perRecord = sample.length / Math.max(1, lineEnds);
  return Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.round(perRecord * CSV_BATCH_ROWS)));
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

/**
 * DuckDB reads UTF-8 only. Excel on Windows often saves Windows-1252: then the
 * file is transcoded (whole, in memory), and the warning says so.
 */
export async function asUtf8(source: ByteSource, warnings: string[]): Promise<ByteSource> {
  // once a byte ≥ 0x80 is seen, the rest is decoded strictly, from that slice's start (a character start: all before was ASCII)
  let decoder: TextDecoder | null = null;
  try {
    for await (const slice of slices(source)) {
      if (!decoder && isAscii(slice)) continue;
      decoder ??= new TextDecoder('utf-8', { fatal: true });
      decoder.decode(slice, { stream: true });
    }
    decoder?.decode();
    return source;
  } catch {
    warnings.push('the file is not UTF-8: read as Windows-1252 (Excel’s default on Windows)');
    return bytesSource(new TextEncoder().encode(decodeWindows1252(await source.read(0, source.size))));
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

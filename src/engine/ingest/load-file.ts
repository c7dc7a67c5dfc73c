import type { Db } from '../db/db.ts';
import { NEXT_KEYS_SQL } from '../schema/canonical.sql.ts';
import { detectFormat } from './detect-format.ts';
import { sha256Hex } from './sha256.ts';
import { blobSource, bytesSource } from './byte-source.ts';
import { loadCsv } from './csv/load-csv.ts';
import type { HeaderMapping } from './csv/header-mapping.ts';
import { rejectedFile, type FileLoadResult } from './file-load-result.ts';
import { loadParsed } from './load-parsed.ts';
import { parseX12 } from './x12/parse-x12.ts';
import { fileByShaSql, undoFileSql, insertFileSql } from './load-file.sql.ts';
import type { LoadProgress } from './load-progress.ts';
import { messageOf } from '../message-of.ts';

/** A file to load: its bytes, or a Blob (the browser's File) that CSV exports are read from slice by slice. */
export type InputFile = BytesFile | { name: string; blob: Blob };
export interface BytesFile {
  name: string;
  bytes: Uint8Array;
}

/** What detectFormat looks at. */
const SNIFF_BYTES = 65536;

export interface LoadFileOptions {
  mapping?: HeaderMapping;
  mappingFor?: (signature: string) => HeaderMapping | undefined;
  onProgress?: (p: LoadProgress) => void;
}

/**
 * Loads one file into the canonical tables, all or nothing: a file that fails
 * half-way is removed again (every key it was given is above the bases read at
 * its start), so earlier data is never damaged by a bad file. Not a DuckDB
 * transaction: rows inserted in a transaction stay uncompressed until commit,
 * and a year of claims would not fit in the browser's memory.
 */
export async function loadFile(db: Db, file: InputFile, options: LoadFileOptions = {}): Promise<FileLoadResult> {
  const base = rejectedFile(file.name, '');
  const source = 'bytes' in file ? bytesSource(file.bytes) : blobSource(file.blob);
  const detected = detectFormat(await source.read(0, Math.min(source.size, SNIFF_BYTES)));
  if (detected.kind === 'unsupported') return { ...base, status: 'rejected', message: detected.reason };

  options.onProgress?.({ phase: 'hashing', rowsRead: 0, bytesDone: 0, bytesTotal: source.size });
  const sha256 = await sha256Hex(source);
  const [earlier] = await db.query<{ name: string; loaded_at: string }>(fileByShaSql(sha256));
  if (earlier) {
    return {
      ...base,
      sha256,
      status: 'duplicate',
      // the page labels it "Already loaded": the message says which file it repeats
      message: `identical to “${earlier.name}”, loaded ${earlier.loaded_at}: nothing was added`,
    };
  }

  const [keys] = await db.query<{ file_id: number; claim_key: number; line_id: number; remit_id: number }>(NEXT_KEYS_SQL);
  try {
    let format: string;
    let content: string;
    let counts: { rowsRead: number; rowsLoaded: number; rowsRejected: number; warnings: string[] };
    let mapping: HeaderMapping | undefined;
    if (detected.kind === 'csv') {
      const csv = await loadCsv(db, source, {
        fileId: keys.file_id,
        claimKeyBase: keys.claim_key,
        lineIdBase: keys.line_id,
        mapping: options.mapping,
        mappingFor: options.mappingFor,
        onProgress: options.onProgress,
      });
      if (csv.status !== 'loaded') {
        return csv.status === 'needs-mapping'
          ? { ...base, sha256, status: 'needs-mapping', message: csv.problem ?? 'some required columns could not be matched: map them to load the file', proposal: csv.proposal }
          : { ...base, sha256, status: 'rejected', message: csv.reason };
      }
      format = 'csv';
      content = csv.content;
      counts = csv;
      mapping = csv.mapping;
    } else {
      // the X12 parsers read a whole file: segments may span any slice
      const parsed = parseX12(await source.read(0, source.size), (fraction: number) =>
        options.onProgress?.({ phase: 'parsing', rowsRead: 0, bytesDone: Math.round(fraction * source.size), bytesTotal: source.size }),
      );
      if (parsed.rowsRead === 0 && parsed.claims.length === 0) {
        const why = parsed.rejects[0]?.reason ?? parsed.warnings[0] ?? 'no claims found';
        return { ...base, sha256, status: 'rejected', message: why, warnings: parsed.warnings, format: parsed.format };
      }
      const loaded = await loadParsed(db, parsed, {
        fileId: keys.file_id,
        claimKeyBase: keys.claim_key,
        lineIdBase: keys.line_id,
        remitIdBase: keys.remit_id,
      });
      format = parsed.format;
      content = parsed.content;
      counts = { rowsRead: parsed.rowsRead, ...loaded };
    }
    await db.exec(
      insertFileSql({ fileId: keys.file_id, name: file.name, sha256, sizeBytes: source.size, format, content, ...counts }),
    );
    const unit = format === 'csv' ? 'rows' : 'claims';
    return {
      ...base,
      ...counts,
      sha256,
      fileId: keys.file_id,
      format,
      content,
      mapping,
      status: 'loaded',
      message: `${thousands(counts.rowsLoaded)} of ${thousands(counts.rowsRead)} ${unit} loaded${counts.rowsRejected ? `, ${thousands(counts.rowsRejected)} rejected (see Rejected rows)` : ''}`,
    };
  } catch (error) {
    await db.exec(undoFileSql(keys));
    return { ...base, sha256, status: 'rejected', message: `could not be loaded: ${messageOf(error)}` };
  }
}

const thousands = (n: number) => n.toLocaleString('en-US');

import type { Db } from '../../db/db.ts';
import { textLines } from '../files/text-lines.ts';
import { isZip, zipEntries } from '../files/zip.ts';
import { REFERENCE_SCHEMA_SQL } from '../reference.sql.ts';
import { DROP_PTP_STAGING_SQL, ptpCommitStagedSql, ptpCountSql, PTP_SOURCES_SQL, PTP_STAGED_DUPLICATES_SQL, PTP_STAGING_SQL } from './ncci.sql.ts';

/**
 * Import a CMS NCCI practitioner PTP file (quarterly, "Medicare NCCI Procedure to Procedure
 * (PTP) Edits" page; text layout as in ccipra-vNNNrN-fN.txt): header lines (the first carries
 * the AMA CPT notice), then tab-separated rows: column 1 code, column 2 code, "*" if the edit
 * existed before 1996, effective date YYYYMMDD, deletion date YYYYMMDD or "*", modifier
 * indicator 0/1/9, rationale. Deletion dates are the last day an edit applies (they fall on
 * quarter ends). The zip CMS publishes is accepted too (every .txt member is read).
 *
 * Streams line by line; every line is counted as header, blank, loaded or rejected (with its
 * line number and reason). Importing a file again replaces its rows; a file named like CMS's
 * (ccipra-v322r0-f1) replaces the rows of other versions of the same part, since each
 * quarterly file is cumulative.
 */
export interface NcciPtpImportResult {
  loaded: number;
  rejected: { line: number; reason: string; file: string }[];
  headerLines: number;
  blankLines: number;
  /** Sources (earlier versions of the same part) whose rows were replaced. */
  replaced: string[];
}

const CODE = /^[0-9A-Z]{5}$/;
const BATCH = 100_000;

export async function importNcciPtp(db: Db, file: { name: string; bytes: Uint8Array }): Promise<NcciPtpImportResult> {
  await db.exec(REFERENCE_SCHEMA_SQL);
  const result: NcciPtpImportResult = { loaded: 0, rejected: [], headerLines: 0, blankLines: 0, replaced: [] };
  if (!isZip(file.bytes)) {
    await importText(db, file.name, file.bytes, result);
    return result;
  }
  const members = zipEntries(file.bytes).filter((e) => /\.txt$/i.test(e.name));
  if (members.length === 0) throw new Error(`${file.name}: no .txt PTP file in this zip`);
  for (const member of members) await importText(db, `${file.name}:${member.name}`, await member.read(), result);
  return result;
}

async function importText(db: Db, source: string, bytes: Uint8Array, result: NcciPtpImportResult): Promise<void> {
  await db.exec(PTP_STAGING_SQL);
  const batch = emptyBatch();
  let lineNumber = 0;
  let inData = false;
  let staged = 0;
  for (const line of textLines(bytes)) {
    lineNumber++;
    if (line.trim() === '') {
      result.blankLines++;
      continue;
    }
    const fields = line.split('\t').map((f) => f.trim());
    if (!inData && !CODE.test(fields[0])) {
      result.headerLines++;
      continue;
    }
    inData = true;
    const parsed = parsePtpRow(fields);
    if (typeof parsed === 'string') {
      result.rejected.push({ line: lineNumber, reason: parsed, file: source });
      continue;
    }
    batch.line.push(lineNumber);
    batch.column1.push(fields[0]);
    batch.column2.push(fields[1]);
    batch.effective.push(parsed.effective);
    batch.deleted.push(parsed.deleted);
    batch.modifier_indicator.push(fields[5]);
    batch.rationale.push(fields[6] || null);
    staged++;
    if (batch.line.length >= BATCH) await flush(db, batch);
  }
  await flush(db, batch);
  if (staged === 0) {
    await db.exec(DROP_PTP_STAGING_SQL);
    throw new Error(`${source}: no PTP edit rows found (is this an NCCI PTP text file?)`);
  }
  for (const d of await db.query<{ line: number; first_line: number; column1: string; column2: string }>(PTP_STAGED_DUPLICATES_SQL)) {
    result.rejected.push({ line: d.line, reason: `duplicate of line ${d.first_line} (${d.column1}/${d.column2}, same effective date)`, file: source });
  }
  const replaced = (await db.query<{ source: string }>(PTP_SOURCES_SQL))
    .map((r) => r.source)
    .filter((other) => other !== source && partOf(other) !== undefined && partOf(other) === partOf(source));
  await db.exec(ptpCommitStagedSql(source, replaced));
  const [{ n }] = await db.query<{ n: number }>(ptpCountSql(source));
  result.loaded += n;
  result.replaced.push(...replaced);
}

/** One data row, or the reason it is rejected. */
function parsePtpRow(fields: string[]): { effective: string; deleted: string | null } | string {
  if (fields.length < 6) return `expected 7 tab-separated columns, found ${fields.length}`;
  const [column1, column2, before1996, effective, deleted, indicator] = fields;
  if (!CODE.test(column1)) return `column 1 "${column1}" is not a 5-character CPT/HCPCS code`;
  if (!CODE.test(column2)) return `column 2 "${column2}" is not a 5-character CPT/HCPCS code`;
  if (before1996 !== '' && before1996 !== '*') return `column 3 must be "*" or empty, found "${before1996}"`;
  const from = isoDate(effective);
  if (!from) return `effective date "${effective}" is not a YYYYMMDD date`;
  const to = deleted === '*' || deleted === '' ? null : isoDate(deleted);
  if (to === undefined) return `deletion date "${deleted}" is not a YYYYMMDD date or "*"`;
  if (indicator !== '0' && indicator !== '1' && indicator !== '9') return `modifier indicator "${indicator}" is not 0, 1 or 9`;
  return { effective: from, deleted: to };
}

function isoDate(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** "ccipra-v322r0-f1.txt" -> "ccipra-f1": the same part of another quarterly version. */
function partOf(source: string): string | undefined {
  const m = /(cci[a-z]*)-v\d+r\d+-(f\d+)/i.exec(source.split(/[/:]/).pop() ?? '');
  return m ? `${m[1]}-${m[2]}`.toLowerCase() : undefined;
}

type Batch = {
  line: number[];
  column1: string[];
  column2: string[];
  effective: string[];
  deleted: (string | null)[];
  modifier_indicator: string[];
  rationale: (string | null)[];
};

function emptyBatch(): Batch {
  return { line: [], column1: [], column2: [], effective: [], deleted: [], modifier_indicator: [], rationale: [] };
}

async function flush(db: Db, batch: Batch): Promise<void> {
  if (batch.line.length === 0) return;
  await db.insertColumns('ref_ncci_ptp_staging', batch);
  Object.assign(batch, emptyBatch());
}

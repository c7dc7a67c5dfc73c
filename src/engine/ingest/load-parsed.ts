import type { Db, ColumnValues } from '../db/db.ts';
import type { ParsedFile, RejectRow } from './parsed-file.ts';
import { createStageSql, describeSql, existingRemittancesSql, insertFromStageSql, type ColumnTypeRow, type ExistingRemittanceRow } from './load-file.sql.ts';

export interface ParsedLoadResult {
  rowsLoaded: number;
  rowsRejected: number;
  warnings: string[];
}

interface Keys {
  fileId: number;
  claimKeyBase: number;
  lineIdBase: number;
  remitIdBase: number;
}

/** Column types as DuckDB reports them for a canonical table, so this file repeats no schema. */
type ColumnType = { name: string; type: string };

/** A list cell travels as one string joined by this (it cannot occur in X12 or CSV data). */
const LIST_SEP = '\u001f';

/**
 * Inserts a JavaScript-parsed file (X12) into the canonical tables: local keys
 * are shifted to global ones; a remittance already loaded (same payer, trace
 * number, amount and date — even from a re-formatted copy of the file) is
 * skipped with a reject, as are repeats inside the file itself.
 */
export async function loadParsed(db: Db, parsed: ParsedFile, keys: Keys): Promise<ParsedLoadResult> {
  const warnings = [...parsed.warnings];
  const rejects: RejectRow[] = [...parsed.rejects];
  const duplicateRemits = await duplicateRemittances(db, parsed, rejects);
  const keep = <T extends { remit_id?: number | null }>(rows: T[]) =>
    duplicateRemits.size ? rows.filter((r) => r.remit_id == null || !duplicateRemits.has(r.remit_id)) : rows;
  const claims = keep(parsed.claims);
  const keptClaims = new Set(claims.map((c) => c.claim_key));
  const byClaim = <T extends { claim_key: number }>(rows: T[]) =>
    duplicateRemits.size ? rows.filter((r) => keptClaims.has(r.claim_key)) : rows;
  const duplicateClaims = parsed.claims.length - claims.length;

  const offsets = {
    file_id: keys.fileId,
    claim_key: keys.claimKeyBase - 1,
    line_id: keys.lineIdBase - 1,
    remit_id: keys.remitIdBase - 1,
  };
  await insertRows(db, 'remittances', keep(parsed.remittances), offsets);
  await insertRows(db, 'provider_adjustments', keep(parsed.providerAdjustments), offsets);
  await insertRows(db, 'claims', claims, offsets);
  await insertRows(db, 'service_lines', byClaim(parsed.lines), offsets);
  await insertRows(db, 'adjustments', byClaim(parsed.adjustments), offsets);
  await insertRows(db, 'remarks', byClaim(parsed.remarks), offsets);
  await insertRows(db, 'diagnoses', byClaim(parsed.diagnoses), offsets);
  await insertRows(db, 'rejects', rejects, offsets);
  return {
    rowsLoaded: claims.length,
    rowsRejected: parsed.claimsRejected + duplicateClaims,
    warnings,
  };
}

/** remit_ids of transactions already in the database or repeated earlier in this file. */
async function duplicateRemittances(db: Db, parsed: ParsedFile, rejects: RejectRow[]): Promise<Set<number>> {
  const duplicates = new Set<number>();
  if (parsed.remittances.length === 0) return duplicates;
  const keys = [...new Set(parsed.remittances.map((r) => r.dedupe_key))];
  const existing = new Map(
    (await db.query<ExistingRemittanceRow>(existingRemittancesSql(keys))).map((r) => [r.dedupe_key, r.name]),
  );
  const seen = new Set<string>();
  for (const remit of parsed.remittances) {
    const where = existing.get(remit.dedupe_key) ?? (seen.has(remit.dedupe_key) ? 'earlier in this file' : null);
    seen.add(remit.dedupe_key);
    if (!where) continue;
    duplicates.add(remit.remit_id);
    const claims = parsed.claims.filter((c) => c.remit_id === remit.remit_id).length;
    rejects.push({
      line: remit.source_line,
      reason: `payment ${remit.trace_number ?? '(no trace number)'} from ${remit.payer ?? 'unknown payer'} (${remit.payment_amount ?? '?'} on ${remit.payment_date ?? '?'}) was already loaded ${where === 'earlier in this file' ? where : `from ${where}`}: its ${claims} claim(s) are not counted again`,
      excerpt: null,
    });
  }
  return duplicates;
}

const columnCache = new Map<string, ColumnType[]>();

async function columnsOf(db: Db, table: string): Promise<ColumnType[]> {
  let cols = columnCache.get(table);
  if (!cols) {
    cols = (await db.query<ColumnTypeRow>(describeSql(table))).map((c) => ({
      name: c.column_name,
      type: c.column_type,
    }));
    columnCache.set(table, cols);
  }
  return cols;
}

async function insertRows(db: Db, table: string, rows: object[], offsets: Record<string, number>): Promise<void> {
  if (rows.length === 0) return;
  const cols = await columnsOf(db, table);
  const stage = `stage_${table}`;
  await db.exec(createStageSql(stage, cols));
  const columns: Record<string, ColumnValues> = {};
  for (const c of cols) {
    const values: ColumnValues = new Array(rows.length);
    const offset = offsets[c.name];
    for (let i = 0; i < rows.length; i++) {
      const v = (rows[i] as Record<string, unknown>)[c.name];
      if (c.name === 'file_id') values[i] = offsets.file_id;
      else if (v === null || v === undefined) values[i] = null;
      else if (Array.isArray(v)) values[i] = v.join(LIST_SEP);
      else if (offset !== undefined && typeof v === 'number') values[i] = v + offset;
      else values[i] = v as string | number | boolean;
    }
    columns[c.name] = values;
  }
  await db.insertColumns(stage, columns);
  await db.exec(insertFromStageSql(table, stage, cols, LIST_SEP));
}

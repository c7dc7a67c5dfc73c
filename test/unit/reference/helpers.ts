import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../../src/engine/db/db.ts';
import { joinSql, sql, type Sql } from '../../../src/engine/db/sql.ts';
import { icd10cmStatusSql, procedureStatusSql } from '../../../src/engine/reference/lookups.sql.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/reference');
/**
 * Official release files (../shared, beside the repository); tests
 * that need them skip when absent (e.g. in a bare clone).
 */
export const SHARED_REFERENCE = path.resolve(ROOT, '../shared/reference-data');
export const HAS_SHARED = existsSync(path.join(SHARED_REFERENCE, 'icd10cm'));

export interface IcdStatus {
  code: string;
  service_date: string | null;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  billable_until: string | null;
  replacements: string[] | null;
  unspecified: boolean | null;
  laterality: string | null;
  short_desc: string | null;
  problem: string | null;
  valid_codes: string[] | null;
  valid_code_count: number | null;
}

/** A VALUES relation of (code, service_date) pairs, as the classifier would pass a table. */
export function pairsRelation(pairs: [string, string | null][]): Sql {
  const rows = pairs.map(([code, date]) => sql`(${code}, ${date}::DATE)`);
  return sql`(SELECT * FROM (VALUES ${joinSql(rows)}) t(code, service_date))`;
}

export async function icdStatus(db: Db, code: string, date: string | null): Promise<IcdStatus> {
  const rows = await db.query<IcdStatus>(icd10cmStatusSql(pairsRelation([[code, date]])));
  if (rows.length !== 1) throw new Error(`expected one status row, got ${rows.length}`);
  return rows[0];
}

export async function procedureStatus(db: Db, code: string, date: string) {
  const [row] = await db.query<{ status: string; valid_to: string | null; replacements: string[] | null; source: string | null }>(
    procedureStatusSql(pairsRelation([[code, date]])),
  );
  return row;
}

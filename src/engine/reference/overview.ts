import type { Db } from '../db/db.ts';
import { PAYER_CODE_LISTS, type CarcRow, type RarcRow } from '../classify/payer-codes.ts';
import {
  OVERVIEW_COVERAGE_SQL,
  OVERVIEW_ICD10CM_COUNTS_SQL,
  OVERVIEW_NCCI_SQL,
  OVERVIEW_PAYER_CODES_SQL,
  OVERVIEW_PROCEDURE_GROUPS_SQL,
  OVERVIEW_PROCEDURES_SQL,
  OVERVIEW_RELEASES_SQL,
  OVERVIEW_UNDATED_LINES_SQL,
} from './overview.sql.ts';
import { OVERVIEW_PFS_COUNTS_SQL, OVERVIEW_PFS_RELEASES_SQL } from './pfs/pfs.sql.ts';
import { referenceGaps, type ReferenceGap } from './code-set-changes.ts';

export interface ReferenceOverview {
  releases: {
    release: string;
    fiscal_year: number;
    effective_from: string;
    effective_to: string;
    source: string;
    origin: 'shipped' | 'imported';
    billable_codes: number;
    headers: number;
  }[];
  icd10cm: { codes: number; ever_billable: number; intervals: number; imported_intervals: number; conversions: number };
  /** Fiscal years the analysed lines' dates of service fall in, and whether loaded releases answer for them. */
  coverage: {
    fiscal_year: number;
    lines: number;
    first_date: string;
    last_date: string;
    uncovered_lines: number;
    covered: boolean;
    releases: string[] | null;
  }[];
  undated_lines: number;
  /** dates of service after what the loaded releases answer for, in words (code-set-changes.ts) */
  gaps: ReferenceGap[];
  ncci: { source: string; version: string | null; edits: number; not_deleted: number; first_effective: string; last_effective: string }[];
  /** CMS fee-schedule releases loaded; effective_to is the day before the next one (null: the newest, used for all later dates). */
  pfs_releases: { release: string; effective_from: string; effective_to: string | null; codes: number; source: string; origin: 'shipped' | 'imported' }[];
  pfs: { codes: number; intervals: number; with_global_now: number };
  procedures: { code: string; code_system: 'CPT' | 'HCPCS'; valid_from: string | null; valid_to: string | null; replacements: string[]; source: string }[];
  procedure_groups: { grp: string; codes: number }[];
  /** The payer_codes table as classification reads it (denial NULL for remarks, stop_date NULL while active). */
  payer_codes: {
    kind: 'CARC' | 'RARC';
    code: string;
    denial: boolean | null;
    bucket: CarcRow['bucket'] | RarcRow['bucket'];
    label: string;
    role: CarcRow['role'] | RarcRow['role'];
    stop_date: string | null;
  }[];
  payer_code_lists: typeof PAYER_CODE_LISTS;
}

/** Everything the Reference page shows, read from the reference tables themselves. */
export async function referenceOverview(db: Db): Promise<ReferenceOverview> {
  const [icd10cm] = await db.query<ReferenceOverview['icd10cm']>(OVERVIEW_ICD10CM_COUNTS_SQL);
  const [{ lines: undatedLines }] = await db.query<{ lines: number }>(OVERVIEW_UNDATED_LINES_SQL);
  const [pfs] = await db.query<ReferenceOverview['pfs']>(OVERVIEW_PFS_COUNTS_SQL);
  return {
    releases: await db.query(OVERVIEW_RELEASES_SQL),
    icd10cm,
    coverage: await db.query(OVERVIEW_COVERAGE_SQL),
    undated_lines: undatedLines,
    gaps: await referenceGaps(db),
    ncci: await db.query(OVERVIEW_NCCI_SQL),
    pfs_releases: await db.query(OVERVIEW_PFS_RELEASES_SQL),
    pfs,
    procedures: await db.query(OVERVIEW_PROCEDURES_SQL),
    procedure_groups: await db.query(OVERVIEW_PROCEDURE_GROUPS_SQL),
    payer_codes: await db.query(OVERVIEW_PAYER_CODES_SQL),
    payer_code_lists: PAYER_CODE_LISTS,
  };
}

import { icd10cmCoverageSql } from './lookups.sql.ts';
import { sql } from '../db/sql.ts';

/**
 * What the Reference page shows: the loaded reference tables and how well they cover the
 * loaded claims. Counts of codes are per release, taken from the derived intervals (the
 * shipped releases exist only as intervals).
 */
export const OVERVIEW_RELEASES_SQL = sql`
SELECT r.release, r.fiscal_year, r.effective_from, r.effective_to, r.source, r.origin,
       count(i.code) FILTER (WHERE i.billable)::INTEGER AS billable_codes,
       count(i.code) FILTER (WHERE NOT i.billable)::INTEGER AS headers
FROM ref_icd10cm_releases r
LEFT JOIN ref_icd10cm i ON r.effective_from >= i.valid_from AND r.effective_from <= coalesce(i.valid_to, DATE '9999-12-31')
GROUP BY ALL
ORDER BY r.effective_from`;

export const OVERVIEW_ICD10CM_COUNTS_SQL = sql`
SELECT count(DISTINCT code)::INTEGER AS codes,
       count(DISTINCT code) FILTER (WHERE billable)::INTEGER AS ever_billable,
       count(*)::INTEGER AS intervals,
       count(*) FILTER (WHERE origin = 'imported')::INTEGER AS imported_intervals,
       (SELECT count(*) FROM ref_icd10cm_conversions)::INTEGER AS conversions
FROM ref_icd10cm`;

/**
 * Coverage of the analysed lines (one per service line's first adjudication, the dashboard's
 * "lines"): a remittance line and its claim line count once.
 */
export const OVERVIEW_COVERAGE_SQL = icd10cmCoverageSql(sql`denial_facts`);

export const OVERVIEW_UNDATED_LINES_SQL = sql`
SELECT count(*)::INTEGER AS lines FROM denial_facts WHERE service_date IS NULL`;

/** One row per imported PTP file (or zip member); the CMS version is in the file name (ccipra-v322r0-f1). */
export const OVERVIEW_NCCI_SQL = sql`
SELECT source, nullif(regexp_extract(source, 'v[0-9]+r[0-9]+'), '') AS version,
       count(*)::INTEGER AS edits,
       count(*) FILTER (WHERE deleted IS NULL)::INTEGER AS not_deleted,
       min(effective) AS first_effective, max(effective) AS last_effective
FROM ref_ncci_ptp GROUP BY source ORDER BY source`;

export const OVERVIEW_PROCEDURES_SQL = sql`
SELECT code, code_system, valid_from, valid_to, coalesce(replacements, []) AS replacements, source
FROM ref_procedure_codes ORDER BY code`;

export const OVERVIEW_PROCEDURE_GROUPS_SQL = sql`
SELECT grp, count(*)::INTEGER AS codes FROM ref_procedure_groups GROUP BY grp ORDER BY grp`;

/** CARC first, then RARC; by letter prefix, then number (CARC 4 before 11, A1 after 288; RARC M15 before M76). */
export const OVERVIEW_PAYER_CODES_SQL = sql`
SELECT kind, code, denial, bucket, label, role, stop_date FROM payer_codes
ORDER BY kind, regexp_extract(code, '^[A-Z]*'), TRY_CAST(regexp_extract(code, '[0-9]+$') AS INTEGER), code`;

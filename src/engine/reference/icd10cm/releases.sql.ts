import { sql, type Sql } from '../../db/sql.ts';

export const RELEASE_ROWS_SQL = sql`
SELECT release, fiscal_year, effective_from, effective_to, source, origin FROM ref_icd10cm_releases ORDER BY effective_from`;

export const RELEASES_WITHOUT_CODES_SQL = sql`
SELECT release FROM ref_icd10cm_releases WHERE release NOT IN (SELECT DISTINCT release FROM ref_icd10cm_release_codes)`;

export const deleteReleaseSql = (release: string): Sql => sql`
DELETE FROM ref_icd10cm_release_codes WHERE release = ${release};
DELETE FROM ref_icd10cm_releases WHERE release = ${release}`;

/** effective_to is provisional here; deriveIcd10cm sets it once all releases are known. */
export const insertReleaseSql = (r: {
  release: string;
  fiscalYear: number;
  effectiveFrom: string;
  source: string;
  origin: string;
}): Sql => sql`
INSERT INTO ref_icd10cm_releases VALUES (${r.release}, ${r.fiscalYear},
  ${r.effectiveFrom}::DATE, ${r.effectiveFrom}::DATE, ${r.source}, ${r.origin})`;

export const setEffectiveToSql = (release: string, effectiveTo: string): Sql => sql`
UPDATE ref_icd10cm_releases SET effective_to = ${effectiveTo}::DATE WHERE release = ${release}`;

export const CONVERSIONS_STAGING_SQL = sql`
CREATE OR REPLACE TEMP TABLE ref_icd10cm_conversions_staging (effective VARCHAR, previous_code VARCHAR, current_code VARCHAR)`;

/** Conversion facts from the staging table, skipping ones already known. */
export const conversionsFromStagingSql = (source: string): Sql => sql`
INSERT INTO ref_icd10cm_conversions
SELECT DISTINCT effective::DATE, previous_code, current_code, ${source}
FROM ref_icd10cm_conversions_staging s
WHERE NOT EXISTS (
  SELECT 1 FROM ref_icd10cm_conversions c
  WHERE c.effective = s.effective::DATE AND c.previous_code = s.previous_code AND c.current_code = s.current_code
);
DROP TABLE ref_icd10cm_conversions_staging`;

/**
 * How far each loaded release is from the staged file: the number of codes that are in only
 * one of them or billable in only one (|S| + |R| - 2 * |codes with the same flag in both|).
 */
export const RELEASE_DISTANCES_TO_STAGED_SQL = sql`
SELECT c.release, any_value(r.effective_from) AS effective_from,
       ((SELECT count(*) FROM ref_icd10cm_staging) + count(*) - 2 * count(*) FILTER (WHERE s.billable = c.billable))::INTEGER AS distance
FROM ref_icd10cm_release_codes c
JOIN ref_icd10cm_releases r USING (release)
LEFT JOIN ref_icd10cm_staging s ON s.code = c.code
GROUP BY c.release
ORDER BY distance, effective_from DESC`;

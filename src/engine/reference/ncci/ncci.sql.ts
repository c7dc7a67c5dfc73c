import { inListSql, sql, type Sql } from '../../db/sql.ts';

export const PTP_STAGING_SQL = sql`
CREATE OR REPLACE TEMP TABLE ref_ncci_ptp_staging (
  line DOUBLE, column1 VARCHAR, column2 VARCHAR, effective VARCHAR, deleted VARCHAR, modifier_indicator VARCHAR, rationale VARCHAR)`;

export const DROP_PTP_STAGING_SQL = sql`DROP TABLE ref_ncci_ptp_staging`;

/** Edits listed twice in one file (same pair and effective date): the later lines are rejected. */
export const PTP_STAGED_DUPLICATES_SQL = sql`
SELECT line::INTEGER AS line, first_line::INTEGER AS first_line, column1, column2, effective
FROM (
  SELECT *, first_value(line) OVER w AS first_line, row_number() OVER w AS n
  FROM ref_ncci_ptp_staging WINDOW w AS (PARTITION BY column1, column2, effective ORDER BY line)
)
WHERE n > 1 ORDER BY line`;

export const PTP_SOURCES_SQL = sql`SELECT DISTINCT source FROM ref_ncci_ptp`;

/** Replace the rows of `replaced` sources with the staged file (first of each duplicate kept). */
export const ptpCommitStagedSql = (source: string, replaced: readonly string[]): Sql => sql`
DELETE FROM ref_ncci_ptp WHERE source IN ${inListSql([source, ...replaced])};
INSERT INTO ref_ncci_ptp
SELECT column1, column2, effective::DATE, deleted::DATE, modifier_indicator, rationale, ${source}
FROM (SELECT *, row_number() OVER (PARTITION BY column1, column2, effective ORDER BY line) AS n FROM ref_ncci_ptp_staging)
WHERE n = 1;
DROP TABLE ref_ncci_ptp_staging`;

export const ptpCountSql = (source: string): Sql => sql`
SELECT count(*)::INTEGER AS n FROM ref_ncci_ptp WHERE source = ${source}`;

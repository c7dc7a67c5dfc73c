import { inListSql, sql, type Sql } from '../../db/sql.ts';

/**
 * CMS Physician Fee Schedule payment-policy indicators (PPRRVU): global days and the
 * bilateral-surgery indicator per HCPCS code, as validity intervals over the loaded quarterly
 * releases (tables in reference.sql.ts).
 *
 * One row per code and release: the code's modifier-less row; a code that has none (86153 and,
 * until 2020, G0452 are listed only with -26) takes its -26 row. The -TC and -53 rows are not
 * used: the rules read the indicators of the service as billed by the physician.
 */
const SHIPPED_COLUMNS_SQL = sql`{
  'code': 'VARCHAR', 'global_days': 'VARCHAR', 'bilateral': 'VARCHAR', 'valid_from': 'DATE', 'valid_to': 'DATE', 'source': 'VARCHAR'}`;
const RELEASE_COLUMNS_SQL = sql`{'release': 'VARCHAR', 'effective_from': 'DATE', 'codes': 'INTEGER', 'source': 'VARCHAR'}`;
const CSV_OPTIONS_SQL = sql`header = true, auto_detect = false, delim = ',', quote = '"', escape = '"'`;

/** The shipped files: public/reference/pfs-indicators.csv.gz and pfs-releases.csv. */
export const exportPfsSql = (file: string): Sql => sql`
COPY (SELECT code, global_days, bilateral, valid_from, valid_to, source FROM ref_pfs ORDER BY code, valid_from)
TO ${file} (HEADER, COMPRESSION gzip, USE_TMP_FILE false)`;

export const exportPfsReleasesSql = (file: string): Sql => sql`
COPY (SELECT release, effective_from, codes, source FROM ref_pfs_releases ORDER BY effective_from)
TO ${file} (HEADER, USE_TMP_FILE false)`;

/** The shipped intervals and releases (file names are our own constants); imported releases stay. */
export const loadShippedPfsSql = (indicators: string, releases: string): Sql => sql`
DELETE FROM ref_pfs_shipped;
INSERT INTO ref_pfs_shipped SELECT * FROM read_csv(${indicators}, ${CSV_OPTIONS_SQL}, columns = ${SHIPPED_COLUMNS_SQL});
DELETE FROM ref_pfs_releases WHERE origin = 'shipped';
INSERT INTO ref_pfs_releases
SELECT release, effective_from, codes, source, 'shipped' FROM read_csv(${releases}, ${CSV_OPTIONS_SQL}, columns = ${RELEASE_COLUMNS_SQL})`;

export const PFS_IMPORTED_RELEASES_SQL = sql`
SELECT release, effective_from, source FROM ref_pfs_releases WHERE origin = 'imported' ORDER BY effective_from`;

export const PFS_COPY_SHIPPED_SQL = sql`
DELETE FROM ref_pfs;
INSERT INTO ref_pfs SELECT * FROM ref_pfs_shipped`;

/**
 * Intervals from every loaded release: a release's codes are its rows in ref_pfs_release_codes
 * (imported releases, and every release while the shipped table is built) or, for a shipped
 * release, the shipped intervals in force on its effective date. An interval is a run of
 * consecutive releases with the same global days and bilateral indicator; it ends the day before
 * the first release that changes or drops the code (NULL: as in the newest release).
 */
export const DERIVE_PFS_SQL = sql`
DELETE FROM ref_pfs;
INSERT INTO ref_pfs
WITH rel AS (
  SELECT release, effective_from, row_number() OVER (ORDER BY effective_from) AS idx,
         lead(effective_from) OVER (ORDER BY effective_from) AS next_from
  FROM ref_pfs_releases
), snap AS (
  SELECT release, code, global_days, bilateral FROM ref_pfs_release_codes
  UNION ALL
  SELECT r.release, s.code, s.global_days, s.bilateral
  FROM ref_pfs_releases r JOIN ref_pfs_shipped s
    ON r.effective_from >= s.valid_from AND r.effective_from <= coalesce(s.valid_to, DATE '9999-12-31')
  WHERE r.origin = 'shipped' AND r.release NOT IN (SELECT DISTINCT release FROM ref_pfs_release_codes)
), runs AS (
  SELECT s.code, s.global_days, s.bilateral, rel.idx,
         rel.idx - row_number() OVER (PARTITION BY s.code, s.global_days, s.bilateral ORDER BY rel.idx) AS run
  FROM snap s JOIN rel USING (release)
), intervals AS (
  SELECT code, global_days, bilateral, min(idx) AS first_idx, max(idx) AS last_idx FROM runs GROUP BY code, global_days, bilateral, run
)
SELECT i.code, i.global_days, i.bilateral, f.effective_from, l.next_from - 1,
       'CMS PFS ' || f.release || CASE WHEN l.idx > f.idx THEN '–' || l.release ELSE '' END
FROM intervals i JOIN rel f ON f.idx = i.first_idx JOIN rel l ON l.idx = i.last_idx
ORDER BY i.code, f.effective_from`;

/** Rows of one PPRRVU file being imported. */
export const PFS_STAGING_SQL = sql`
CREATE OR REPLACE TEMP TABLE ref_pfs_staging (line DOUBLE, code VARCHAR, modifier VARCHAR, global_days VARCHAR, bilateral VARCHAR)`;

/** A code + modifier listed twice: the later lines are rejected. */
export const PFS_STAGED_DUPLICATES_SQL = sql`
SELECT line::INTEGER AS line, first_line::INTEGER AS first_line, code, modifier
FROM (
  SELECT *, first_value(line) OVER w AS first_line, row_number() OVER w AS n
  FROM ref_pfs_staging WINDOW w AS (PARTITION BY code, modifier ORDER BY line)
)
WHERE n > 1 ORDER BY line`;

/** The staged file becomes `release` (replacing an earlier import of it): one row per code, as described above. */
export const pfsCommitStagedSql = (r: { release: string; effectiveFrom: string; source: string }): Sql => sql`
DELETE FROM ref_pfs_release_codes WHERE release = ${r.release};
DELETE FROM ref_pfs_releases WHERE release = ${r.release} AND origin = 'imported';
INSERT INTO ref_pfs_release_codes
SELECT ${r.release}, code, global_days, bilateral
FROM (SELECT *, row_number() OVER (PARTITION BY code ORDER BY modifier <> '', line) AS n FROM ref_pfs_staging WHERE modifier IN ('', '26'))
WHERE n = 1;
INSERT INTO ref_pfs_releases
SELECT ${r.release}, ${r.effectiveFrom}::DATE, count(*)::INTEGER, ${r.source}, 'imported'
FROM ref_pfs_release_codes WHERE release = ${r.release};
DROP TABLE ref_pfs_staging`;

export const pfsReleaseCodesCountSql = (release: string): Sql => sql`
SELECT count(*)::INTEGER AS n FROM ref_pfs_release_codes WHERE release = ${release}`;

export const PFS_LOADED_RELEASES_SQL = sql`SELECT release, effective_from, origin FROM ref_pfs_releases`;

export const removeImportedPfsSql = (releases: readonly string[]): Sql => sql`
DELETE FROM ref_pfs_release_codes WHERE release IN (SELECT release FROM ref_pfs_releases WHERE origin = 'imported' AND release IN ${inListSql(releases)});
DELETE FROM ref_pfs_releases WHERE origin = 'imported' AND release IN ${inListSql(releases)}`;

/**
 * The indicators of codes on dates of service. `pairs` (a relation of our own) has columns
 * code, service_date. release: the newest loaded release on or before the date;
 * past_quarter: the date is after that release's quarter (a later release is not loaded, so
 * its indicators are used: they rarely change). global_days / bilateral are NULL when the
 * code is not in the fee schedule on that date, or no release is that old.
 */
export const pfsIndicatorsSql = (pairs: Sql): Sql => sql`
WITH p AS (
  SELECT DISTINCT code, service_date FROM ${pairs} WHERE code IS NOT NULL AND service_date IS NOT NULL
)
SELECT p.code, p.service_date, i.global_days, i.bilateral, r.release, r.effective_from AS release_from,
       coalesce(p.service_date >= r.effective_from + INTERVAL 3 MONTH, false) AS past_quarter
FROM p
ASOF LEFT JOIN (SELECT release, effective_from FROM ref_pfs_releases) r ON p.service_date >= r.effective_from
LEFT JOIN ref_pfs i ON i.code = upper(trim(p.code)) AND p.service_date >= i.valid_from AND p.service_date <= coalesce(i.valid_to, DATE '9999-12-31')`;

/** "CMS PFS RVU25D", saying when the release is used past its quarter. Columns of pfsIndicatorsSql under `alias`. */
export const pfsCitationSql = (alias: Sql): Sql => sql`('CMS PFS ' || ${alias}.release || CASE WHEN ${alias}.past_quarter
  THEN ', in force from ' || ${alias}.release_from || ' and the newest release loaded for this date' ELSE '' END)`;

/** The Reference page: loaded releases with their code counts, and the table's size. */
export const OVERVIEW_PFS_RELEASES_SQL = sql`
SELECT release, effective_from, lead(effective_from) OVER (ORDER BY effective_from) - 1 AS effective_to, codes, source, origin
FROM ref_pfs_releases ORDER BY effective_from`;

export const OVERVIEW_PFS_COUNTS_SQL = sql`
SELECT count(DISTINCT code)::INTEGER AS codes, count(*)::INTEGER AS intervals,
       count(*) FILTER (WHERE valid_to IS NULL AND global_days IN ('000', '010', '090'))::INTEGER AS with_global_now
FROM ref_pfs`;

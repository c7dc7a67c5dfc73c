import { sql, type Sql } from '../db/sql.ts';

/**
 * The shipped ICD-10-CM files: public/reference/icd10cm.csv.gz (ref_icd10cm, compact: lists
 * '|'-joined, no origin column) and public/reference/icd10cm-releases.csv.
 */
const ICD10CM_COLUMNS_SQL = sql`{
  'code': 'VARCHAR', 'billable': 'BOOLEAN', 'valid_from': 'DATE', 'valid_to': 'DATE', 'unspecified': 'BOOLEAN',
  'laterality': 'VARCHAR', 'replacements': 'VARCHAR', 'short_desc': 'VARCHAR'}`;
const RELEASE_COLUMNS_SQL = sql`{
  'release': 'VARCHAR', 'fiscal_year': 'INTEGER', 'effective_from': 'DATE', 'effective_to': 'DATE', 'source': 'VARCHAR'}`;

export const exportIcd10cmSql = (file: string): Sql => sql`
COPY (
  SELECT code, billable, valid_from, valid_to, unspecified, laterality, array_to_string(replacements, '|') AS replacements, short_desc
  FROM ref_icd10cm ORDER BY code, valid_from
) TO ${file} (HEADER, COMPRESSION gzip, USE_TMP_FILE false)`;

export const exportReleasesSql = (file: string): Sql => sql`
COPY (
  SELECT release, fiscal_year, effective_from, effective_to, source FROM ref_icd10cm_releases ORDER BY effective_from
) TO ${file} (HEADER, USE_TMP_FILE false)`;

export const BUILD_SUMMARY_SQL = sql`
SELECT (SELECT count(*) FROM ref_icd10cm_releases) AS releases,
       (SELECT count(*) FROM ref_icd10cm) AS intervals,
       (SELECT count(DISTINCT code) FROM ref_icd10cm) AS codes,
       (SELECT count(*) FROM ref_icd10cm WHERE billable AND valid_to IS NULL) AS billable_now,
       (SELECT count(*) FROM ref_icd10cm WHERE NOT billable AND valid_to IS NULL) AS headers_now,
       (SELECT count(*) FROM ref_icd10cm WHERE replacements IS NOT NULL) AS with_replacements,
       (SELECT count(*) FROM ref_icd10cm WHERE unspecified AND valid_to IS NULL) AS unspecified_now,
       (SELECT count(*) FROM ref_icd10cm WHERE laterality = 'unspecified' AND valid_to IS NULL) AS unspecified_side_now`;

/** The shipped intervals into a temp table (file names are our own constants). */
export const readShippedIcd10cmSql = (file: string): Sql => sql`
CREATE OR REPLACE TEMP TABLE ref_icd10cm_shipped AS
SELECT code, billable, valid_from, valid_to, unspecified, laterality,
       CASE WHEN replacements IS NULL OR replacements = '' THEN NULL ELSE string_split(replacements, '|') END AS replacements,
       short_desc, 'shipped' AS origin
FROM read_csv(${file}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
              columns = ${ICD10CM_COLUMNS_SQL})`;

/** The shipped ICD-10-CM staging table, once copied into ref_icd10cm. */
export const DROP_SHIPPED_STAGING_SQL = sql`DROP TABLE ref_icd10cm_shipped`;

export const loadShippedReleasesSql = (file: string): Sql => sql`
DELETE FROM ref_icd10cm_release_codes WHERE release IN (SELECT release FROM ref_icd10cm_releases WHERE origin = 'shipped');
DELETE FROM ref_icd10cm_releases WHERE origin = 'shipped';
INSERT INTO ref_icd10cm_releases
SELECT release, fiscal_year, effective_from, effective_to, source, 'shipped'
FROM read_csv(${file}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
              columns = ${RELEASE_COLUMNS_SQL})
WHERE release NOT IN (SELECT release FROM ref_icd10cm_releases)`;

export const IMPORTED_RELEASE_COUNT_SQL = sql`
SELECT count(*)::INTEGER AS n FROM ref_icd10cm_releases WHERE origin = 'imported'`;

export const REPLACE_WITH_SHIPPED_SQL = sql`
DELETE FROM ref_icd10cm;
INSERT INTO ref_icd10cm SELECT * FROM ref_icd10cm_shipped`;

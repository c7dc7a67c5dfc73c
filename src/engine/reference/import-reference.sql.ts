import { sql, type Sql } from '../db/sql.ts';

const listSql = (values: readonly string[]): Sql => sql`${values}::VARCHAR[]`;

/** Rows whose source is one of `sources`, or a member of it ("file:member"). */
const fromSourcesSql = (sources: readonly string[]): Sql =>
  sql`len(list_filter(${listSql(sources)}, lambda s: source = s OR starts_with(source, s || ':'))) > 0`;

/** Imported releases (never shipped ones), conversion facts and PTP edits of removed files. */
export const removeImportedSql = (r: { releases: readonly string[]; conversionSources: readonly string[]; ptpFiles: readonly string[] }): Sql => sql`
DELETE FROM ref_icd10cm_release_codes
WHERE release IN (SELECT release FROM ref_icd10cm_releases WHERE origin = 'imported' AND list_contains(${listSql(r.releases)}, release));
DELETE FROM ref_icd10cm_releases WHERE origin = 'imported' AND list_contains(${listSql(r.releases)}, release);
DELETE FROM ref_icd10cm_conversions WHERE ${fromSourcesSql(r.conversionSources)};
DELETE FROM ref_ncci_ptp WHERE ${fromSourcesSql(r.ptpFiles)}`;

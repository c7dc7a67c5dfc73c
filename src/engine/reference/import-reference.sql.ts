import { sqlList } from '../db/sql-quote.ts';

const list = (values: readonly string[]) => `${values.length > 0 ? sqlList(values) : '[]'}::VARCHAR[]`;

/** Rows whose source is one of `sources`, or a member of it ("file:member"). */
const fromSources = (sources: readonly string[]) =>
  /* sql */ `len(list_filter(${list(sources)}, lambda s: source = s OR starts_with(source, s || ':'))) > 0`;

/** Imported releases (never shipped ones), conversion facts and PTP edits of removed files. */
export const REMOVE_IMPORTED_SQL = (r: { releases: readonly string[]; conversionSources: readonly string[]; ptpFiles: readonly string[] }) => /* sql */ `
DELETE FROM ref_icd10cm_release_codes
WHERE release IN (SELECT release FROM ref_icd10cm_releases WHERE origin = 'imported' AND list_contains(${list(r.releases)}, release));
DELETE FROM ref_icd10cm_releases WHERE origin = 'imported' AND list_contains(${list(r.releases)}, release);
DELETE FROM ref_icd10cm_conversions WHERE ${fromSources(r.conversionSources)};
DELETE FROM ref_ncci_ptp WHERE ${fromSources(r.ptpFiles)}`;

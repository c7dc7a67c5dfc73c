import { sql, type Sql } from '../db/sql.ts';

/**
 * What a code-set release changes, read from the loaded reference tables, and which
 * of those changes touch the codes a practice billed (code-set-changes.ts).
 */

/** A code without its 7th-character extension letter and the X placeholders before it (S23420A -> S23420; M868X11 stays). */
const baseSql = (code: Sql): Sql => sql`CASE WHEN len(${code}) = 7 AND regexp_matches(right(${code}, 1), '[A-Z]') THEN rtrim(left(${code}, 6), 'X') ELSE ${code} END`;
const extensionSql = (code: Sql): Sql => sql`CASE WHEN len(${code}) = 7 AND regexp_matches(right(${code}, 1), '[A-Z]') THEN right(${code}, 1) ELSE '' END`;
const coversSql = (day: Sql): Sql => sql`valid_from <= ${day} AND coalesce(valid_to, DATE '9999-12-31') >= ${day}`;

/**
 * The ICD-10-CM changes taking effect on `effective` (a release's first day), one row per
 * code billable the day before (codes without dots):
 * - deleted: in no release from that day; replacements = what the loaded files name
 *   (billable descendants, CDC conversion-table facts), often none;
 * - expanded: still in the classification but no longer billable (a header), replacements =
 *   its new billable children;
 * - new_alternatives: still billable, and the release adds billable codes directly under
 *   the same heading (the nearest code that existed before the new one), the same 7th
 *   character when both have one: L02.232 gains L02.237 (flank, carved out of "back"),
 *   I47.29 gains I47.22. A new code under a code that became a header counts as that
 *   code's expansion instead.
 * Columns: code, change, short_desc, replacements (list of {code, short_desc}).
 * `categories`: a relation of our own with a column `category` (3-character categories) to
 * look at only those codes — every change above stays within a code's category — or null for all.
 */
export function icd10cmChangesSql(effective: string, categories: Sql | null = null): Sql {
  const day = sql`DATE ${effective}`;
  const within = categories ? sql`AND left(code, 3) IN (SELECT category FROM ${categories})` : sql``;
  return sql`
WITH old AS (
  SELECT code, billable, replacements, short_desc FROM ref_icd10cm WHERE ${coversSql(sql`(${day} - 1)`)} ${within}
), new AS (
  SELECT code, billable, short_desc, ${baseSql(sql`code`)} AS base, ${extensionSql(sql`code`)} AS ext FROM ref_icd10cm WHERE ${coversSql(day)} ${within}
), ended AS (
  SELECT o.code, CASE WHEN n.code IS NULL THEN 'deleted' ELSE 'expanded' END AS change, o.short_desc, coalesce(o.replacements, []) AS codes
  FROM old o LEFT JOIN new n USING (code)
  WHERE o.billable AND (n.code IS NULL OR NOT n.billable)
), added AS (
  SELECT n.* FROM new n LEFT JOIN old o USING (code) WHERE n.billable AND (o.code IS NULL OR NOT o.billable)
), anchored AS (
  -- every code starts with its 3-character category: joining on it first keeps these joins small
  SELECT a.code, a.base, a.ext, a.short_desc, arg_max(o.code, len(o.code)) AS anchor
  FROM added a JOIN old o ON left(o.code, 3) = left(a.base, 3) AND len(o.code) < len(a.base) AND starts_with(a.base, o.code)
  GROUP BY ALL
), kept AS (
  SELECT n.code, n.base, n.ext, n.short_desc FROM new n JOIN old o USING (code) WHERE n.billable AND o.billable
), siblings AS (
  SELECT k.code, k.short_desc, a.code AS new_code, a.short_desc AS new_desc
  FROM anchored a JOIN kept k ON left(k.base, 3) = left(a.anchor, 3) AND starts_with(k.base, a.anchor) AND len(k.base) > len(a.anchor)
  WHERE (k.ext = '' OR a.ext = '' OR k.ext = a.ext)
    AND a.anchor NOT IN (SELECT code FROM ended)
    AND NOT EXISTS (SELECT 1 FROM new h WHERE left(h.code, 3) = left(k.base, 3) AND len(h.code) > len(a.anchor) AND len(h.code) < len(k.base) AND starts_with(k.base, h.code))
), named AS (
  SELECT e.code, e.change, e.short_desc, list({'code': r.code, 'short_desc': n.short_desc} ORDER BY r.code) FILTER (WHERE r.code IS NOT NULL) AS replacements
  FROM ended e
  LEFT JOIN (SELECT code AS parent, unnest(codes) AS code FROM ended) r ON r.parent = e.code
  LEFT JOIN new n ON n.code = r.code
  GROUP BY ALL
)
SELECT code, change, short_desc, coalesce(replacements, []) AS replacements FROM named
UNION ALL
SELECT code, 'new_alternatives', short_desc, list({'code': new_code, 'short_desc': new_desc} ORDER BY new_code) FROM siblings GROUP BY code, short_desc`;
}

/** The loaded data's dates of service: the last one, and the first day of its last 12 months. */
export const BILLED_WINDOW_SQL = sql`
SELECT max(service_date)::VARCHAR AS last_date, (max(service_date) - INTERVAL 12 MONTH + INTERVAL 1 DAY)::DATE::VARCHAR AS from_date
FROM denial_facts`;

/** ICD-10-CM releases that take effect after `after` (the practice's last date of service). */
export const icd10cmReleasesAfterSql = (after: string): Sql => sql`
SELECT release, effective_from::VARCHAR AS effective_from, origin FROM ref_icd10cm_releases
WHERE effective_from > DATE ${after} ORDER BY effective_from`;

/** CMS fee-schedule releases that take effect after `after`. */
export const pfsReleasesAfterSql = (after: string): Sql => sql`
SELECT release, effective_from::VARCHAR AS effective_from, origin FROM ref_pfs_releases
WHERE effective_from > DATE ${after} ORDER BY effective_from`;

/** Every counted line with its billed procedure as `code` (what the fee-schedule and procedure-fact checks match on). */
const BILLED_PROCEDURES_SQL = sql`SELECT line_id, claim_key, service_date, billed, denied, provider, payer, upper(coalesce(billed_procedure, procedure)) AS code FROM denial_facts`;

/** What the practice billed with each code (`codeColumn` of the relation), over its lines dated from .. to. */
const usageSql = (relation: Sql, codeColumn: Sql, from: string, to: string): Sql => sql`
SELECT c.code, count(*)::INTEGER AS lines, count(DISTINCT f.claim_key)::INTEGER AS claims,
  sum(f.billed)::DOUBLE AS billed, count(*) FILTER (WHERE f.denied)::INTEGER AS denied_lines,
  list(DISTINCT f.provider ORDER BY f.provider) AS providers, list(DISTINCT f.payer ORDER BY f.payer) AS payers,
  min(f.service_date)::VARCHAR AS first_date, max(f.service_date)::VARCHAR AS last_date
FROM ${relation} f JOIN changes c ON c.code = f.${codeColumn}
WHERE f.service_date BETWEEN DATE ${from} AND DATE ${to}
GROUP BY c.code`;

/** The ICD-10-CM changes of `effective` for the diagnosis codes billed from .. to (a line counts once per code). */
export const billedIcd10cmChangesSql = (effective: string, from: string, to: string): Sql => sql`
WITH dx AS (
  SELECT line_id, claim_key, service_date, billed, denied, provider, payer, unnest(list_distinct(diagnoses)) AS code FROM denial_facts
  WHERE service_date BETWEEN DATE ${from} AND DATE ${to}
),
billed_categories AS (SELECT DISTINCT left(code, 3) AS category FROM dx),
changes AS (${icd10cmChangesSql(effective, sql`billed_categories`)}),
used AS (${usageSql(sql`dx`, sql`code`, from, to)})
SELECT c.code, c.change, c.short_desc, c.replacements, u.* EXCLUDE (code)
FROM changes c JOIN used u USING (code)
ORDER BY u.billed DESC, c.code`;

/**
 * Procedure codes billed from .. to that the fee-schedule release in force the day
 * before `effective` lists and the release of `effective` does not: all a PFS file can
 * tell (CPT deletions, additions and replacements are in the AMA CPT and CMS HCPCS files).
 */
export const billedPfsChangesSql = (effective: string, from: string, to: string): Sql => sql`
WITH changes AS (
  SELECT o.code, 'not_in_fee_schedule' AS change, '' AS short_desc, []::STRUCT(code VARCHAR, short_desc VARCHAR)[] AS replacements
  FROM ref_pfs o
  WHERE ${coversSql(sql`(DATE ${effective} - 1)`)}
    AND NOT EXISTS (SELECT 1 FROM ref_pfs n WHERE n.code = o.code AND n.valid_from <= DATE ${effective} AND coalesce(n.valid_to, DATE '9999-12-31') >= DATE ${effective})
),
px AS (${BILLED_PROCEDURES_SQL}),
used AS (${usageSql(sql`px`, sql`code`, from, to)})
SELECT c.code, c.change, c.short_desc, c.replacements, u.* EXCLUDE (code)
FROM changes c JOIN used u USING (code)
ORDER BY u.billed DESC, c.code`;

/** Deletions of the hand-cited procedure list (procedure-facts.ts) that take effect after `after`, for the codes billed from .. to. */
export const billedProcedureDeletionsSql = (after: string, from: string, to: string): Sql => sql`
WITH changes AS (
  SELECT code, 'deleted' AS change, '' AS short_desc, list_transform(coalesce(replacements, []), lambda r: {'code': r, 'short_desc': ''}) AS replacements,
    (valid_to + 1)::VARCHAR AS effective, source
  FROM ref_procedure_codes WHERE valid_to >= DATE ${after}
),
px AS (${BILLED_PROCEDURES_SQL}),
used AS (${usageSql(sql`px`, sql`code`, from, to)})
SELECT c.code, c.change, c.short_desc, c.replacements, c.effective, c.source, u.* EXCLUDE (code)
FROM changes c JOIN used u USING (code)
ORDER BY u.billed DESC, c.code`;

/** Lines dated after `after`: how many, and their first and last dates. */
export const linesAfterSql = (after: string): Sql => sql`
SELECT count(*)::INTEGER AS lines, min(service_date)::VARCHAR AS first_date, max(service_date)::VARCHAR AS last_date
FROM denial_facts WHERE service_date > DATE ${after}`;

/** The last date of service the loaded ICD-10-CM releases answer for, and the newest fee-schedule release. */
export const NEWEST_REFERENCE_SQL = sql`
SELECT (SELECT max(effective_to)::VARCHAR FROM ref_icd10cm_releases) AS icd_covered_to,
  (SELECT arg_max(release, effective_from) FROM ref_pfs_releases) AS pfs_release,
  (SELECT max(effective_from)::VARCHAR FROM ref_pfs_releases) AS pfs_from`;

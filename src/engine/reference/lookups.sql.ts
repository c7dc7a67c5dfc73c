import { ident, joinSql, sql, type Sql } from '../db/sql.ts';
/**
 * Lookups the classifier runs over whole tables (joins, no per-row subqueries). Each takes a
 * relation of our own - a table name or a parenthesised SELECT written in the engine, never
 * user text - and answers once per distinct (code, date).
 *
 * ICD-10-CM status of a code on a date of service:
 *  'unknown'        no loaded release covers the date (or there is no date)
 *  'valid'          billable on that date
 *  'header'         in the classification but not billable on that date (e.g. M545 from 2021-10-01)
 *  'not_yet_valid'  first valid after that date
 *  'deleted'        no longer in the classification on that date
 *  'invalid'        in no loaded release at all, on a date a loaded release covers
 * valid_from .. short_desc: the interval on the date ('valid', 'header'), the last one before it
 * ('deleted') or the first one ('not_yet_valid'); billable_until / replacements: the code's
 * most recent billable interval that ended before the date, if any.
 * problem / valid_codes / valid_code_count: what is wrong and the billable codes of that date
 * to use instead (at most SUGGESTED, nearest first; the count is of all of them):
 *  header:  'missing_7th_character' (S93401 -> S93401A/D/S), 'missing_placeholder' (W19 ->
 *           W19XXXA/D/S: X placeholders and a 7th character), else 'not_billable' (its billable
 *           descendants, shortest first: M545 -> M5450, M5451, M5459)
 *  invalid: 'missing_placeholder' (S0990A -> S0990XA), 'missing_7th_character' / 'incomplete'
 *           (a prefix of billable codes that is no code itself: W19X -> W19XXXA/D/S),
 *           'extra_character' (I10X -> I10), else 'not_a_code' (no close code)
 *  valid and unspecified (or side not given): 'unspecified', with the nearest billable codes of
 *           its category that are not unspecified: under the same parent if any, else one level
 *           up, and so on (same 7th character; the same side first): M25569 -> M25561, M25562;
 *           S82101A (all of S82.10 is unspecified) -> the specific S82.1 fractures, right side first.
 */
const SHOWN = ['valid_from', 'valid_to', 'unspecified', 'laterality', 'short_desc'];
export const SUGGESTED = 6;
/** A code without its 7th character and the X placeholders before it (S0990XA -> S0990). */
const baseSql = (code: Sql): Sql => sql`CASE WHEN len(${code}) = 7 THEN rtrim(left(${code}, 6), 'X') ELSE ${code} END`;
/** A 7th-character extension letter (A, D, S ...) or '' (digits there are subdivisions: Z878901). */
const extensionSql = (code: Sql): Sql => sql`CASE WHEN len(${code}) = 7 AND regexp_matches(right(${code}, 1), '[A-Z]') THEN right(${code}, 1) ELSE '' END`;

export const icd10cmStatusSql = (pairs: Sql): Sql => sql`
WITH p AS (
  SELECT DISTINCT code, service_date FROM ${pairs}
),
-- releases never overlap and the intervals start and end with releases, so a code is the same
-- all through the release covering the date: suggestions are computed once per (code, release)
k AS (
  SELECT p.code, p.service_date, upper(replace(trim(p.code), '.', '')) AS key, r.effective_from AS release_from
  FROM p LEFT JOIN ref_icd10cm_releases r ON p.service_date BETWEEN r.effective_from AND r.effective_to
),
codes AS (
  SELECT code, min(valid_from) AS first_from FROM ref_icd10cm GROUP BY code
),
-- a code's intervals never overlap, so the date matches at most one (a hash join on code)
s AS MATERIALIZED (
  SELECT k.code, k.service_date, k.key, k.release_from,
         CASE WHEN k.release_from IS NULL THEN 'unknown'
              WHEN i.code IS NOT NULL THEN CASE WHEN i.billable THEN 'valid' ELSE 'header' END
              WHEN c.code IS NULL THEN 'invalid'
              WHEN k.service_date < c.first_from THEN 'not_yet_valid'
              ELSE 'deleted' END AS status,
         ${joinSql(SHOWN.map((column) => sql`i.${ident(column)}`))}
  FROM k
  LEFT JOIN codes c ON c.code = k.key
  LEFT JOIN ref_icd10cm i
    ON i.code = k.key AND k.service_date >= i.valid_from AND k.service_date <= coalesce(i.valid_to, DATE '9999-12-31')
),
-- the code's past, only for the pairs that need it
past AS (
  SELECT s.code, s.service_date,
         max_by(i, i.valid_from) FILTER (WHERE i.valid_to < s.service_date) AS before,
         min_by(i, i.valid_from) AS first,
         max_by(i, i.valid_to) FILTER (WHERE i.billable AND i.valid_to < s.service_date) AS ended
  FROM s JOIN ref_icd10cm i ON i.code = s.key
  WHERE s.status IN ('header', 'deleted', 'not_yet_valid')
  GROUP BY s.code, s.service_date
),
-- (code, release) pairs that need codes to suggest
need AS MATERIALIZED (
  SELECT DISTINCT key, release_from, status, laterality, ${baseSql(sql`key`)} AS base, ${extensionSql(sql`key`)} AS ext FROM s
  WHERE status IN ('header', 'invalid') OR (status = 'valid' AND (unspecified OR laterality = 'unspecified'))
),
-- billable codes of those releases, in the categories needed
pool AS MATERIALIZED (
  SELECT i.code, i.unspecified, i.laterality, n.release_from
  FROM (SELECT DISTINCT left(key, 3) AS category, release_from FROM need) n
  JOIN ref_icd10cm i ON left(i.code, 3) = n.category
   AND n.release_from >= i.valid_from AND n.release_from <= coalesce(i.valid_to, DATE '9999-12-31')
  WHERE i.billable
),
-- every proper prefix of every pool code (materialized: the joins below are then plain equalities)
pool_prefixes AS MATERIALIZED (
  SELECT p.code, p.release_from, left(p.code, t.n) AS prefix FROM pool p CROSS JOIN range(3, 7) t(n) WHERE t.n < len(p.code)
),
-- billable codes under a header (or under a prefix that is no code)
under AS (
  SELECT n.key, n.release_from, list(p.code ORDER BY len(p.code), p.code)[1:${SUGGESTED}] AS codes, count(*)::INTEGER AS n_codes,
         bool_and(len(p.code) = 7 AND rtrim(left(p.code, 6), 'X') = rtrim(n.key, 'X')) AS extension_only
  FROM need n JOIN pool_prefixes p ON p.prefix = n.key AND p.release_from = n.release_from
  WHERE n.status IN ('header', 'invalid')
  GROUP BY n.key, n.release_from
),
-- an invalid code one step from a billable one: X placeholders left out, or a character too many
near AS (
  SELECT n.key, n.release_from, 'missing_placeholder' AS problem, p.code
  FROM need n JOIN pool p ON p.release_from = n.release_from AND p.code = rpad(left(n.key, len(n.key) - 1), 6, 'X') || right(n.key, 1)
  WHERE n.status = 'invalid' AND len(n.key) BETWEEN 4 AND 6
  UNION ALL
  SELECT n.key, n.release_from, 'extra_character', p.code
  FROM need n JOIN pool p ON p.release_from = n.release_from AND p.code = left(n.key, len(n.key) - 1)
  WHERE n.status = 'invalid' AND len(n.key) > 3
),
-- specific alternatives to an unspecified code: per ancestor of the code, the first specific codes
-- below it (per 7th character and side), so nothing compares every pair in a category
specific AS (
  SELECT code, laterality, release_from, ${baseSql(sql`code`)} AS base, ${extensionSql(sql`code`)} AS ext FROM pool WHERE NOT unspecified
),
specific_under AS (
  SELECT left(base, t.n) AS prefix, release_from, ext, laterality, list(code ORDER BY code)[1:${SUGGESTED}] AS codes, count(*)::INTEGER AS n_codes
  FROM specific CROSS JOIN range(3, 6) t(n)
  WHERE t.n < len(base)
  GROUP BY ALL
),
-- the ancestors of each unspecified code (materialized, so that the join below is on equalities)
need_prefixes AS MATERIALIZED (
  SELECT n.key, n.release_from, n.laterality, n.ext, t.n AS level, left(n.base, t.n) AS prefix
  FROM need n CROSS JOIN range(3, 6) t(n)
  WHERE n.status = 'valid' AND t.n < len(n.base)
),
alternatives AS (
  SELECT n.key, n.release_from, n.level, coalesce(a.laterality = n.laterality, false) AS same_side, a.codes, a.n_codes
  FROM need_prefixes n
  JOIN specific_under a ON a.prefix = n.prefix AND a.release_from = n.release_from AND a.ext = n.ext
),
-- the nearest level that has any: same parent first, else one level up, and so on
nearest AS MATERIALIZED (
  SELECT * FROM (SELECT *, max(level) OVER (PARTITION BY key, release_from) AS best FROM alternatives) WHERE level = best
),
nearest_codes AS (
  SELECT key, release_from, list(code ORDER BY same_side DESC, code)[1:${SUGGESTED}] AS codes, any_value(t.n_codes) AS n_codes
  FROM (SELECT key, release_from, same_side, unnest(codes) AS code FROM nearest)
  JOIN (SELECT key, release_from, sum(n_codes)::INTEGER AS n_codes FROM nearest GROUP BY ALL) t USING (key, release_from)
  GROUP BY key, release_from
),
suggested AS (
  SELECT n.key, n.release_from,
         CASE WHEN n.status = 'header' THEN
                CASE WHEN NOT coalesce(u.extension_only, false) THEN 'not_billable' WHEN len(n.key) < 6 THEN 'missing_placeholder' ELSE 'missing_7th_character' END
              WHEN n.status = 'valid' THEN 'unspecified'
              WHEN np.code IS NOT NULL THEN 'missing_placeholder'
              WHEN u.key IS NOT NULL THEN
                CASE WHEN NOT u.extension_only THEN 'incomplete' WHEN len(n.key) < 6 THEN 'missing_placeholder' ELSE 'missing_7th_character' END
              WHEN ne.code IS NOT NULL THEN 'extra_character'
              ELSE 'not_a_code' END AS problem,
         CASE WHEN n.status = 'valid' THEN ac.codes
              WHEN n.status = 'header' THEN u.codes
              WHEN np.code IS NOT NULL THEN [np.code]
              WHEN u.key IS NOT NULL THEN u.codes
              WHEN ne.code IS NOT NULL THEN [ne.code] END AS valid_codes,
         CASE WHEN n.status = 'valid' THEN ac.n_codes
              WHEN n.status = 'header' THEN u.n_codes
              WHEN np.code IS NOT NULL OR (u.key IS NULL AND ne.code IS NOT NULL) THEN 1
              ELSE coalesce(u.n_codes, 0) END AS valid_code_count
  FROM need n
  LEFT JOIN under u ON u.key = n.key AND u.release_from = n.release_from
  LEFT JOIN near np ON np.key = n.key AND np.release_from = n.release_from AND np.problem = 'missing_placeholder'
  LEFT JOIN near ne ON ne.key = n.key AND ne.release_from = n.release_from AND ne.problem = 'extra_character'
  LEFT JOIN nearest_codes ac ON ac.key = n.key AND ac.release_from = n.release_from
)
SELECT s.code, s.service_date, s.status,
       ${joinSql(
         SHOWN.map((name) => {
           const column = ident(name);
           return sql`CASE s.status WHEN 'unknown' THEN NULL WHEN 'invalid' THEN NULL WHEN 'deleted' THEN o.before.${column}
              WHEN 'not_yet_valid' THEN o.first.${column} ELSE s.${column} END AS ${column}`;
         }),
         sql`,
       `,
       )},
       o.ended.valid_to AS billable_until,
       o.ended.replacements AS replacements,
       g.problem, g.valid_codes, g.valid_code_count
FROM s
LEFT JOIN past o ON o.code = s.code AND o.service_date = s.service_date
LEFT JOIN suggested g ON g.key = s.key AND g.release_from = s.release_from`;

/**
 * CPT/HCPCS status from the starter list (ref_procedure_codes): a code not in the list is
 * 'unknown'; otherwise 'valid' | 'not_yet_valid' | 'deleted' by its dates.
 */
export const procedureStatusSql = (pairs: Sql): Sql => sql`
WITH p AS (
  SELECT DISTINCT code, service_date FROM ${pairs}
)
SELECT p.code, p.service_date,
       CASE WHEN f.code IS NULL OR p.service_date IS NULL THEN 'unknown'
            WHEN p.service_date < f.valid_from THEN 'not_yet_valid'
            WHEN p.service_date > f.valid_to THEN 'deleted'
            ELSE 'valid' END AS status,
       f.code_system, f.valid_from, f.valid_to, f.replacements, f.source
FROM p LEFT JOIN ref_procedure_codes f ON f.code = upper(trim(p.code))`;

/**
 * Which ICD-10-CM fiscal years the dates of service need (FY N = (N-1)-10-01 .. N-09-30) and
 * whether loaded releases answer for them. `dates` has a column service_date.
 */
export const icd10cmCoverageSql = (dates: Sql): Sql => sql`
WITH d AS (
  SELECT service_date, count(*) AS lines FROM ${dates} WHERE service_date IS NOT NULL GROUP BY service_date
),
f AS (
  SELECT d.*, (year(service_date) + CASE WHEN month(service_date) >= 10 THEN 1 ELSE 0 END)::INTEGER AS fiscal_year,
         EXISTS (SELECT 1 FROM ref_icd10cm_releases r WHERE d.service_date BETWEEN r.effective_from AND r.effective_to) AS covered
  FROM d
),
loaded AS (
  SELECT fiscal_year, list(release ORDER BY effective_from) AS releases FROM ref_icd10cm_releases GROUP BY fiscal_year
)
SELECT f.fiscal_year, sum(lines)::BIGINT AS lines, min(service_date) AS first_date, max(service_date) AS last_date,
       coalesce(sum(lines) FILTER (WHERE NOT covered), 0)::BIGINT AS uncovered_lines,
       bool_and(covered) AS covered, any_value(loaded.releases) AS releases
FROM f LEFT JOIN loaded USING (fiscal_year)
GROUP BY f.fiscal_year ORDER BY f.fiscal_year`;

/**
 * NCCI PTP edits active on the date for pairs of procedures billed together, in either order
 * (two equi-joins, so the edit table is hashed, never scanned per pair).
 * `pairs` has columns procedure_a, procedure_b, service_date.
 */
export const ncciPtpEditsSql = (pairs: Sql): Sql => sql`
WITH p AS (
  SELECT DISTINCT upper(trim(procedure_a)) AS procedure_a, upper(trim(procedure_b)) AS procedure_b, service_date FROM ${pairs}
),
matched AS (
  SELECT p.*, e.* FROM p JOIN ref_ncci_ptp e ON e.column1 = p.procedure_a AND e.column2 = p.procedure_b
  UNION ALL
  SELECT p.*, e.* FROM p JOIN ref_ncci_ptp e ON e.column1 = p.procedure_b AND e.column2 = p.procedure_a
  WHERE p.procedure_a <> p.procedure_b
)
SELECT procedure_a, procedure_b, service_date, column1, column2, effective, deleted, modifier_indicator, rationale, source
FROM matched
WHERE service_date >= effective AND (deleted IS NULL OR service_date <= deleted)`;

/**
 * Lookups the classifier runs over whole tables (joins, no per-row subqueries). Each takes a
 * relation of our own - a table name or a parenthesised SELECT written in the engine, never
 * user text - and answers once per distinct (code, date).
 *
 * ICD-10-CM status of a code on a date of service:
 *  'unknown'        no loaded release covers the date, or the code is in no loaded release
 *  'valid'          billable on that date
 *  'header'         in the classification but not billable on that date (e.g. M545 from 2021-10-01)
 *  'not_yet_valid'  first valid after that date
 *  'deleted'        no longer in the classification on that date
 * valid_from .. short_desc: the interval on the date ('valid', 'header'), the last one before it
 * ('deleted') or the first one ('not_yet_valid'); billable_until / replacements: the code's
 * most recent billable interval that ended before the date, if any.
 */
const SHOWN = ['valid_from', 'valid_to', 'unspecified', 'laterality', 'short_desc'];

export const ICD10CM_STATUS_SQL = (pairs: string) => /* sql */ `
WITH p AS (
  SELECT DISTINCT code, service_date FROM ${pairs}
),
k AS (
  SELECT p.code, p.service_date, upper(replace(trim(p.code), '.', '')) AS key,
         EXISTS (SELECT 1 FROM ref_icd10cm_releases r WHERE p.service_date BETWEEN r.effective_from AND r.effective_to) AS covered
  FROM p
),
codes AS (
  SELECT code, min(valid_from) AS first_from FROM ref_icd10cm GROUP BY code
),
-- a code's intervals never overlap, so the date matches at most one (a hash join on code)
s AS MATERIALIZED (
  SELECT k.code, k.service_date, k.key,
         CASE WHEN NOT k.covered OR c.code IS NULL THEN 'unknown'
              WHEN i.code IS NOT NULL THEN CASE WHEN i.billable THEN 'valid' ELSE 'header' END
              WHEN k.service_date < c.first_from THEN 'not_yet_valid'
              ELSE 'deleted' END AS status,
         ${SHOWN.map((column) => `i.${column}`).join(', ')}
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
)
SELECT s.code, s.service_date, s.status,
       ${SHOWN.map(
         (column) => `CASE s.status WHEN 'unknown' THEN NULL WHEN 'deleted' THEN o.before.${column}
              WHEN 'not_yet_valid' THEN o.first.${column} ELSE s.${column} END AS ${column}`,
       ).join(',\n       ')},
       o.ended.valid_to AS billable_until,
       o.ended.replacements AS replacements
FROM s LEFT JOIN past o ON o.code = s.code AND o.service_date = s.service_date`;

/**
 * CPT/HCPCS status from the starter list (ref_procedure_codes): a code not in the list is
 * 'unknown'; otherwise 'valid' | 'not_yet_valid' | 'deleted' by its dates.
 */
export const PROCEDURE_STATUS_SQL = (pairs: string) => /* sql */ `
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
export const ICD10CM_COVERAGE_SQL = (dates: string) => /* sql */ `
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
export const NCCI_PTP_EDITS_SQL = (pairs: string) => /* sql */ `
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

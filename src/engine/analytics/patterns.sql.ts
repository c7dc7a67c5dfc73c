import type { Category } from '../classify/categories.ts';
import { monthColumnSql, whereSql, type Filters } from './filters.sql.ts';
import { reviewMonthSql } from './review.sql.ts';
import { inListSql, sql, type Sql } from '../db/sql.ts';

/**
 * Categories whose cause lies with the claim (coverage, filing date, claim data),
 * not the service: their pattern does not split by procedure, so that e.g. one
 * lapsed enrolment shows as one pattern rather than one per procedure billed.
 */
export const CLAIM_LEVEL_CATEGORIES: readonly Category[] = ['eligibility', 'cob', 'timely_filing', 'duplicate', 'missing_info'];

/**
 * line_patterns: the root cause of each denied line, the unit the monthly review
 * tracks from month to month — (category, payer, rendering provider, billed
 * procedure, and what in the codes caused it):
 * - outdated / unspecified: the codes the code data names (M54.5, 99442, M25.569),
 *   else the payer's reason codes;
 * - mismatch: the first diagnosis linked to the line (the one the payer judged);
 * - missing modifier: the modifiers billed (none, GP …);
 * - every other bucket: the payer's reason codes for that bucket (CO-27 vs CO-109).
 * Only the key and the cause are stored; the rest is on denial_facts. Rebuilt
 * after denial_facts on every refresh.
 */
export const LINE_PATTERNS_SQL = sql`
CREATE OR REPLACE TABLE line_patterns AS
WITH denied AS (
  SELECT line_id, category, payer, provider, coalesce(billed_procedure, procedure) AS procedure, modifiers, diagnoses
  FROM denial_facts WHERE denied
), cited AS (
  SELECT f.line_id,
    list_sort(list_distinct(flatten(list(f.codes) FILTER (WHERE f.source = 'reference')))) AS reference_codes,
    list_sort(list_distinct(flatten(list(f.codes) FILTER (WHERE f.source = 'payer' AND f.rank = 1)))) AS reason_codes
  FROM findings f JOIN denied d ON d.line_id = f.line_id AND d.category = f.category
  GROUP BY f.line_id
), cause AS (
  SELECT d.line_id, d.category, d.payer, d.provider,
    CASE WHEN list_contains(${CLAIM_LEVEL_CATEGORIES}, d.category) THEN NULL ELSE d.procedure END AS procedure,
    CASE
      WHEN d.category = 'missing_modifier' THEN {'kind': 'modifiers', 'codes': list_sort(d.modifiers)}
      WHEN d.category IN ('outdated', 'unspecified') AND len(c.reference_codes) > 0 THEN {'kind': 'code', 'codes': c.reference_codes}
      WHEN d.category = 'mismatch' AND len(d.diagnoses) > 0 THEN {'kind': 'diagnosis', 'codes': [dl_icd_dotted(d.diagnoses[1])]}
      WHEN len(c.reason_codes) > 0 THEN {'kind': 'reason', 'codes': c.reason_codes}
      ELSE {'kind': 'none', 'codes': []::VARCHAR[]}
    END AS cause
  FROM denied d LEFT JOIN cited c USING (line_id)
)
SELECT line_id,
  left(md5(concat_ws('|', category, payer, provider, coalesce(procedure, '*'), cause.kind, array_to_string(cause.codes, ' '))), 16) AS pattern_key,
  procedure AS pattern_procedure, cause.kind AS cause_kind, cause.codes AS cause_codes
FROM cause;
`;

/**
 * slice_months: the months in which each slice had adjudicated lines (first
 * adjudications, denied or not), on both bases — a slice being a payer and billed
 * procedure, or a payer alone (procedure NULL) for claim-level patterns. It tells
 * a month with no data for a pattern from one where the pattern did not occur
 * (pattern-status.ts). Rebuilt after denial_facts on every refresh: a row per
 * payer, procedure and month, so the pattern query never reads the lines.
 */
export const SLICE_MONTHS_SQL = sql`
CREATE OR REPLACE TABLE slice_months AS
WITH a AS (
  SELECT service_month, remit_month, payer, coalesce(billed_procedure, procedure) AS procedure FROM denial_facts GROUP BY ALL
)
SELECT DISTINCT 'service' AS basis, payer, procedure, service_month AS m FROM a WHERE service_month IS NOT NULL
UNION ALL SELECT DISTINCT 'service', payer, NULL, service_month FROM a WHERE service_month IS NOT NULL
UNION ALL SELECT DISTINCT 'remit', payer, procedure, remit_month FROM a WHERE remit_month IS NOT NULL
UNION ALL SELECT DISTINCT 'remit', payer, NULL, remit_month FROM a WHERE remit_month IS NOT NULL;
`;

/**
 * Every pattern denied up to the reviewed month: the months it was seen in (for
 * its status and sparkline), the last three months up to the reviewed one in
 * which its slice (payer, and procedure when the pattern has one) had adjudicated
 * lines, and its lines and dollars in the reviewed month. The slice's months are
 * not narrowed by the other filters: the slice is what the status is judged on.
 * Dollars at risk = denied dollars not (yet) recovered by a later payment.
 */
export function patternSummarySql(filters: Filters): Sql {
  const month = reviewMonthSql(filters);
  const col = monthColumnSql(filters);
  return sql`
WITH f AS (
  SELECT d.pattern_key, d.payer, d.pattern_procedure, d.${col} AS m, d.claim_key, d.denied_amount, greatest(d.denied_amount - d.paid_later, 0) AS at_risk
  FROM denied_patterns d
  WHERE ${whereSql(filters, { skipMonth: true })} AND d.${col} <= ${month}
), data_months AS (
  -- the last three months with data of each pattern's slice, up to the reviewed month
  SELECT k.pattern_key, list_reverse(list_slice(list(strftime(a.m, '%Y-%m') ORDER BY a.m DESC), 1, 3)) AS data_months
  FROM (SELECT DISTINCT pattern_key, payer, pattern_procedure FROM f) k
  JOIN slice_months a ON a.basis = ${filters.basis === 'remit' ? 'remit' : 'service'} AND a.payer = k.payer
    AND a.procedure IS NOT DISTINCT FROM k.pattern_procedure AND a.m <= ${month}
  GROUP BY k.pattern_key
), by_month AS (
  SELECT pattern_key, m, count(*)::INTEGER AS lines, sum(denied_amount)::DOUBLE AS denied, sum(at_risk)::DOUBLE AS at_risk
  FROM f GROUP BY ALL
), month_claims AS (
  -- distinct claims of the reviewed month only: counting them for every month was most of the query
  SELECT pattern_key, count(DISTINCT claim_key)::INTEGER AS claims FROM f WHERE m = ${month} GROUP BY pattern_key
)
SELECT pattern_key,
  list(strftime(m, '%Y-%m') ORDER BY m) AS months,
  list(denied ORDER BY m) AS amounts,
  coalesce(sum(lines) FILTER (WHERE m = ${month}), 0)::INTEGER AS lines,
  coalesce(any_value(c.claims), 0)::INTEGER AS claims,
  coalesce(sum(denied) FILTER (WHERE m = ${month}), 0)::DOUBLE AS denied_amount,
  coalesce(sum(at_risk) FILTER (WHERE m = ${month}), 0)::DOUBLE AS at_risk,
  coalesce(sum(denied) FILTER (WHERE m >= (${month} - INTERVAL 3 MONTH)::DATE AND m < ${month}), 0)::DOUBLE AS denied_prior3,
  coalesce(any_value(r.data_months), []) AS data_months
FROM by_month LEFT JOIN month_claims c USING (pattern_key) LEFT JOIN data_months r USING (pattern_key)
GROUP BY pattern_key`;
}

/**
 * What each chosen pattern is and what to do about it: its defining fields, the
 * fix most often suggested for its lines, and the evidence of its latest line
 * (up to the reviewed month) as an example.
 */
/** `keys`: the patterns to describe; null for all. */
export function patternDetailsSql(filters: Filters, keys: readonly string[] | null): Sql {
  const month = reviewMonthSql(filters);
  const col = monthColumnSql(filters);
  return sql`
SELECT d.pattern_key, any_value(d.category) AS category, any_value(d.payer) AS payer, any_value(d.provider) AS provider,
  any_value(d.pattern_procedure) AS procedure, any_value(d.cause_kind) AS cause_kind, any_value(d.cause_codes) AS cause_codes,
  mode(d.fix) AS fix,
  arg_max(d.line_id, (d.service_date, d.line_id)) AS example_line_id,
  arg_max(d.evidence, (d.service_date, d.line_id)) AS evidence
FROM denied_patterns d
WHERE ${keys === null ? sql`TRUE` : keys.length ? sql`d.pattern_key IN ${inListSql(keys)}` : sql`FALSE`}
  AND ${whereSql(filters, { skipMonth: true })} AND d.${col} <= ${month}
GROUP BY d.pattern_key`;
}

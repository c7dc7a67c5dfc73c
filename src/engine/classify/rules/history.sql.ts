import { sql, type Sql } from '../../db/sql.ts';
import type { RuleScope } from './scope.ts';

/**
 * The practice's own history as evidence: which diagnosis categories (first
 * three characters of ICD-10-CM) each procedure gets paid with. A denied line
 * whose procedure is paid often, but never with any of the line's diagnosis
 * categories, is a likely diagnosis–procedure mismatch. Not for E/M visits: a visit is
 * supported by any diagnosis the patient presents with, so "never paid with this category"
 * proves nothing about the link (issue 16, "Rules from reference data").
 */
export const MIN_PAID_LINES = 10;
/** A paid line of the history (h). */
const PAID = sql`NOT h.denied AND h.paid > 0`;

/**
 * The history a rule learns from: initial adjudications with billed_procedure, diagnoses, paid
 * and denied. The review learns from every loaded line; the backtest from the months before.
 */
export const REVIEW_HISTORY = sql`(SELECT al.billed_procedure, al.diagnoses, al.paid, d.denial_type IS NOT NULL AS denied
  FROM analysis_lines al JOIN line_denials d USING (line_id) WHERE al.is_initial)`;

export const crosswalkSql = (table: Sql, history: Sql): Sql => sql`
CREATE OR REPLACE TABLE ${table} AS
SELECT h.billed_procedure AS procedure, x.code AS dx, left(x.code, 3) AS dx_category,
  count(*) FILTER (WHERE ${PAID})::INTEGER AS paid_lines,
  count(*) FILTER (WHERE h.denied)::INTEGER AS denied_lines
FROM ${history} h,
  LATERAL (SELECT unnest(h.diagnoses) AS code) x
WHERE h.billed_procedure IS NOT NULL
GROUP BY ALL;
`;

/** The review's crosswalk (also the Crosswalk page's, analytics/crosswalk.sql.ts). */
export const CROSSWALK_SQL = crosswalkSql(sql`procedure_dx_crosswalk`, REVIEW_HISTORY);

/** Lines of the scope whose procedure is paid often, never with any of the line's diagnosis categories. */
export const historyFindingsSql = ({ prefix: p, findings }: RuleScope, crosswalk: Sql, history: Sql): Sql => sql`
INSERT INTO ${findings}
WITH paid_counts AS (
  -- lines, not (line, diagnosis) pairs: a line billed with two diagnoses was paid once
  SELECT h.billed_procedure AS procedure, count(*)::INTEGER AS paid_lines
  FROM ${history} h
  WHERE ${PAID} AND len(h.diagnoses) > 0
  GROUP BY h.billed_procedure
), procedure_paid AS (
  SELECT c.procedure, n.paid_lines,
    list(c.dx ORDER BY c.paid_lines DESC, c.dx) FILTER (WHERE c.paid_lines > 0) AS top_dx
  FROM ${crosswalk} c JOIN paid_counts n USING (procedure)
  GROUP BY c.procedure, n.paid_lines
), line_categories AS (
  SELECT l.line_id, l.billed_procedure, l.diagnoses,
    list_transform(l.diagnoses, lambda c: left(c, 3)) AS categories
  FROM ${p}denied_lines_ctx l
  WHERE len(l.diagnoses) > 0 AND l.billed_procedure NOT IN (SELECT code FROM ref_procedure_groups WHERE grp = 'em')
)
SELECT l.line_id, 'mismatch', 'history',
  l.billed_procedure || ' was paid ' || p.paid_lines || ' times in the loaded data, with '
  || array_to_string(list_transform(p.top_dx[1:3], lambda c: dl_icd_dotted(c)), ', ')
  || CASE WHEN len(p.top_dx) > 3 THEN ' and others' ELSE '' END
  || '; never with ' || array_to_string(list_transform(l.diagnoses, lambda c: dl_icd_dotted(c)), ', '),
  list_concat([l.billed_procedure], list_transform(l.diagnoses, lambda c: dl_icd_dotted(c))),
  'Check the documented reason for ' || l.billed_procedure || ': it is usually paid with '
  || array_to_string(list_transform(p.top_dx[1:3], lambda c: dl_icd_dotted(c)), ', ')
  || '. Link the diagnosis that supports it (pointer), or appeal with records if it was medically necessary.',
  4
FROM line_categories l JOIN procedure_paid p ON p.procedure = l.billed_procedure
WHERE p.paid_lines >= ${MIN_PAID_LINES}
  AND NOT EXISTS (
    SELECT 1 FROM ${crosswalk} c
    WHERE c.procedure = l.billed_procedure AND c.paid_lines > 0 AND list_contains(l.categories, c.dx_category));
`;

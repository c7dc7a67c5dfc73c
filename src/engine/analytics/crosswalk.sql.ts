import { sql, type Sql } from '../db/sql.ts';
/**
 * The practice's own procedure ↔ diagnosis crosswalk for its view (the classifier's table is
 * procedure_dx_crosswalk, rules/history.sql.ts). Lines are initial adjudications (denial_facts,
 * the dashboard's lines), each counted once however many diagnoses it has; "paid" and "denied"
 * mean what they mean in the crosswalk: paid above $0 and not denied, or denied.
 */

/** Procedures in the loaded data, most billed first (the view's picker). */
export interface CrosswalkProcedureRow {
  procedure: string;
  lines: number;
  paid_lines: number;
  denied_lines: number;
}
export const CROSSWALK_PROCEDURES_SQL = sql`
SELECT billed_procedure AS procedure, count(*)::INTEGER AS lines,
  count(*) FILTER (WHERE NOT denied AND paid > 0)::INTEGER AS paid_lines,
  count(*) FILTER (WHERE denied)::INTEGER AS denied_lines
FROM denial_facts WHERE billed_procedure IS NOT NULL
GROUP BY billed_procedure ORDER BY lines DESC, procedure`;

/**
 * One procedure's totals, the diagnoses it was paid with most, and the diagnoses it was denied
 * with whose category (first three characters) it was never paid with: the history evidence.
 */
export const crosswalkSummarySql = (procedure: string): Sql => sql`
WITH x AS (
  SELECT * FROM procedure_dx_crosswalk WHERE procedure = ${procedure}
), paid_categories AS (
  SELECT DISTINCT dx_category FROM x WHERE paid_lines > 0
)
SELECT count(*)::INTEGER AS lines,
  count(*) FILTER (WHERE NOT denied AND paid > 0)::INTEGER AS paid_lines,
  count(*) FILTER (WHERE NOT denied AND paid > 0 AND len(diagnoses) > 0)::INTEGER AS paid_lines_with_diagnosis,
  count(*) FILTER (WHERE denied)::INTEGER AS denied_lines,
  count(*) FILTER (WHERE NOT denied AND paid = 0)::INTEGER AS unpaid_not_denied_lines,
  count(*) FILTER (WHERE len(diagnoses) = 0)::INTEGER AS lines_without_diagnosis,
  count(*) FILTER (WHERE denied AND category = 'mismatch')::INTEGER AS mismatch_lines,
  count(*) FILTER (WHERE denied AND len(list_filter(evidence, lambda e: e.source = 'history')) > 0)::INTEGER AS history_evidence_lines,
  count(*) FILTER (WHERE denied AND (category = 'mismatch' OR len(list_filter(evidence, lambda e: e.source = 'history')) > 0))::INTEGER AS evidence_line_count,
  coalesce((SELECT list(dl_icd_dotted(dx) ORDER BY paid_lines DESC, dx) FROM x WHERE paid_lines > 0), []) AS paid_with,
  coalesce((SELECT list(dl_icd_dotted(dx) ORDER BY denied_lines DESC, dx) FROM x
            WHERE denied_lines > 0 AND dx_category NOT IN (SELECT dx_category FROM paid_categories)), []) AS never_paid_with
FROM denial_facts WHERE billed_procedure = ${procedure}`;

/**
 * Per diagnosis billed with the procedure (optionally at some payers): lines, paid, denied, the
 * denial rate (denied ÷ lines billed with it) and the CDC short description (ref_icd10cm, the
 * newest interval of the code). A line with two diagnoses counts under each.
 */
export const crosswalkRowsSql = (procedure: string, payers: readonly string[]): Sql => sql`
WITH x AS (
  SELECT unnest(diagnoses) AS dx, denied, paid FROM denial_facts
  WHERE billed_procedure = ${procedure}${payers.length ? sql` AND list_contains(${payers}, payer)` : sql``}
), counts AS (
  SELECT dx, count(*)::INTEGER AS lines,
    count(*) FILTER (WHERE NOT denied AND paid > 0)::INTEGER AS paid_lines,
    count(*) FILTER (WHERE denied)::INTEGER AS denied_lines
  FROM x GROUP BY dx
), descriptions AS (
  SELECT code, arg_max(short_desc, valid_from) AS description FROM ref_icd10cm WHERE code IN (SELECT dx FROM counts) GROUP BY code
)
SELECT dl_icd_dotted(c.dx) AS dx, left(c.dx, 3) AS dx_category, c.lines, c.paid_lines, c.denied_lines,
  c.denied_lines / c.lines AS denial_rate, d.description
FROM counts c LEFT JOIN descriptions d ON d.code = c.dx
ORDER BY c.paid_lines DESC, c.denied_lines DESC, c.dx`;

/** The payers that billed the procedure, most lines first (the crosswalk's payer filter). */
export interface CrosswalkPayerRow {
  payer: string;
  lines: number;
}
export const crosswalkPayersSql = (procedure: string): Sql => sql`
SELECT payer, count(*)::INTEGER AS lines FROM denial_facts WHERE billed_procedure = ${procedure}
GROUP BY payer ORDER BY lines DESC, payer`;

/** The procedure's denied lines that carry the history evidence or are classified as a mismatch. */
export const crosswalkEvidenceLinesSql = (procedure: string, limit: number): Sql => sql`
SELECT line_id, claim_id, line_number, strftime(service_date, '%Y-%m-%d') AS service_date, payer,
  list_transform(diagnoses, lambda d: dl_icd_dotted(d)) AS diagnoses, category, denied_amount::DOUBLE AS denied_amount,
  list_filter(evidence, lambda e: e.source = 'history')[1].text AS history_text
FROM denial_facts
WHERE billed_procedure = ${procedure} AND denied
  AND (category = 'mismatch' OR len(list_filter(evidence, lambda e: e.source = 'history')) > 0)
ORDER BY service_date, claim_id, line_number, line_id
LIMIT ${Math.trunc(limit)}`;

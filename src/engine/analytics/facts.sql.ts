import { sql } from '../db/sql.ts';
/**
 * denial_facts: one row per initial adjudication of a service line that can be
 * denied, with its classification — the single table every screen queries, so
 * every rate's denominator leaves out $0 lines, reporting-only codes and
 * predeterminations (line_denials.deniable; the Files page counts them per file).
 * Rebuilt after each load, for lines line_id ∈ [from, to] at a time (refresh.ts writes it in batches).
 */
export const denialFactsSql = (from: number, to: number) => sql`
SELECT al.line_id, al.claim_key, al.claim_id, al.line_number, al.patient_account, al.service_date, al.paid_date,
  al.service_month, al.remit_month, coalesce(al.payer, '(no payer)') AS payer, coalesce(al.provider, '(no provider)') AS provider,
  al.procedure, al.billed_procedure, al.modifiers, al.diagnoses, al.units,
  coalesce(al.billed, 0)::DECIMAL(18,2) AS billed, coalesce(al.paid, 0)::DECIMAL(18,2) AS paid, al.allowed,
  al.claim_status, al.flags, al.file_id, al.paid_later, al.was_reversed, al.adjudications,
  c.denial_type IS NOT NULL AS denied, c.denial_type, coalesce(c.denied_amount, 0)::DECIMAL(18,2) AS denied_amount,
  c.category, c.secondary, c.evidence, c.fix,
  c.denial_type IS NOT NULL AND al.paid_later > 0 AS recovered
FROM analysis_lines al
JOIN line_denials ld USING (line_id)
LEFT JOIN line_classification c USING (line_id)
WHERE al.is_initial AND ld.deniable AND al.line_id BETWEEN ${from} AND ${to}`;

/**
 * The review's trend charts without a million-row scan per filter change: lines,
 * charges and denials per month (both bases), payer, provider, category and
 * denial state — a few tens of thousands of rows for a year of a mid-size group.
 * Queries whose filters it cannot answer (procedure, diagnosis, pattern) read
 * denial_facts (factSource in filters.sql.ts).
 */
export const REVIEW_CUBE_SQL = sql`
CREATE OR REPLACE TABLE review_cube AS
SELECT service_month, remit_month, payer, provider, category, denied, recovered,
  count(*) AS n, sum(billed) AS billed, sum(denied_amount) AS denied_amount, sum(paid_later) AS paid_later
FROM denial_facts
GROUP BY ALL;
`;

/**
 * The denied lines with their pattern (line_patterns) beside every fact the review
 * filters and shows: the pattern queries read these rows alone instead of joining
 * the million rows of denial_facts each time.
 */
export const DENIED_PATTERNS_SQL = sql`
CREATE OR REPLACE TABLE denied_patterns AS
SELECT d.*, p.pattern_key, p.pattern_procedure, p.cause_kind, p.cause_codes
FROM denial_facts d JOIN line_patterns p USING (line_id)
WHERE d.denied;
`;

/**
 * Post-payment denials: a line paid, then reversed (CLP02 = 22) and re-adjudicated
 * as paying nothing (analysis_lines adjudication_kind = 'recoupment'). Dated by the
 * reversal's month whatever the review's basis, with the counted line's payer,
 * provider, codes and category for the filters; never part of the initial denial rate.
 */
export const POST_PAYMENT_DENIALS_SQL = sql`
CREATE OR REPLACE TABLE post_payment_denials AS
SELECT d.*, r.line_id AS recoupment_line_id, r.reversed_on, date_trunc('month', r.reversed_on)::DATE AS reversal_month,
  r.recouped::DECIMAL(18,2) AS recouped
FROM analysis_lines r
JOIN analysis_lines i ON i.chain_key = r.chain_key AND i.is_initial
JOIN denial_facts d ON d.line_id = i.line_id
WHERE r.adjudication_kind = 'recoupment';
`;

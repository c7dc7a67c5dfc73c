/**
 * denial_facts: one row per initial adjudication of a service line with its
 * classification — the single table every screen queries. Rebuilt after each
 * load, for lines line_id ∈ [from, to] at a time (refresh.ts writes it in batches).
 */
export const denialFactsSql = (from: number, to: number) => /* sql */ `
SELECT al.line_id, al.claim_key, al.claim_id, al.line_number, al.patient_account, al.service_date, al.paid_date,
  al.service_month, al.remit_month, coalesce(al.payer, '(no payer)') AS payer, coalesce(al.provider, '(no provider)') AS provider,
  al.procedure, al.billed_procedure, al.modifiers, al.diagnoses, al.units,
  coalesce(al.billed, 0)::DECIMAL(18,2) AS billed, coalesce(al.paid, 0)::DECIMAL(18,2) AS paid, al.allowed,
  al.claim_status, al.flags, al.file_id, al.paid_later, al.was_reversed, al.adjudications,
  c.denial_type IS NOT NULL AS denied, c.denial_type, coalesce(c.denied_amount, 0)::DECIMAL(18,2) AS denied_amount,
  c.category, c.secondary, c.evidence, c.fix,
  c.denial_type IS NOT NULL AND al.paid_later > 0 AS recovered
FROM analysis_lines al
LEFT JOIN line_classification c USING (line_id)
WHERE al.is_initial AND al.line_id BETWEEN ${from} AND ${to}`;

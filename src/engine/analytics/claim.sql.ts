import { sql, type Sql } from '../db/sql.ts';
/**
 * One claim with everything loaded about it, for the drill-down from a line: every
 * document (claim sent, each remittance of it: first adjudication, reversal,
 * correction), every adjudicated line with its adjustments and remarks, the
 * diagnoses, and which adjudication counted as the initial one.
 */
const ofClaimSql = (lineId: number): Sql => sql`(SELECT claim_id FROM analysis_lines WHERE line_id = ${Math.trunc(lineId)})`;

/** CLP02 claim status codes (X12 835 005010X221A1); exports give their own text, shown as is. */
const STATUS_LABEL_SQL = sql`CASE c.status
  WHEN '1' THEN 'processed as primary' WHEN '2' THEN 'processed as secondary' WHEN '3' THEN 'processed as tertiary'
  WHEN '4' THEN 'denied' WHEN '19' THEN 'primary, forwarded' WHEN '20' THEN 'secondary, forwarded'
  WHEN '21' THEN 'tertiary, forwarded' WHEN '22' THEN 'reversal of previous payment' WHEN '23' THEN 'not our claim, forwarded'
  WHEN '25' THEN 'predetermination only' ELSE c.status END`;

export const claimDocumentsSql = (lineId: number): Sql => sql`
SELECT c.claim_key, c.claim_id, c.source, f.name AS file, f.format, c.status, ${STATUS_LABEL_SQL} AS status_label,
  c.payer, c.rendering_provider AS provider, c.patient_account, c.total_charge::DOUBLE AS charge, c.paid::DOUBLE AS paid,
  c.patient_responsibility::DOUBLE AS patient_responsibility, c.payer_claim_number,
  strftime(c.statement_from, '%Y-%m-%d') AS service_from, strftime(c.paid_date, '%Y-%m-%d') AS paid_date, c.flags,
  coalesce((SELECT list({'group': a.group_code, 'reason': a.carc, 'amount': a.amount::DOUBLE})
            FROM adjustments a WHERE a.claim_key = c.claim_key AND a.level = 'claim'), []) AS adjustments,
  coalesce((SELECT list(DISTINCT r.code ORDER BY r.code) FROM remarks r WHERE r.claim_key = c.claim_key AND r.level = 'claim'), []) AS remarks
FROM claims c JOIN files f USING (file_id)
WHERE c.claim_id = ${ofClaimSql(lineId)}
ORDER BY c.source <> 'claim', c.paid_date NULLS FIRST, c.claim_key
`;

export const claimDiagnosesSql = (lineId: number): Sql => sql`
SELECT d.seq, dl_icd_dotted(d.code) AS code
FROM diagnoses d JOIN claims c USING (claim_key)
WHERE c.claim_id = ${ofClaimSql(lineId)}
GROUP BY ALL
ORDER BY d.seq, code
`;

export const claimLinesSql = (lineId: number): Sql => sql`
SELECT al.line_id, al.claim_key, al.line_number, strftime(al.service_date, '%Y-%m-%d') AS service_date,
  strftime(al.paid_date, '%Y-%m-%d') AS paid_date, al.payer, al.provider, al.procedure, al.billed_procedure, al.modifiers,
  list_transform(al.diagnoses, lambda x: dl_icd_dotted(x)) AS diagnoses, al.units,
  al.billed::DOUBLE AS billed, al.allowed::DOUBLE AS allowed, al.paid::DOUBLE AS paid, al.claim_status,
  al.is_reversal, al.is_initial, al.chain_key, al.was_reversed, al.adjudication_kind, al.payer_sequence::INTEGER AS payer_sequence,
  al.adjudications::INTEGER AS adjudications,
  al.paid_later::DOUBLE AS paid_later, al.payer_claim_number, al.matched_on, f.name AS file,
  coalesce(df.denied, false) AS denied, df.denial_type, df.denied_amount::DOUBLE AS denied_amount, df.category, df.fix,
  coalesce((SELECT list({'group': a.group_code, 'reason': a.carc, 'amount': a.amount::DOUBLE})
            FROM adjustments a WHERE a.line_id = al.line_id), []) AS adjustments,
  coalesce((SELECT list(DISTINCT r.code ORDER BY r.code) FROM remarks r WHERE r.line_id = al.line_id), []) AS remarks
FROM analysis_lines al JOIN files f USING (file_id) LEFT JOIN denial_facts df USING (line_id)
WHERE al.claim_id = ${ofClaimSql(lineId)}
ORDER BY al.line_number NULLS LAST, al.chain_key, al.paid_date NULLS LAST, NOT al.is_reversal, al.line_id
`;

/** Lines sent on the claim (837P or export) that no remittance answered. */
export const claimUnansweredSql = (lineId: number): Sql => sql`
SELECT l.line_id, l.line_number, strftime(l.service_date, '%Y-%m-%d') AS service_date, l.procedure, l.modifiers, l.billed::DOUBLE AS billed, f.name AS file
FROM service_lines l JOIN files f USING (file_id)
WHERE l.claim_id = ${ofClaimSql(lineId)} AND l.source = 'claim'
  AND NOT EXISTS (SELECT 1 FROM line_links k WHERE k.claim_line_id = l.line_id)
ORDER BY l.line_number, l.line_id
`;

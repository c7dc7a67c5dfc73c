/**
 * From the canonical tables to one row per adjudicated service line, the unit
 * every classification and chart counts:
 *  1. remit lines (835 or an export with payments) are linked to the claim line
 *     they pay (837P or a claims export) to learn their diagnoses;
 *  2. adjudications of the same line are chained in payment order, so a
 *     reversal (CLP02 = 22) and its correction do not count as new denials, and
 *     money paid later on an initially denied line shows as recovered;
 *  3. an 835 claim with no service lines (e.g. CLP02 = 4 with claim-level CAS
 *     only) stands in as one line, so whole-claim denials are counted too.
 * Big results are written in batches of lines (refresh.ts): rows written by one
 * statement stay uncompressed until it commits.
 */
export const LINK_REMIT_LINES_SQL = /* sql */ `
CREATE OR REPLACE TABLE line_links AS
WITH remit AS (
  SELECT line_id, claim_id, line_control, billed_procedure, modifiers, service_date, abs(billed) AS billed
  FROM service_lines WHERE source = 'remit'
), claim_lines AS (
  SELECT line_id, claim_id, line_control, procedure, modifiers, service_date, billed
  FROM service_lines WHERE source = 'claim'
), candidates AS (
  SELECT r.line_id AS remit_line_id, c.line_id AS claim_line_id,
    CASE
      WHEN r.line_control IS NOT NULL AND r.line_control = c.line_control THEN 1
      WHEN r.billed_procedure = c.procedure AND r.modifiers = c.modifiers AND r.service_date = c.service_date AND r.billed = c.billed THEN 2
      WHEN r.billed_procedure = c.procedure AND r.service_date = c.service_date AND r.billed = c.billed THEN 3
      WHEN r.billed_procedure = c.procedure AND r.service_date = c.service_date THEN 4
    END AS quality
  FROM remit r JOIN claim_lines c ON c.claim_id = r.claim_id
)
SELECT remit_line_id, claim_line_id,
  ['line control number', 'procedure, modifiers, date and charge', 'procedure, date and charge (modifiers differ)', 'procedure and date'][quality] AS matched_on
FROM candidates WHERE quality IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY remit_line_id ORDER BY quality, claim_line_id) = 1;
`;

/** Remit lines (and claims adjudicated without lines, as line_id = -claim_key) whose line_id is in [from, to]. */
const remitLinesSql = (from: number, to: number) => /* sql */ `
  SELECT l.line_id, l.claim_key, l.file_id, l.source, l.claim_id, l.line_number, l.service_date, l.payer, l.provider,
    l.procedure, l.billed_procedure, l.modifiers, l.units, l.billed, l.allowed, l.paid, l.claim_status,
    coalesce(l.paid_date, c.paid_date) AS paid_date, l.flags, l.balance_diff, c.remit_id, c.patient_account,
    c.payer_claim_number, l.line_control
  FROM service_lines l JOIN claims c USING (claim_key)
  WHERE l.source IN ('remit', 'claim+remit') AND l.line_id BETWEEN ${from} AND ${to}
  ${from < 0 ? /* sql */ `UNION ALL
  -- claims adjudicated without service lines stand in as one line (line_id = -claim_key)
  SELECT -c.claim_key, c.claim_key, c.file_id, c.source, c.claim_id, NULL, c.statement_from, c.payer, c.rendering_provider,
    NULL, NULL, []::VARCHAR[], NULL, c.total_charge, NULL, c.paid, c.status, c.paid_date, list_append(c.flags, 'claim_level_only'),
    c.balance_diff, c.remit_id, c.patient_account, c.payer_claim_number, NULL
  FROM claims c
  WHERE c.source IN ('remit', 'claim+remit') AND -c.claim_key BETWEEN ${from} AND ${to}
    AND c.claim_key NOT IN (SELECT claim_key FROM service_lines)` : '-- (no claim-level stand-ins: they have negative line_ids)'}`;

/**
 * Adjudications of the same line are chained in payment order: every adjudication
 * of the same billed line by the same payer. Computed on the few columns it needs,
 * for every line at once (a chain spans files), before analysis_lines is written in batches.
 */
export const LINE_CHAINS_SQL = /* sql */ `
CREATE OR REPLACE TEMP TABLE line_chains AS
WITH chained AS (
  SELECT r.line_id, r.paid, r.paid_date, r.remit_id,
    coalesce(r.claim_status = '22' OR r.billed < 0, false) AS is_reversal,
    r.claim_id || '|' || coalesce(r.payer, '') || '|' || coalesce(k.claim_line_id::VARCHAR, r.line_control,
      coalesce(r.billed_procedure, '') || '|' || coalesce(array_to_string(r.modifiers, ':'), '') || '|' || coalesce(r.service_date::VARCHAR, '') || '|' || coalesce(abs(r.billed)::VARCHAR, '')) AS chain_key
  FROM (${remitLinesSql(-(2 ** 53), 2 ** 53)}) r
  LEFT JOIN line_links k ON k.remit_line_id = r.line_id
), ordered AS (
  SELECT line_id, chain_key, is_reversal, paid,
    row_number() OVER (PARTITION BY chain_key, is_reversal ORDER BY paid_date NULLS LAST, remit_id NULLS LAST, line_id) AS nth_of_kind,
    count(*) FILTER (WHERE NOT is_reversal) OVER (PARTITION BY chain_key) AS adjudications,
    -- reversals carry negative amounts, so the chain's sum is what was finally paid
    sum(paid) OVER (PARTITION BY chain_key) AS chain_net_paid,
    max(CASE WHEN is_reversal THEN 1 ELSE 0 END) OVER (PARTITION BY chain_key) = 1 AS was_reversed
  FROM chained
)
SELECT line_id, chain_key, is_reversal,
  NOT is_reversal AND nth_of_kind = 1 AS is_initial,
  adjudications, was_reversed,
  CASE WHEN NOT is_reversal AND nth_of_kind = 1 AND adjudications > 1 THEN chain_net_paid - paid ELSE 0 END AS paid_later
FROM ordered;
`;

/**
 * analysis_lines for the lines line_id ∈ [from, to] (written in batches; see refresh.ts).
 * Diagnoses come from the claim line a remit line pays (or the line itself): in
 * pointer order, the claim's whole list for a line without pointers. (list_sort of
 * (position, code) pairs: an ordered list() aggregate sorts per group, several times slower.)
 */
export const analysisLinesSql = (from: number, to: number) => /* sql */ `
WITH remit_lines AS (${remitLinesSql(from, to)}
), linked AS (
  SELECT r.*, k.claim_line_id, k.matched_on, coalesce(k.claim_line_id, r.line_id) AS dx_line_id
  FROM remit_lines r
  LEFT JOIN (SELECT * FROM line_links WHERE remit_line_id BETWEEN ${from} AND ${to}) k ON k.remit_line_id = r.line_id
), dx_lines AS (
  SELECT l.line_id, l.claim_key, l.dx_pointers FROM service_lines l
  WHERE l.line_id IN (SELECT dx_line_id FROM linked)
), line_dx AS (
  SELECT p.line_id, p.ord, d.code
  FROM (SELECT line_id, claim_key, unnest(dx_pointers) AS seq, generate_subscripts(dx_pointers, 1) AS ord
        FROM dx_lines WHERE len(dx_pointers) > 0) p
  JOIN diagnoses d ON d.claim_key = p.claim_key AND d.seq = p.seq
  UNION ALL
  SELECT l.line_id, d.seq, d.code
  FROM dx_lines l JOIN diagnoses d ON d.claim_key = l.claim_key
  WHERE len(l.dx_pointers) = 0
), dx_lists AS (
  SELECT line_id, list_transform(list_sort(list({'ord': ord, 'code': code})), lambda x: x.code) AS diagnoses
  FROM line_dx GROUP BY line_id
), with_claim AS (
  SELECT r.* EXCLUDE (dx_line_id),
    coalesce(cl.provider, r.provider) AS rendering_provider,
    coalesce(x.diagnoses, []::VARCHAR[]) AS diagnoses
  FROM linked r
  LEFT JOIN (SELECT line_id, provider FROM service_lines WHERE line_id IN (SELECT claim_line_id FROM linked)) cl ON cl.line_id = r.claim_line_id
  LEFT JOIN dx_lists x ON x.line_id = r.dx_line_id
)
SELECT w.line_id, claim_key, file_id, source, claim_id, line_number, service_date, paid_date, payer,
  rendering_provider AS provider, patient_account, payer_claim_number, procedure, billed_procedure, modifiers, units,
  billed, allowed, paid, claim_status, diagnoses, flags, balance_diff, remit_id, claim_line_id, matched_on, ch.chain_key,
  ch.is_reversal, ch.is_initial, ch.adjudications, ch.was_reversed, ch.paid_later,
  date_trunc('month', service_date)::DATE AS service_month,
  date_trunc('month', paid_date)::DATE AS remit_month
FROM with_claim w JOIN line_chains ch USING (line_id)`;

/** Claim lines (837P / claims export) that no remittance paid or denied, and remit lines with no claim line. */
export const UNMATCHED_SQL = /* sql */ `
SELECT 'claim line without remittance' AS kind, l.claim_id, l.line_number, l.service_date, l.procedure, l.billed, f.name AS file
FROM service_lines l JOIN files f USING (file_id)
WHERE l.source = 'claim' AND NOT EXISTS (SELECT 1 FROM line_links k WHERE k.claim_line_id = l.line_id)
  AND EXISTS (SELECT 1 FROM service_lines r WHERE r.source = 'remit')
UNION ALL
SELECT 'remittance line without claim', l.claim_id, l.line_number, l.service_date, l.procedure, l.billed, f.name
FROM service_lines l JOIN files f USING (file_id)
WHERE l.source = 'remit' AND NOT EXISTS (SELECT 1 FROM line_links k WHERE k.remit_line_id = l.line_id)
  AND EXISTS (SELECT 1 FROM service_lines c WHERE c.source = 'claim')
ORDER BY 1, 2, 3
`;

/** Rows per batch of the big refresh tables: DuckDB's row group size, so each batch commits one compressed row group. */
export const LINE_BATCH = 122_880;

/** [from_id, to_id] of consecutive line_ids, LINE_BATCH lines each (claim-level stand-ins, negative, first). */
export const LINE_BATCHES_SQL = /* sql */ `
SELECT min(line_id)::BIGINT AS from_id, max(line_id)::BIGINT AS to_id
FROM (SELECT line_id, (row_number() OVER (ORDER BY line_id) - 1) // ${LINE_BATCH} AS batch FROM line_chains)
GROUP BY batch ORDER BY batch
`;

export const DROP_REFRESH_TEMP_SQL = /* sql */ `
DROP TABLE IF EXISTS line_chains;
`;

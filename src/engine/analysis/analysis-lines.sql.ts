import { sql, type Sql } from '../db/sql.ts';
/**
 * From the canonical tables to one row per adjudication, and one COUNTED
 * adjudication per service line, the unit every classification and chart counts.
 *
 * 1. One canonical service line from many sources (LINE_IDENTITY_SQL). The same
 *    line can arrive as an 837P line, a row of a practice-management export and
 *    the SVCs of several 835 claims (first adjudication, reversal, correction,
 *    secondary payer, corrected claim). Rows of one claim group are the same line when:
 *      1. their line item control numbers (REF*6R) are equal, else
 *      2. line number, procedure and date of service are equal, else
 *      3. procedure, date, modifiers, charge and the occurrence (the k-th identical
 *         line of its claim) are equal, else
 *      4. procedure, date and charge are equal (a payer dropped or changed a modifier), else
 *      5. procedure and date are equal.
 *    Tolerances for what exports reformat: claim ids compare upper-cased, trimmed and
 *    without leading zeros; modifiers in any order; the billed procedure (SVC06 when the
 *    payer recoded); charges by absolute value (reversals are negative); procedures
 *    zero-padded and diagnoses without the dot already when loaded (csv-normalise.sql.ts).
 *    A claim group is a claim id, plus the corrected / replacement claims that name its
 *    payer claim number (CLP07) in REF*F8 (two levels of corrections).
 *    Each row takes as parent its best match among rows loaded in a document of a
 *    preferred kind (837P / claims export, then export with payments, then 835) or an
 *    earlier document of the same kind; two rows of one document never share a parent.
 *    Its canonical line is the root of that chain (up to three links).
 * 2. Adjudications of a canonical line (LINE_CHAINS_SQL), see there: an export row
 *    that copies an 835 adjudication is not counted again (the 835 wins), payers are
 *    put in sequence, and each adjudication gets its kind.
 * 3. An 835 claim with no service lines (e.g. CLP02 = 4 with claim-level CAS only)
 *    stands in as one line, so whole-claim denials are counted too.
 * Big results are written in batches of lines (refresh.ts): rows written by one
 * statement stay uncompressed until it commits.
 */
export const LINE_IDENTITY_SQL = sql`
CREATE OR REPLACE TEMP TABLE claim_groups AS
WITH base AS (
  SELECT claim_key, coalesce(nullif(ltrim(upper(trim(claim_id)), '0'), ''), '0') AS norm_id,
    payer_claim_number, original_claim_number
  FROM claims
), aliases AS (
  -- a corrected claim joins the group of the claim whose payer claim number it names
  SELECT c.norm_id AS from_id, min(o.norm_id) AS to_id
  FROM base c JOIN base o ON o.payer_claim_number = c.original_claim_number AND o.norm_id <> c.norm_id
  WHERE c.original_claim_number IS NOT NULL
  GROUP BY c.norm_id
)
SELECT b.claim_key, coalesce(a2.to_id, a1.to_id, b.norm_id) AS group_id
FROM base b LEFT JOIN aliases a1 ON a1.from_id = b.norm_id LEFT JOIN aliases a2 ON a2.from_id = a1.to_id;

CREATE OR REPLACE TEMP TABLE doc_lines AS
WITH rows AS (
  SELECT l.line_id, l.claim_key, l.source, g.group_id, l.line_number, l.line_control,
    coalesce(l.service_date, DATE '1900-01-01') AS service_date, coalesce(l.billed_procedure, l.procedure, '') AS procedure,
    list_sort(l.modifiers) AS modifiers, abs(l.billed) AS charge,
    CASE l.source WHEN 'claim' THEN 0 WHEN 'claim+remit' THEN 1 ELSE 2 END AS source_rank,
    f.format = 'csv' AS from_export
  FROM service_lines l JOIN claim_groups g USING (claim_key) JOIN files f USING (file_id)
), docs AS (
  SELECT *,
    -- an export repeats a line once per adjudication (csvKeysSql): those rows are one document line
    CASE WHEN from_export THEN min(line_id) OVER (PARTITION BY claim_key, line_number,
      CASE WHEN line_number IS NULL THEN procedure END, CASE WHEN line_number IS NULL THEN service_date END,
      CASE WHEN line_number IS NULL THEN modifiers END, CASE WHEN line_number IS NULL THEN charge END) ELSE line_id END AS doc_line_id
  FROM rows
)
SELECT d.*, o.occurrence FROM docs d JOIN (
  SELECT doc_line_id, row_number() OVER (PARTITION BY claim_key, procedure, service_date, modifiers, charge ORDER BY line_number NULLS LAST, doc_line_id) AS occurrence
  FROM docs WHERE line_id = doc_line_id
) o USING (doc_line_id);

CREATE OR REPLACE TEMP TABLE line_parents AS
WITH d AS (SELECT * FROM doc_lines WHERE line_id = doc_line_id
), pairs AS (
  SELECT c.doc_line_id AS child, c.claim_key AS child_claim, p.doc_line_id AS parent, p.source_rank, p.claim_key AS parent_claim,
    CASE WHEN c.line_control = p.line_control THEN 1
         WHEN c.line_number = p.line_number THEN 2
         WHEN c.modifiers = p.modifiers AND c.charge = p.charge AND c.occurrence = p.occurrence THEN 3
         WHEN c.charge = p.charge THEN 4 ELSE 5 END AS quality
  FROM d c JOIN d p ON p.group_id = c.group_id AND p.procedure = c.procedure AND p.service_date = c.service_date
  WHERE (p.source_rank < c.source_rank OR (p.source_rank = c.source_rank AND p.claim_key < c.claim_key))
    -- two remittances speak of one line only for the same charge (a reversal's is negated): a
    -- payer may drop a modifier, not bill a different amount (placeholder claim ids in test files)
    AND (c.source_rank < 2 OR p.source_rank < 2 OR c.charge = p.charge OR c.line_control = p.line_control)
  UNION ALL
  -- the line item control number links a line whatever the payer did to its procedure
  SELECT c.doc_line_id, c.claim_key, p.doc_line_id, p.source_rank, p.claim_key, 1
  FROM d c JOIN d p ON p.group_id = c.group_id AND p.line_control = c.line_control
  WHERE p.source_rank < c.source_rank OR (p.source_rank = c.source_rank AND p.claim_key < c.claim_key)
), best AS (
  SELECT child, child_claim, parent, min(quality) AS quality, any_value(source_rank) AS source_rank, any_value(parent_claim) AS parent_claim
  FROM pairs GROUP BY child, child_claim, parent
  QUALIFY row_number() OVER (PARTITION BY child ORDER BY min(quality), any_value(source_rank), any_value(parent_claim), parent) = 1
)
SELECT child, parent, quality, source_rank FROM best
QUALIFY row_number() OVER (PARTITION BY parent, child_claim ORDER BY quality, child) = 1;

CREATE OR REPLACE TABLE line_identity AS
SELECT d.line_id, d.doc_line_id, d.claim_key, d.group_id, d.source_rank,
  coalesce(p3.parent, p2.parent, p1.parent, d.doc_line_id) AS canonical_id,
  ['line control number', 'line number, procedure and date', 'procedure, modifiers, date and charge',
   'procedure, date and charge (modifiers differ)', 'procedure and date'][p1.quality] AS matched_on,
  -- the nearest claim as billed (837P or claims export) gives the diagnoses; an 835 line takes an export's otherwise
  CASE WHEN d.source_rank = 0 THEN NULL
       WHEN p1.source_rank = 0 THEN p1.parent WHEN p2.source_rank = 0 THEN p2.parent WHEN p3.source_rank = 0 THEN p3.parent
       WHEN d.source_rank = 2 AND p1.source_rank = 1 THEN p1.parent WHEN d.source_rank = 2 AND p2.source_rank = 1 THEN p2.parent
  END AS claim_line_id
FROM doc_lines d
LEFT JOIN line_parents p1 ON p1.child = d.doc_line_id
LEFT JOIN line_parents p2 ON p2.child = p1.parent
LEFT JOIN line_parents p3 ON p3.child = p2.parent;

-- an adjudicated line and the claim line it pays (the Files page's and the claim view's links)
CREATE OR REPLACE TABLE line_links AS
SELECT line_id AS remit_line_id, claim_line_id, matched_on
FROM line_identity WHERE source_rank > 0 AND claim_line_id IS NOT NULL;
`;

/** Remit lines (and claims adjudicated without lines, as line_id = -claim_key) whose line_id is in [from, to]. */
const remitLinesSql = (from: number, to: number) => sql`
  SELECT l.line_id, l.claim_key, l.file_id, l.source, l.claim_id, l.line_number, l.service_date, l.payer, l.provider,
    l.procedure, l.billed_procedure, l.modifiers, l.units, l.billed, l.allowed, l.paid, l.claim_status,
    coalesce(l.paid_date, c.paid_date) AS paid_date, l.flags, l.balance_diff, c.remit_id, c.patient_account,
    c.payer_claim_number, l.line_control
  FROM service_lines l JOIN claims c USING (claim_key)
  WHERE l.source IN ('remit', 'claim+remit') AND l.line_id BETWEEN ${from} AND ${to}
  ${from < 0 ? sql`UNION ALL
  -- claims adjudicated without service lines stand in as one line (line_id = -claim_key)
  SELECT -c.claim_key, c.claim_key, c.file_id, c.source, c.claim_id, NULL, c.statement_from, c.payer, c.rendering_provider,
    NULL, NULL, []::VARCHAR[], NULL, c.total_charge, NULL, c.paid, c.status, c.paid_date, list_append(c.flags, 'claim_level_only'),
    c.balance_diff, c.remit_id, c.patient_account, c.payer_claim_number, NULL
  FROM claims c
  WHERE c.source IN ('remit', 'claim+remit') AND -c.claim_key BETWEEN ${from} AND ${to}
    AND c.claim_key NOT IN (SELECT claim_key FROM service_lines)` : sql`-- (no claim-level stand-ins: they have negative line_ids)`}`;

/**
 * The adjudications of each canonical line, for every line at once (a line spans
 * files), on the few columns needed, before analysis_lines is written in batches:
 * - copy: an export row with payments that repeats an 835 adjudication of the same
 *   line (same payer by name or payer id, or the same payment date and amount; its
 *   payment date within 31 days of the 835's, the nearest one) — the 835 is the
 *   payer's own record, so it wins and the copy is not counted again
 *   (SOURCE_DISAGREEMENTS_SQL lists where they differ);
 * - payers in sequence: a payer's place comes from CLP02 (1/19 primary, 2/20
 *   secondary, 3/21 tertiary), else 2 when it adjusted for the prior payer (CARC 23),
 *   else 1; ties by first payment date. The line is counted once, by the first
 *   adjudication of the first payer ('initial'); every adjudication of a later
 *   payer is 'secondary' (its own denial is that payer's, never the line's);
 * - in one payer's chain, in payment order: 'reversal' (CLP02 = 22 or a negative
 *   charge); after a reversal, a re-adjudication that pays nothing on a line paid
 *   before is a 'recoupment' (a post-payment denial dated by the reversal); other
 *   later adjudications, including corrected claims, are 'correction';
 * - 'predetermination' (CLP02 = 25) is no adjudication: never counted, never chained.
 */
export const LINE_CHAINS_SQL = sql`
CREATE OR REPLACE TEMP TABLE line_chains AS
WITH adj AS (
  SELECT r.line_id, r.claim_key, r.source, r.paid, r.paid_date, r.remit_id, r.billed, c.payer_id,
    upper(trim(coalesce(r.payer, ''))) AS payer_key,
    coalesce(i.canonical_id, -min(r.claim_key) OVER (PARTITION BY g.group_id, r.line_id < 0)) AS canonical_id,
    coalesce(r.claim_status = '22' OR r.billed < 0, false) AS is_reversal,
    coalesce(r.claim_status = '25', false) AS is_predetermination,
    CASE WHEN r.claim_status IN ('1', '19') THEN 1 WHEN r.claim_status IN ('2', '20') THEN 2 WHEN r.claim_status IN ('3', '21') THEN 3 END AS stated_sequence
  FROM (${remitLinesSql(-(2 ** 53), 2 ** 53)}) r
  JOIN claims c USING (claim_key) JOIN claim_groups g USING (claim_key)
  LEFT JOIN line_identity i USING (line_id)
), prior_payer AS (
  -- CARC 23: the impact of a prior payer's adjudication (on the line or its claim)
  SELECT DISTINCT a.line_id FROM adjustments a WHERE a.carc = '23' AND a.level = 'line'
  UNION
  SELECT adj.line_id FROM adj JOIN (SELECT DISTINCT claim_key FROM adjustments WHERE carc = '23' AND level = 'claim') USING (claim_key)
), copies AS (
  SELECT e.line_id, r.line_id AS copy_of
  FROM adj e JOIN adj r ON r.canonical_id = e.canonical_id AND r.source = 'remit' AND NOT r.is_reversal AND NOT r.is_predetermination
  WHERE e.source = 'claim+remit'
    AND (e.payer_key = r.payer_key OR e.payer_id = r.payer_id OR (e.paid_date = r.paid_date AND e.paid = r.paid))
    AND (e.paid_date IS NULL OR r.paid_date IS NULL OR abs(e.paid_date - r.paid_date) <= 31)
  QUALIFY row_number() OVER (PARTITION BY e.line_id ORDER BY abs(coalesce(e.paid_date - r.paid_date, 0)), r.paid_date, r.line_id) = 1
), live AS (
  SELECT adj.*, c.copy_of, p.line_id IS NOT NULL AS prior_payer,
    c.copy_of IS NOT NULL OR is_predetermination AS set_aside
  FROM adj LEFT JOIN copies c USING (line_id) LEFT JOIN prior_payer p USING (line_id)
), payers AS (
  SELECT canonical_id, payer_key,
    coalesce(min(stated_sequence), CASE WHEN bool_or(prior_payer) THEN 2 END, 1) AS stated, min(paid_date) AS first_paid
  FROM live WHERE NOT set_aside GROUP BY ALL
), sequenced AS (
  SELECT *, row_number() OVER (PARTITION BY canonical_id ORDER BY stated, first_paid NULLS LAST, payer_key) AS payer_sequence FROM payers
), ordered AS (
  SELECT l.*, CASE WHEN NOT l.set_aside THEN s.payer_sequence END AS payer_sequence,
    row_number() OVER (PARTITION BY l.canonical_id, l.payer_key, l.set_aside, l.is_reversal ORDER BY l.paid_date NULLS LAST, l.remit_id NULLS LAST, l.line_id) AS nth_of_kind,
    count(*) FILTER (WHERE NOT l.is_reversal) OVER chain AS adjudications,
    -- reversals carry negative amounts, so the chain's sum is what was finally paid
    sum(l.paid) OVER chain AS chain_net_paid,
    bool_or(l.is_reversal) OVER chain AS was_reversed,
    max(CASE WHEN NOT l.is_reversal THEN l.paid END) OVER earlier AS paid_before,
    max(CASE WHEN l.is_reversal THEN l.paid_date END) OVER earlier AS reversed_on
  -- equality only: a condition on one side in a LEFT JOIN's ON makes it a nested loop
  FROM live l LEFT JOIN sequenced s ON s.canonical_id = l.canonical_id AND s.payer_key = l.payer_key
  WINDOW chain AS (PARTITION BY l.canonical_id, l.payer_key, l.set_aside),
    earlier AS (PARTITION BY l.canonical_id, l.payer_key, l.set_aside
                ORDER BY l.paid_date NULLS LAST, l.is_reversal DESC, l.remit_id NULLS LAST, l.line_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), kinds AS (
  SELECT *,
    CASE WHEN is_predetermination THEN 'predetermination'
         WHEN copy_of IS NOT NULL THEN 'copy'
         WHEN is_reversal THEN 'reversal'
         WHEN payer_sequence > 1 THEN 'secondary'
         WHEN nth_of_kind = 1 THEN 'initial'
         WHEN reversed_on IS NOT NULL AND paid_before > 0 AND coalesce(paid, 0) <= 0 AND billed > 0.01 THEN 'recoupment'
         ELSE 'correction' END AS adjudication_kind
  FROM ordered
)
SELECT line_id, canonical_id AS canonical_line_id, canonical_id::VARCHAR || '|' || payer_key AS chain_key,
  payer_sequence, adjudication_kind, copy_of, is_reversal,
  adjudication_kind = 'initial' AS is_initial,
  CASE WHEN set_aside THEN 0 ELSE adjudications END AS adjudications, coalesce(was_reversed AND NOT set_aside, false) AS was_reversed,
  CASE WHEN adjudication_kind = 'initial' AND adjudications > 1 THEN chain_net_paid - paid ELSE 0 END AS paid_later,
  CASE WHEN adjudication_kind = 'recoupment' THEN reversed_on END AS reversed_on,
  CASE WHEN adjudication_kind = 'recoupment' THEN paid_before - coalesce(paid, 0) ELSE 0 END AS recouped
FROM kinds;
`;

/**
 * Each line's diagnoses, in the order its pointers name them, else (no pointers) the
 * claim's whole list: `lines` is a relation with line_id, claim_key and dx_pointers.
 * Columns: line_id, diagnoses. The review's lines and a checked batch's read them alike.
 */
export const lineDiagnosesSql = (lines: Sql): Sql => sql`
WITH line_dx AS (
  SELECT p.line_id, p.ord, d.code
  FROM (SELECT line_id, claim_key, unnest(dx_pointers) AS seq, generate_subscripts(dx_pointers, 1) AS ord
        FROM ${lines} WHERE len(dx_pointers) > 0) p
  JOIN diagnoses d ON d.claim_key = p.claim_key AND d.seq = p.seq
  UNION ALL
  SELECT l.line_id, d.seq, d.code
  FROM ${lines} l JOIN diagnoses d ON d.claim_key = l.claim_key
  WHERE len(l.dx_pointers) = 0
)
SELECT line_id, list_transform(list_sort(list({'ord': ord, 'code': code})), lambda x: x.code) AS diagnoses
FROM line_dx GROUP BY line_id`;

/**
 * analysis_lines for the lines line_id ∈ [from, to] (written in batches; see refresh.ts).
 * Provider and diagnoses come from the claim line a remit line pays (or the line itself): in
 * pointer order, the claim's whole list for a line without pointers. (list_sort of
 * (position, code) pairs: an ordered list() aggregate sorts per group, several times slower.)
 */
export const analysisLinesSql = (from: number, to: number) => sql`
WITH remit_lines AS (${remitLinesSql(from, to)}
), linked AS (
  SELECT r.*, k.claim_line_id, k.matched_on, coalesce(k.claim_line_id, r.line_id) AS dx_line_id
  FROM remit_lines r
  LEFT JOIN (SELECT * FROM line_links WHERE remit_line_id BETWEEN ${from} AND ${to}) k ON k.remit_line_id = r.line_id
), dx_lines AS (
  SELECT l.line_id, l.claim_key, l.dx_pointers FROM service_lines l
  WHERE l.line_id IN (SELECT dx_line_id FROM linked)
), dx_lists AS (${lineDiagnosesSql(sql`dx_lines`)}
), copied AS (
  -- what an export copy of an adjudication adds where the 835 is silent (the allowed amount without AMT*B6)
  SELECT ch.copy_of AS line_id, max(l.allowed) AS export_allowed
  FROM line_chains ch JOIN service_lines l USING (line_id)
  WHERE ch.copy_of BETWEEN ${from} AND ${to} GROUP BY ch.copy_of
), with_claim AS (
  SELECT r.* EXCLUDE (dx_line_id, allowed),
    coalesce(r.allowed, cp.export_allowed) AS allowed,
    coalesce(cl.provider, r.provider) AS rendering_provider,
    coalesce(x.diagnoses, []::VARCHAR[]) AS diagnoses
  FROM linked r
  LEFT JOIN (SELECT line_id, provider FROM service_lines WHERE line_id IN (SELECT claim_line_id FROM linked)) cl ON cl.line_id = r.claim_line_id
  LEFT JOIN dx_lists x ON x.line_id = r.dx_line_id
  LEFT JOIN copied cp ON cp.line_id = r.line_id
)
SELECT w.line_id, claim_key, file_id, source, claim_id, line_number, service_date, paid_date, payer,
  rendering_provider AS provider, patient_account, payer_claim_number, procedure, billed_procedure, modifiers, units,
  billed, allowed, paid, claim_status, diagnoses, flags, balance_diff, remit_id, claim_line_id, matched_on, ch.chain_key,
  ch.is_reversal, ch.is_initial, ch.adjudications, ch.was_reversed, ch.paid_later,
  ch.canonical_line_id, ch.payer_sequence, ch.adjudication_kind, ch.copy_of, ch.reversed_on, ch.recouped,
  date_trunc('month', service_date)::DATE AS service_month,
  date_trunc('month', paid_date)::DATE AS remit_month
FROM with_claim w JOIN line_chains ch USING (line_id)`;

/** Claim lines (837P / claims export) that no remittance paid or denied, and remit lines with no claim line. */
export interface UnmatchedRow {
  kind: 'claim line without remittance' | 'remittance line without claim';
  claim_id: string;
  line_number: number | null;
  service_date: string | null;
  procedure: string | null;
  billed: number | null;
  file: string;
}
export const UNMATCHED_SQL = sql`
WITH lines AS (
  SELECT l.claim_id, l.line_number, l.service_date, l.procedure, l.billed, l.source, f.name AS file, i.canonical_id
  FROM service_lines l JOIN files f USING (file_id) JOIN line_identity i USING (line_id)
), canon AS (
  SELECT canonical_id, bool_or(source <> 'claim') AS adjudicated, bool_or(source <> 'remit') AS billed_line FROM lines GROUP BY ALL
)
SELECT 'claim line without remittance' AS kind, claim_id, line_number, service_date, procedure, billed, file
FROM lines JOIN canon USING (canonical_id)
WHERE source = 'claim' AND NOT adjudicated AND EXISTS (SELECT 1 FROM service_lines r WHERE r.source = 'remit')
UNION ALL
SELECT 'remittance line without claim', claim_id, line_number, service_date, procedure, billed, file
FROM lines JOIN canon USING (canonical_id)
WHERE source = 'remit' AND NOT billed_line AND EXISTS (SELECT 1 FROM service_lines c WHERE c.source <> 'remit')
ORDER BY 1, 2, 3
`;

/** Rows per batch of the big refresh tables: DuckDB's row group size, so each batch commits one compressed row group. */
export const LINE_BATCH = 122_880;

/** [from_id, to_id] of consecutive line_ids, LINE_BATCH lines each (claim-level stand-ins, negative, first). */
export interface LineBatchRow {
  from_id: number;
  to_id: number;
}
export const LINE_BATCHES_SQL = sql`
SELECT min(line_id)::BIGINT AS from_id, max(line_id)::BIGINT AS to_id
FROM (SELECT line_id, (row_number() OVER (ORDER BY line_id) - 1) // ${LINE_BATCH} AS batch FROM line_chains)
GROUP BY batch ORDER BY batch
`;

export const DROP_REFRESH_TEMP_SQL = sql`
DROP TABLE IF EXISTS line_chains; DROP TABLE IF EXISTS line_parents; DROP TABLE IF EXISTS doc_lines; DROP TABLE IF EXISTS claim_groups;
`;

import { sqlList, sqlString } from '../db/sql-quote.ts';
import { CATEGORY_PRECEDENCE, HARD_ADMINISTRATIVE, NOT_DENIAL, REFINED_BY_ANY_CODING, REFINED_BY_MISSING_MODIFIER } from './categories.ts';
import { DEFAULT_FIXES } from './default-fixes.ts';

const PRECEDENCE = sqlList(CATEGORY_PRECEDENCE);
const HARD = sqlList(HARD_ADMINISTRATIVE);
const NON_DENIAL = sqlList(NOT_DENIAL);
const REFINE_ANY = sqlList(REFINED_BY_ANY_CODING);
const REFINE_MODIFIER = sqlList(REFINED_BY_MISSING_MODIFIER);
const DEFAULT_FIX = `CASE c.category ${Object.entries(DEFAULT_FIXES)
  .map(([c, fix]) => `WHEN ${sqlString(c)} THEN replace(${sqlString(fix)}, '{procedure}', coalesce(al.billed_procedure, 'the procedure'))`)
  .join(' ')} END`;

/**
 * Step 1 — what the payer said about each initial adjudication: the line's CAS
 * and its share of the claim-level CAS (claim_adjustment_shares: allocated pro
 * rata, counted once), for lines line_id ∈ [from, to] (written in batches, see
 * refresh.ts), and its remarks.
 */
export const lineReasonsSql = (from: number, to: number) => /* sql */ `
WITH lines AS (
  SELECT line_id, claim_key FROM analysis_lines WHERE is_initial AND line_id BETWEEN ${from} AND ${to}
), reasons AS (
  SELECT al.line_id, a.group_code, a.carc, a.amount, a.level
  FROM lines al JOIN adjustments a ON a.line_id = al.line_id
  UNION ALL
  SELECT al.line_id, s.group_code, s.carc, s.amount, 'claim'
  FROM lines al JOIN claim_adjustment_shares s USING (line_id)
)
SELECT r.*, coalesce(m.bucket, 'unknown') AS bucket, m.description
FROM reasons r LEFT JOIN payer_codes m ON m.kind = 'CARC' AND m.code = r.carc`;

export const LINE_REMARKS_SQL = /* sql */ `
CREATE OR REPLACE TABLE line_remarks AS
WITH remarks_of_line AS (
  SELECT al.line_id, r.code FROM analysis_lines al JOIN remarks r ON r.line_id = al.line_id WHERE al.is_initial
  UNION
  SELECT al.line_id, r.code FROM analysis_lines al JOIN remarks r ON r.claim_key = al.claim_key AND r.level = 'claim' WHERE al.is_initial
)
SELECT x.line_id, x.code, m.bucket, m.description
FROM remarks_of_line x LEFT JOIN payer_codes m ON m.kind = 'RARC' AND m.code = x.code;
`;

/**
 * Step 2 — is the line denied? Definitions (see README "What counts as a denial"):
 * full denial: charge > $0.01, nothing paid, and not simply the patient's share
 *   (deductible/coinsurance/copay); partial: paid, but reduced by a reason that is
 *   neither contractual nor the patient's share. Only initial adjudications count.
 * For lines line_id ∈ [from, to] (written in batches).
 */
export const lineDenialsSql = (from: number, to: number) => /* sql */ `
WITH sums AS (
  SELECT al.line_id, al.billed, al.paid, al.claim_status,
    coalesce(sum(r.amount) FILTER (WHERE r.bucket = 'patient_responsibility'), 0) AS patient_share,
    coalesce(sum(r.amount) FILTER (WHERE NOT list_contains(${NON_DENIAL}, r.bucket)), 0) AS denial_adjustments,
    count(r.carc) AS reasons
  FROM analysis_lines al LEFT JOIN line_reasons r ON r.line_id = al.line_id AND r.line_id BETWEEN ${from} AND ${to}
  WHERE al.is_initial AND al.line_id BETWEEN ${from} AND ${to}
  GROUP BY ALL
)
SELECT line_id,
  CASE
    WHEN billed > 0.01 AND coalesce(paid, 0) <= 0 AND patient_share = 0
         AND (paid IS NOT NULL OR reasons > 0) THEN 'full'
    WHEN coalesce(paid, 0) > 0 AND denial_adjustments > 0 THEN 'partial'
  END AS denial_type,
  CASE
    WHEN billed > 0.01 AND coalesce(paid, 0) <= 0 AND patient_share = 0 AND (paid IS NOT NULL OR reasons > 0) THEN billed
    WHEN coalesce(paid, 0) > 0 AND denial_adjustments > 0 THEN denial_adjustments
    ELSE 0
  END::DECIMAL(18,2) AS denied_amount
FROM sums`;

/** Step 3 — payer findings: one per reason code and per mapped remark on a denied line. */
export const PAYER_FINDINGS_SQL = /* sql */ `
CREATE OR REPLACE TABLE findings (
  line_id BIGINT, category VARCHAR, source VARCHAR, text VARCHAR, codes VARCHAR[], fix VARCHAR, rank INTEGER
);
INSERT INTO findings
SELECT r.line_id,
  CASE WHEN list_contains(${NON_DENIAL}, r.bucket) THEN 'pricing' ELSE r.bucket END,
  'payer',
  coalesce(r.group_code || '-', '') || r.carc || ': ' || coalesce(r.description,
    CASE WHEN regexp_matches(r.carc, '^[ABDPWY]?[0-9]{1,3}$') THEN 'reason code not in our CARC table'
         ELSE 'not a CARC: a vendor-specific code, map it in your PM system' END),
  [coalesce(r.group_code || '-', '') || r.carc], NULL, 1
FROM line_reasons r JOIN line_denials d USING (line_id)
WHERE d.denial_type IS NOT NULL
  AND (NOT list_contains(${NON_DENIAL}, r.bucket) OR d.denial_type = 'full');
INSERT INTO findings
SELECT m.line_id, m.bucket, 'payer', 'Remark ' || m.code || ': ' || m.description, [m.code], NULL, 2
FROM line_remarks m JOIN line_denials d USING (line_id)
WHERE d.denial_type IS NOT NULL AND m.bucket IS NOT NULL;
`;

/**
 * Step 5 — one primary category per denied line, by precedence over the
 * findings allowed to decide (findings: rank 1 payer CARC, 2 payer remark,
 * 3 reference/rule, 4 history, 9 informational without category):
 * - a hard-administrative payer reason (eligibility, authorization, duplicate,
 *   timely filing, COB) is never overridden: fixing a code would not get the
 *   line paid, so coding findings stay secondary;
 * - payer remarks refine the CARC (CO-16 + M76 → unspecified);
 * - code-data findings refine a coding or vague payer reason (CO-11 or CO-16 on
 *   a deleted or unspecified code), a missing modifier refines bundling, and an
 *   outdated code overrides any other non-hard reason (see categories.ts).
 */
export const LINE_CLASSIFICATION_SQL = /* sql */ `
CREATE OR REPLACE TABLE line_classification AS
WITH per_line AS (
  SELECT d.line_id, d.denial_type, d.denied_amount,
    list(f.category) FILTER (WHERE f.rank = 1) AS carc_categories,
    -- ordered by rank, text, source, codes (list_sort compares struct fields in order: an ordered list() aggregate is several times slower)
    list_sort(list({'rank': f.rank, 'text': f.text, 'source': f.source, 'codes': f.codes, 'category': f.category, 'fix': f.fix})
      FILTER (WHERE f.line_id IS NOT NULL)) AS all_findings
  FROM line_denials d LEFT JOIN findings f USING (line_id)
  WHERE d.denial_type IS NOT NULL
  GROUP BY ALL
), payer AS (
  SELECT *,
    len(list_filter(coalesce(carc_categories, []), lambda c: list_contains(${HARD}, c))) > 0 AS hard,
    ${PRECEDENCE}[list_sort(list_transform(coalesce(carc_categories, []), lambda c: array_position(${PRECEDENCE}, c)))[1]] AS carc_best
  FROM per_line
), eligible AS (
  SELECT *,
    list_filter(coalesce(all_findings, []), lambda f: f.category IS NOT NULL AND (
      f.rank = 1
      OR (f.rank = 2 AND NOT hard)
      OR (f.rank >= 3 AND NOT hard AND (
        f.category = 'outdated' OR carc_best IS NULL OR list_contains(${REFINE_ANY}, carc_best)
        OR (f.category = 'missing_modifier' AND list_contains(${REFINE_MODIFIER}, carc_best)))))) AS deciding
  FROM payer
), chosen AS (
  SELECT *,
    coalesce(list_sort(list_transform(deciding, lambda f: array_position(${PRECEDENCE}, f.category)))[1], array_position(${PRECEDENCE}, 'unknown')) AS best
  FROM eligible
)
SELECT c.* EXCLUDE (specific_fix), coalesce(c.specific_fix, ${DEFAULT_FIX}) AS fix
FROM (
  SELECT line_id, denial_type, denied_amount,
    ${PRECEDENCE}[best] AS category,
    list_distinct(list_filter(list_transform(coalesce(all_findings, []), lambda f: f.category), lambda x: x IS NOT NULL AND x <> ${PRECEDENCE}[best])) AS secondary,
    CASE WHEN all_findings IS NULL
      THEN [{'source': 'payer', 'text': 'No reason code on the remittance: nothing paid and no reason given', 'codes': []::VARCHAR[]}]
      ELSE list_transform(all_findings, lambda f: {'source': f.source, 'text': f.text, 'codes': f.codes}) END AS evidence,
    list_filter(list_transform(deciding, lambda f: CASE WHEN f.category = ${PRECEDENCE}[best] THEN f.fix END), lambda x: x IS NOT NULL)[1] AS specific_fix
  FROM chosen
) c JOIN analysis_lines al USING (line_id);
`;

import { HARD_ADMINISTRATIVE, PAYER_PRECEDENCE, CATEGORY_PRECEDENCE, CODING_CATEGORIES } from './categories.ts';
import { DEFAULT_FIXES } from './default-fixes.ts';
import { NO_REASON_CARC } from '../ingest/csv/csv-normalise.sql.ts';
import { joinSql, sql } from '../db/sql.ts';

const PRECEDENCE = sql`${CATEGORY_PRECEDENCE}`;
const UNCODED = sql`${NO_REASON_CARC}`;
const PAYER_ORDER = sql`${PAYER_PRECEDENCE}`;
const HARD = sql`${HARD_ADMINISTRATIVE}`;
const CODING = sql`${CODING_CATEGORIES}`;
/** CARCs so general that a remark naming the cause decides the bucket (claim lacks information, denied, non-covered). */
const REMARK_DECIDES_FOR = sql`${['16', 'A1', '96', '125']}`;
const DEFAULT_FIX = sql`CASE c.category ${joinSql(
  Object.entries(DEFAULT_FIXES).map(([c, fix]) => sql`WHEN ${c} THEN replace(${fix}, '{procedure}', coalesce(al.billed_procedure, 'the procedure'))`),
  sql` `,
)} END`;

/**
 * Step 1 — what the payer said about each initial adjudication: the line's CAS
 * and its share of the claim-level CAS (claim_adjustment_shares: allocated pro
 * rata, counted once), for lines line_id ∈ [from, to] (written in batches, see
 * refresh.ts), and its remarks. A code our table does not know has no bucket
 * (denial NULL): it is "unmapped", never guessed.
 */
export const lineReasonsSql = (from: number, to: number) => sql`
WITH lines AS (
  SELECT line_id, claim_key FROM analysis_lines WHERE is_initial AND line_id BETWEEN ${from} AND ${to}
), reasons AS (
  SELECT al.line_id, a.group_code, a.carc, a.amount, a.level
  FROM lines al JOIN adjustments a ON a.line_id = al.line_id
  UNION ALL
  SELECT al.line_id, s.group_code, s.carc, s.amount, 'claim'
  FROM lines al JOIN claim_adjustment_shares s USING (line_id)
)
SELECT r.*,
  -- an amount the export gave without a reason code: the patient's share under PR, otherwise it explains nothing
  CASE WHEN r.carc = ${UNCODED} THEN CASE WHEN r.group_code = 'PR' THEN false END ELSE m.denial END AS denial,
  CASE WHEN r.carc = ${UNCODED} THEN CASE WHEN r.group_code = 'PR' THEN 'patient_responsibility' END ELSE m.bucket END AS bucket,
  m.role,
  CASE WHEN r.carc = ${UNCODED} THEN coalesce(r.group_code, 'an') || ' amount with no reason code' ELSE m.label END AS description,
  m.stop_date, r.carc = ${UNCODED} AS uncoded
FROM reasons r LEFT JOIN payer_codes m ON m.kind = 'CARC' AND m.code = r.carc`;

export const LINE_REMARKS_SQL = sql`
CREATE OR REPLACE TABLE line_remarks AS
WITH remarks_of_line AS (
  SELECT al.line_id, r.code FROM analysis_lines al JOIN remarks r ON r.line_id = al.line_id WHERE al.is_initial
  UNION
  SELECT al.line_id, r.code FROM analysis_lines al JOIN remarks r ON r.claim_key = al.claim_key AND r.level = 'claim' WHERE al.is_initial
)
SELECT x.line_id, x.code, m.bucket, m.role, m.label AS description
FROM remarks_of_line x LEFT JOIN payer_codes m ON m.kind = 'RARC' AND m.code = x.code;
`;

/**
 * Step 2 — is the line denied? (README "What counts as a denial".) Only a denial
 * reason makes a line denied: reductions that are not denials (contract, patient's
 * share, prior payer, capitation, withhold, penalties, reporting-only, predetermination)
 * never do, alone or together, paid or at $0. An unmapped code is a denial only
 * for the dollars no known non-denial reason explains. A line nothing was paid on
 * with no reason at all is denied without a specific reason.
 * `deniable`: a line that can be denied at all — a charge above $0.01, not a
 * reporting-only code, not a predetermination; the others stay out of every rate.
 */
export const lineDenialsSql = (from: number, to: number) => sql`
WITH sums AS (
  SELECT al.line_id, coalesce(al.billed, 0) AS billed, al.paid, al.claim_status,
    coalesce(sum(r.amount) FILTER (WHERE r.denial), 0) AS denial_dollars,
    coalesce(sum(r.amount) FILTER (WHERE NOT r.denial), 0) AS explained_dollars,
    coalesce(sum(r.amount) FILTER (WHERE r.denial IS NULL AND NOT r.uncoded), 0) AS unmapped_dollars,
    count(r.carc) FILTER (WHERE r.denial) AS denial_reasons,
    count(r.carc) FILTER (WHERE NOT r.denial) AS explaining_reasons,
    count(r.carc) FILTER (WHERE r.denial IS NULL AND NOT r.uncoded) AS unmapped_reasons,
    count(r.carc) AS reasons,
    coalesce(bool_or(r.bucket = 'reporting_only'), false) AS reporting_only,
    coalesce(bool_or(r.bucket = 'predetermination'), false) AS predetermination_reason
  FROM analysis_lines al LEFT JOIN line_reasons r ON r.line_id = al.line_id AND r.line_id BETWEEN ${from} AND ${to}
  WHERE al.is_initial AND al.line_id BETWEEN ${from} AND ${to}
  GROUP BY ALL
), judged AS (
  SELECT *, billed > 0.01 AND NOT reporting_only AND NOT predetermination_reason AND coalesce(claim_status <> '25', true) AS deniable,
    greatest(least(unmapped_dollars, billed - coalesce(paid, 0) - explained_dollars - denial_dollars + unmapped_dollars), 0) AS unexplained,
    coalesce(paid, 0) > 0 AS was_paid
  FROM sums
), decided AS (
  SELECT *, deniable AND (
      denial_reasons > 0 AND denial_dollars > 0
      OR (denial_reasons > 0 AND NOT was_paid)
      OR unexplained > 0.005
      -- an export that gives codes without amounts: an unmapped code explains an unpaid line only when no known code does
      OR (NOT was_paid AND unmapped_reasons > 0 AND explaining_reasons = 0)
      -- nothing paid and nothing known to explain it (no code, or amounts without codes)
      OR (paid IS NOT NULL AND NOT was_paid AND explaining_reasons = 0)
      OR (claim_status = '4' AND NOT was_paid AND denial_reasons = 0 AND explained_dollars < billed)) AS denied
  FROM judged
)
SELECT line_id, deniable,
  CASE WHEN denied THEN CASE WHEN was_paid THEN 'partial' ELSE 'full' END END AS denial_type,
  CASE WHEN NOT denied THEN 0 WHEN NOT was_paid THEN billed ELSE denial_dollars + unexplained END::DECIMAL(18,2) AS denied_amount
FROM decided`;

/**
 * Step 3 — payer findings on denied lines: one per reason code (denial reasons with
 * their bucket, unmapped codes as 'unmapped', the rest as context without a
 * category) and one per remark.
 */
export const PAYER_FINDINGS_SQL = sql`
CREATE OR REPLACE TABLE findings (
  line_id BIGINT, category VARCHAR, source VARCHAR, text VARCHAR, codes VARCHAR[], fix VARCHAR, rank INTEGER
);
INSERT INTO findings
SELECT r.line_id,
  CASE WHEN r.uncoded THEN NULL WHEN r.denial IS NULL THEN 'unmapped' WHEN r.denial THEN r.bucket END,
  'payer',
  CASE WHEN r.uncoded THEN '' ELSE coalesce(r.group_code || '-', '') || r.carc || ': ' END || coalesce(r.description,
    CASE WHEN regexp_matches(r.carc, '^[ABDPWY]?[0-9]{1,3}$') THEN 'reason code not in our CARC table: map it, its dollars are counted as unmapped'
         ELSE 'not a CARC: a vendor-specific code, map it in your PM system' END)
  || CASE WHEN r.denial = false THEN ' (not a denial)' ELSE '' END
  || CASE WHEN r.stop_date IS NOT NULL AND r.stop_date <= coalesce(al.paid_date, al.service_date)
       THEN ' — X12 stopped this code on ' || r.stop_date ELSE '' END
  || CASE WHEN r.amount IS NOT NULL THEN ' $' || printf('%.2f', r.amount) ELSE '' END,
  CASE WHEN r.uncoded THEN list_filter([r.group_code], lambda g: g IS NOT NULL) ELSE [coalesce(r.group_code || '-', '') || r.carc] END, NULL,
  CASE WHEN r.denial = false OR r.uncoded THEN 9 ELSE 1 END
FROM line_reasons r JOIN line_denials d USING (line_id) JOIN analysis_lines al USING (line_id)
WHERE d.denial_type IS NOT NULL;
INSERT INTO findings
SELECT m.line_id, m.bucket, 'payer', 'Remark ' || m.code || ': ' || m.description
  || CASE WHEN m.role = 'if_code_data_agrees' THEN ' (decides only where the code data agrees)' ELSE '' END,
  [m.code], NULL, 2
FROM line_remarks m JOIN line_denials d USING (line_id)
WHERE d.denial_type IS NOT NULL AND m.bucket IS NOT NULL;
`;

/**
 * Step 5 — one primary category per denied line (README "Whose reason wins"):
 * 1. the payer's category: the denial reasons' buckets by PAYER_PRECEDENCE
 *    (a non-coding cause such as eligibility first); for a general CARC (16, A1,
 *    96, 125) a remark that names the cause or the coding problem decides;
 * 2. code data (rule findings, ranks 3–4) may replace it only where the payer's
 *    reason is a vague coding one: CARC role refine_coding (11, 4, 146 …) by any
 *    coding finding, refine_modifier (bundling) by a missing-modifier or bundling
 *    finding, and a remark if_code_data_agrees (M76, N56 …) by a finding of its kind;
 *    on CO-11 an unspecified code is the cause only for an E/M or when the payer's
 *    remark asks for specificity — for a test or procedure the diagnosis does not
 *    support, the category stays mismatch;
 * 3. everything else a rule finds is a secondary finding, shown but not counted.
 */
export const LINE_CLASSIFICATION_SQL = sql`
CREATE OR REPLACE TABLE line_classification AS
WITH reasons AS (
  SELECT r.line_id,
    list(DISTINCT r.bucket) FILTER (WHERE r.denial) AS carc_buckets,
    list(DISTINCT r.carc) FILTER (WHERE r.denial) AS carcs,
    list(DISTINCT r.role) FILTER (WHERE r.denial AND r.role IS NOT NULL) AS carc_roles,
    bool_or(r.denial IS NULL AND NOT r.uncoded) AS has_unmapped
  FROM line_reasons r GROUP BY r.line_id
), remarks AS (
  SELECT m.line_id,
    list(DISTINCT m.bucket) FILTER (WHERE m.role IN ('cause', 'coding')) AS deciding_remarks,
    list(DISTINCT m.bucket) FILTER (WHERE m.role = 'coding') AS coding_remarks,
    list(DISTINCT m.bucket) FILTER (WHERE m.role = 'if_code_data_agrees') AS agreeing_remarks
  FROM line_remarks m WHERE m.bucket IS NOT NULL GROUP BY m.line_id
), per_line AS (
  SELECT d.line_id, d.denial_type, d.denied_amount,
    -- ordered by rank, text, source, codes (list_sort compares struct fields in order: an ordered list() aggregate is several times slower)
    list_sort(list({'rank': f.rank, 'text': f.text, 'source': f.source, 'codes': f.codes, 'category': f.category, 'fix': f.fix})
      FILTER (WHERE f.line_id IS NOT NULL)) AS all_findings,
    list(DISTINCT f.category) FILTER (WHERE f.rank >= 3 AND f.rank < 9 AND f.category IS NOT NULL) AS rule_categories
  FROM line_denials d LEFT JOIN findings f USING (line_id)
  WHERE d.denial_type IS NOT NULL
  GROUP BY ALL
), payer AS (
  SELECT p.*, coalesce(r.carc_buckets, []) AS carc_buckets, coalesce(r.carcs, []) AS carcs, coalesce(r.carc_roles, []) AS carc_roles,
    coalesce(r.has_unmapped, false) AS has_unmapped,
    coalesce(m.deciding_remarks, []) AS deciding_remarks, coalesce(m.coding_remarks, []) AS coding_remarks,
    coalesce(m.agreeing_remarks, []) AS agreeing_remarks,
    coalesce(p.rule_categories, []) AS rules,
    len(coalesce(r.carcs, [])) = 0 OR len(list_filter(r.carcs, lambda c: NOT list_contains(${REMARK_DECIDES_FOR}, c))) = 0 AS general_carc,
    ref.code IS NOT NULL AS is_em
  FROM per_line p
  LEFT JOIN reasons r USING (line_id)
  LEFT JOIN remarks m USING (line_id)
  JOIN analysis_lines al USING (line_id)
  LEFT JOIN ref_procedure_groups ref ON ref.grp = 'em' AND ref.code = al.billed_procedure
), said AS (
  SELECT *,
    -- the payer's own category
    CASE
      WHEN general_carc AND len(deciding_remarks) > 0
        THEN ${PAYER_ORDER}[list_sort(list_transform(deciding_remarks, lambda c: array_position(${PAYER_ORDER}, c)))[1]]
      WHEN len(carc_buckets) > 0
        THEN ${PAYER_ORDER}[list_sort(list_transform(carc_buckets, lambda c: array_position(${PAYER_ORDER}, c)))[1]]
      WHEN has_unmapped THEN 'unmapped'
      ELSE 'unknown'
    END AS payer_category,
    list_contains(carc_roles, 'refine_coding') AS refine_coding,
    list_contains(carc_roles, 'refine_modifier') AS refine_modifier
  FROM payer
), refined AS (
  SELECT *,
    -- a non-coding cause never gives way to code data
    NOT list_contains(${HARD}, payer_category) AND NOT (general_carc AND len(list_filter(deciding_remarks, lambda c: NOT list_contains(${CODING}, c))) > 0) AS open_to_code_data,
    -- a vague coding reason is refined within its own kind: a modifier reason by modifier findings, a diagnosis or code reason by code findings
    list_filter(rules, lambda c: list_contains(${CODING}, c) AND (
      (c = 'missing_modifier' AND list_contains(carc_buckets, 'missing_modifier'))
      OR (c <> 'missing_modifier' AND len(list_filter(carc_buckets, lambda b: list_contains(${CODING}, b) AND b <> 'missing_modifier')) > 0)
      OR NOT refine_coding)) AS coding_rules
  FROM said
), chosen AS (
  SELECT *,
    CASE
      WHEN NOT open_to_code_data THEN payer_category
      WHEN refine_coding AND len(coding_rules) > 0 THEN
        CASE
          -- CO-11: the payer judged the link; an unspecified code is the cause only for an E/M or a specificity remark
          WHEN list_contains(carcs, '11') AND NOT list_contains(coding_rules, 'outdated') AND list_contains(coding_rules, 'unspecified')
               AND NOT is_em AND NOT list_contains(coding_remarks, 'unspecified')
            THEN 'mismatch'
          ELSE ${PRECEDENCE}[list_sort(list_transform(coding_rules, lambda c: array_position(${PRECEDENCE}, c)))[1]]
        END
      WHEN refine_modifier AND list_contains(rules, 'missing_modifier') THEN 'missing_modifier'
      WHEN general_carc AND len(agreeing_remarks) > 0 AND len(list_filter(coding_rules, lambda c:
             list_contains(agreeing_remarks, c) OR (c = 'outdated' AND list_contains(agreeing_remarks, 'unspecified')))) > 0
        THEN ${PRECEDENCE}[list_sort(list_transform(list_filter(coding_rules, lambda c:
             list_contains(agreeing_remarks, c) OR (c = 'outdated' AND list_contains(agreeing_remarks, 'unspecified'))),
             lambda c: array_position(${PRECEDENCE}, c)))[1]]
      ELSE payer_category
    END AS category
  FROM refined
)
SELECT c.* EXCLUDE (specific_fix), coalesce(c.specific_fix, ${DEFAULT_FIX}) AS fix
FROM (
  SELECT line_id, denial_type, denied_amount, category,
    list_distinct(list_filter(list_transform(coalesce(all_findings, []), lambda f: f.category), lambda x: x IS NOT NULL AND x <> category)) AS secondary,
    CASE WHEN all_findings IS NULL
      THEN [{'source': 'payer', 'text': 'No reason code on the remittance: nothing paid and no reason given', 'codes': []::VARCHAR[]}]
      ELSE list_transform(all_findings, lambda f: {'source': f.source, 'text': f.text, 'codes': f.codes}) END AS evidence,
    -- the fix of the finding that decided: a rule's when code data decided, else none (the category's default)
    list_filter(list_transform(coalesce(all_findings, []), lambda f: CASE WHEN f.category = category AND f.rank >= 3 THEN f.fix END), lambda x: x IS NOT NULL)[1] AS specific_fix
  FROM chosen
) c JOIN analysis_lines al USING (line_id);
`;

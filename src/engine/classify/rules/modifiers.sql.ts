import { ncciPtpEditsSql } from '../../reference/lookups.sql.ts';
import { pfsCitationSql, pfsIndicatorsSql } from '../../reference/pfs/pfs.sql.ts';
import { sql, type Sql } from '../../db/sql.ts';
import type { RuleScope } from './scope.ts';

/**
 * Modifier rules proven by the claim and the CMS reference data. The evidence always states
 * the modifiers billed, so that a fix never asks for one that is there.
 *
 * 1. E/M + procedure by the same provider (on the E/M's claim; for the day after, also on
 *    another claim of the same patient account), by the procedure's global days in the CMS
 *    Physician Fee Schedule (PPRRVU "GLOB DAYS", ref_pfs; Medicare Claims Processing Manual
 *    ch. 12 §30.6.6 and §40.1-40.2): 000/010 (minor procedure) on the same day → modifier 25
 *    on the E/M; 090 (major surgery) on the day of or the day after the E/M → 57 (decision for
 *    surgery). XXX, YYY, ZZZ, MMM (no global period of the physician's own: labs,
 *    venipuncture 36415, injections such as 96372, most tests) → no modifier is needed, so no
 *    finding. A code the loaded fee schedule does not list on that date (older than RVU20A,
 *    or not a PFS service) falls back to the CPT surgery section 10004-69990 as a minor
 *    procedure (25, same day). When the E/M already carries the modifier and the payer bundled
 *    it (CARC 97, 234, 236), the finding is 'bundling': appeal with the documentation.
 * 2. An imported NCCI procedure-to-procedure edit whose column-two code is the denied line:
 *    indicator 0 → never payable together (bundling); indicator 1 → payable with a
 *    distinct-service modifier: missing when none was billed, 'bundling' (appeal) when one was.
 *    NCCI never accepts 59 or X{EPSU} on an E/M: a column-two E/M takes 25, and is left to rule
 *    1 when rule 1 already speaks for it.
 * 3. The payer's own NCCI denial (CARC 236) on a same-day pair of procedures: without 59/XE/XS/
 *    XP/XU on either line, the modifier is missing (unless an imported edit has indicator 0);
 *    with one, the denial is bundling (appeal). On an E/M, 236 with 25/57 billed is bundling;
 *    without, only rules 1 and 2 speak (never 59/X{EPSU} on an E/M).
 * 4. Side of the body, by the PFS bilateral-surgery indicator on the date: 1 → RT or LT for
 *    one side, 50 for both; 3 → RT or LT (each side on its own line); 2 (the code is priced as
 *    bilateral already: CMS PFS relative value file layout), 0 or 9 → no side modifier is needed. Codes the fee schedule does not list fall back to the hand list
 *    ref_procedure_groups 'lateral'. A finding needs a linked diagnosis that names the side.
 * The work tables are named for the review (denied_…); another scope's carry its prefix (scope.ts).
 */
const DISTINCT_PROCEDURE_MODIFIERS_SQL = sql`${['59', 'XE', 'XS', 'XP', 'XU']}`;
const BUNDLING_CARCS_SQL = sql`${['97', '234', '236']}`;
const SIDE_MODIFIERS_SQL = sql`${['RT', 'LT', '50', 'E1', 'E2', 'E3', 'E4', 'FA', 'TA', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`F${n}`, `T${n}`])]}`;
const isEmSql = (code: Sql): Sql => sql`${code} IN (SELECT code FROM ref_procedure_groups WHERE grp = 'em')`;
/** "modifiers 25, RT" / "no modifier" */
const billedModifiersSql = (list: Sql): Sql =>
  sql`CASE WHEN len(coalesce(${list}, [])) = 0 THEN 'no modifier' ELSE 'modifier' || CASE WHEN len(${list}) > 1 THEN 's ' ELSE ' ' END || array_to_string(${list}, ', ') END`;
const GLOBAL_TEXT_SQL = sql`CASE g.global_days WHEN '000' THEN '0-day' WHEN '010' THEN '10-day' ELSE '90-day' END || ' global per ' || g.citation`;
/** The payer's bundling reasons on a line: 'CO-97, CO-236' */
const bundlingReasonsSql = (reasons: Sql, lineId: Sql): Sql => sql`(SELECT string_agg(DISTINCT coalesce(r.group_code || '-', '') || r.carc, ', ')
  FROM ${reasons} r WHERE r.line_id = ${lineId} AND list_contains(${BUNDLING_CARCS_SQL}, r.carc))`;

export const modifierFindingsSql = ({ prefix: p, neighbours, reasons, findings, outgoing }: RuleScope): Sql => sql`
-- Rule 1: the procedures billed with a denied E/M by the same provider: on its claim the same day or the day after,
-- or on another claim of the same patient the day after
CREATE OR REPLACE TABLE ${p}em_companions AS
WITH em AS (
  SELECT line_id, claim_key, patient_account, provider, billed_procedure AS em_code, modifiers AS em_modifiers, service_date
  FROM ${p}denied_lines_ctx WHERE service_date IS NOT NULL AND ${isEmSql(sql`billed_procedure`)}
), others AS (
  SELECT claim_key, patient_account, provider, billed_procedure AS procedure, service_date AS procedure_date
  FROM ${neighbours}
  WHERE NOT is_reversal AND billed_procedure IS NOT NULL AND service_date IS NOT NULL AND NOT ${isEmSql(sql`billed_procedure`)}
), same_patient AS (
  SELECT em.*, o.provider AS procedure_provider, o.procedure, o.procedure_date FROM em JOIN others o ON o.claim_key = em.claim_key
  UNION
  -- the surgery the day after the deciding visit is usually on a claim of its own: same patient account
  SELECT em.*, o.provider, o.procedure, o.procedure_date FROM em JOIN others o ON o.patient_account = em.patient_account
  WHERE o.procedure_date = em.service_date + 1
)
SELECT DISTINCT line_id, em_code, em_modifiers, service_date, procedure, procedure_date
FROM same_patient
WHERE procedure_date IN (service_date, service_date + 1)
  AND (provider IS NULL OR procedure_provider IS NULL OR provider = procedure_provider);

CREATE OR REPLACE TABLE ${p}em_companion_globals AS
SELECT c.*, x.global_days, ${pfsCitationSql(sql`x`)} AS citation,
  CASE WHEN x.global_days IN ('000', '010') AND c.procedure_date = c.service_date THEN '25'
       WHEN x.global_days = '090' THEN '57'
       WHEN x.global_days IS NULL AND c.procedure_date = c.service_date AND regexp_matches(c.procedure, '^[0-9]{5}$')
            AND c.procedure::INTEGER BETWEEN 10004 AND 69990 THEN '25'
  END AS needed
FROM ${p}em_companions c
LEFT JOIN (${pfsIndicatorsSql(sql`(SELECT procedure AS code, procedure_date AS service_date FROM ${p}em_companions)`)}) x
  ON x.code = c.procedure AND x.service_date = c.procedure_date;

-- one row per E/M line that needs 25 or 57: 57 when a 90-day global is among its procedures
CREATE OR REPLACE TABLE ${p}em_global_needs AS
SELECT g.line_id, any_value(g.em_code) AS em_code, any_value(g.em_modifiers) AS em_modifiers, any_value(g.service_date) AS service_date,
  CASE WHEN bool_or(g.needed = '57') THEN '57' ELSE '25' END AS needed,
  list(DISTINCT g.procedure ORDER BY g.procedure) AS procedures,
  string_agg(g.procedure || CASE WHEN g.procedure_date <> g.service_date THEN ' on ' || g.procedure_date ELSE '' END || ' ('
    || CASE WHEN g.global_days IS NULL THEN 'not in the loaded CMS fee schedule on that date; CPT surgery section, taken as a minor procedure'
            ELSE ${GLOBAL_TEXT_SQL} END || ')', '; ' ORDER BY g.procedure) AS procedures_text
FROM ${p}em_companion_globals g
WHERE g.needed IS NOT NULL
GROUP BY g.line_id;

INSERT INTO ${findings}
SELECT n.line_id, 'missing_modifier', 'rule',
  n.em_code || ' (billed with ' || ${billedModifiersSql(sql`n.em_modifiers`)} || ') and ' || n.procedures_text
  || CASE WHEN n.needed = '57'
       THEN ': the visit that decides a major surgery, the day before or the day of it, takes modifier 57'
       ELSE ': a significant, separately identifiable E/M on the day of a minor procedure takes modifier 25' END,
  list_concat([n.em_code], n.procedures),
  CASE WHEN n.needed = '57' AND list_contains(n.em_modifiers, '25')
         THEN 'If ' || n.em_code || ' was the decision for surgery (documented), replace 25 with 57 on it and submit a corrected claim.'
       WHEN n.needed = '57'
         THEN 'If ' || n.em_code || ' was the decision for surgery (documented), append 57 to it and submit a corrected claim.'
       WHEN list_contains(n.em_modifiers, '57')
         THEN 'Replace 57 with 25 on ' || n.em_code || ' (57 is for the decision for a major surgery) if the E/M was significant and separately identifiable from '
           || array_to_string(n.procedures, ', ') || ' (documented), and submit a corrected claim.'
       ELSE 'Append 25 to ' || n.em_code || ' if the E/M was significant and separately identifiable from '
         || array_to_string(n.procedures, ', ') || ' (documented), and submit a corrected claim.' END,
  3
FROM ${p}em_global_needs n
WHERE NOT list_contains(n.em_modifiers, n.needed);

INSERT INTO ${findings}
SELECT n.line_id, 'bundling', 'rule',
  n.em_code || ' already carries modifier ' || n.needed || ', billed with ' || n.procedures_text
  || '; the payer still bundled it: ' || ${bundlingReasonsSql(reasons, sql`n.line_id`)},
  list_concat([n.em_code], n.procedures),
  'Do not resubmit with another modifier: appeal with the visit note showing '
  || CASE WHEN n.needed = '57' THEN 'that ' || n.em_code || ' was the decision for surgery.'
          ELSE 'a significant, separately identifiable E/M beyond the usual care of ' || array_to_string(n.procedures, ', ') || '.' END,
  3
FROM ${p}em_global_needs n
WHERE list_contains(n.em_modifiers, n.needed)
  AND EXISTS (SELECT 1 FROM ${reasons} r WHERE r.line_id = n.line_id AND list_contains(${BUNDLING_CARCS_SQL}, r.carc));

-- Rules 2 and 3: same-day pairs of different procedures with a denied line
CREATE OR REPLACE TABLE ${p}denied_pairs AS
SELECT DISTINCT l.line_id, l.billed_procedure AS procedure_a, o.billed_procedure AS procedure_b, l.service_date,
  l.modifiers AS modifiers_a,
  len(list_intersect(list_concat(l.modifiers, o.modifiers), ${DISTINCT_PROCEDURE_MODIFIERS_SQL})) > 0 AS has_distinct_modifier,
  ${isEmSql(sql`l.billed_procedure`)} AS a_is_em, ${isEmSql(sql`o.billed_procedure`)} AS b_is_em
FROM ${p}denied_lines_ctx l
JOIN ${neighbours} o ON o.claim_key = l.claim_key AND o.line_id <> l.line_id AND o.service_date = l.service_date
  AND NOT o.is_reversal AND o.billed_procedure IS NOT NULL AND o.billed_procedure <> l.billed_procedure;

CREATE OR REPLACE TABLE ${p}denied_pair_edits AS
SELECT p.line_id, p.procedure_a, p.procedure_b, p.modifiers_a, p.has_distinct_modifier, p.a_is_em,
  e.column1, e.column2, e.effective, e.modifier_indicator
FROM ${p}denied_pairs p
JOIN (${ncciPtpEditsSql(sql`${p}denied_pairs`)}) e
  ON e.procedure_a = p.procedure_a AND e.procedure_b = p.procedure_b AND e.service_date = p.service_date
WHERE e.column2 = p.procedure_a AND e.modifier_indicator IN ('0', '1');

INSERT INTO ${findings}
SELECT line_id,
  CASE WHEN modifier_indicator = '0' OR (a_is_em AND len(list_intersect(modifiers_a, ['25', '57'])) > 0) OR (NOT a_is_em AND has_distinct_modifier)
       THEN 'bundling' ELSE 'missing_modifier' END,
  'rule',
  'NCCI edit ' || column1 || '/' || column2 || ' (effective ' || effective || ', modifier indicator ' || modifier_indicator || '): '
  || CASE WHEN modifier_indicator = '0' THEN 'never payable together, a modifier does not help'
          WHEN a_is_em AND len(list_intersect(modifiers_a, ['25', '57'])) > 0
            THEN 'payable together when the E/M is significant and separately identifiable; ' || column2 || ' carries ' || array_to_string(list_intersect(modifiers_a, ['25', '57']), ', ') || ' and was still denied'
          WHEN a_is_em THEN 'payable together when the E/M is significant and separately identifiable, with modifier 25 on ' || column2 || ' (billed with ' || ${billedModifiersSql(sql`modifiers_a`)} || ')'
          WHEN has_distinct_modifier THEN 'payable together with 59/XE/XS/XP/XU when the services are distinct; one was billed and the pair was still denied'
          ELSE 'payable together only with 59/XE/XS/XP/XU when the services are distinct; none was billed' END,
  [column1, column2],
  CASE WHEN modifier_indicator = '0' THEN 'Do not bill ' || column2 || ' with ' || column1 || ' on the same day; write it off.'
       WHEN a_is_em AND len(list_intersect(modifiers_a, ['25', '57'])) > 0
         THEN 'Do not resubmit with another modifier: appeal with the visit note showing ' || column2 || ' was significant and separately identifiable from ' || column1 || '.'
       WHEN a_is_em THEN 'Append 25 to ' || column2 || ' if the E/M was significant and separately identifiable from ' || column1
         || ' (documented), and submit a corrected claim; NCCI does not accept 59 or XE/XS/XP/XU on an E/M.'
       WHEN has_distinct_modifier THEN 'Do not resubmit with another modifier: appeal with documentation that ' || column2 || ' was distinct from ' || column1 || ' (other site, session or encounter).'
       ELSE 'If ' || column2 || ' was a distinct service (other site, session or encounter), append XS/XE/XU (or 59) to it and submit a corrected claim.' END,
  3
FROM ${p}denied_pair_edits
WHERE NOT (a_is_em AND line_id IN (SELECT line_id FROM ${p}em_global_needs))${
  outgoing
    ? sql`
  -- a line not sent yet that carries the modifier the edit asks for is fine
  AND (modifier_indicator = '0' OR NOT ((a_is_em AND len(list_intersect(modifiers_a, ['25', '57'])) > 0) OR (NOT a_is_em AND has_distinct_modifier)))`
    : sql``
};

INSERT INTO ${findings}
SELECT p.line_id, CASE WHEN bool_or(p.has_distinct_modifier) THEN 'bundling' ELSE 'missing_modifier' END, 'rule',
  'The payer''s NCCI denial (CARC 236) is about a procedure/modifier combination: ' || any_value(p.procedure_a)
  || ' was billed with ' || string_agg(DISTINCT p.procedure_b, ', ' ORDER BY p.procedure_b) || ' on ' || any_value(p.service_date)
  || CASE WHEN bool_or(p.has_distinct_modifier) THEN ' and the pair already carries 59, XE, XS, XP or XU'
          ELSE ' and none of them carries 59, XE, XS, XP or XU' END,
  list_concat([any_value(p.procedure_a)], list(DISTINCT p.procedure_b ORDER BY p.procedure_b)),
  CASE WHEN bool_or(p.has_distinct_modifier)
    THEN 'Do not resubmit with another modifier: appeal with documentation that ' || any_value(p.procedure_a) || ' was distinct from '
      || string_agg(DISTINCT p.procedure_b, ', ' ORDER BY p.procedure_b) || ' (separate session, site or time).'
    ELSE 'If ' || any_value(p.procedure_a) || ' was distinct from ' || string_agg(DISTINCT p.procedure_b, ', ' ORDER BY p.procedure_b)
      || ' (separate session, site or time), append XS/XU (or 59) to it and submit a corrected claim; if the NCCI edit allows no modifier, write it off.' END,
  3
FROM ${p}denied_pairs p
WHERE NOT p.a_is_em AND NOT p.b_is_em
  AND EXISTS (SELECT 1 FROM ${reasons} r WHERE r.line_id = p.line_id AND r.carc = '236')
  AND NOT EXISTS (SELECT 1 FROM ${p}denied_pair_edits e WHERE e.line_id = p.line_id)
GROUP BY p.line_id;

INSERT INTO ${findings}
SELECT l.line_id, 'bundling', 'rule',
  'The payer''s NCCI denial (CARC 236) of ' || l.billed_procedure || ', which carries modifier '
  || array_to_string(list_intersect(l.modifiers, ['25', '57']), ', ') || ', billed with ' || string_agg(DISTINCT p.procedure_b, ', ' ORDER BY p.procedure_b) || ' on ' || l.service_date,
  list_concat([l.billed_procedure], list(DISTINCT p.procedure_b ORDER BY p.procedure_b)),
  'Do not resubmit with another modifier (NCCI accepts no 59 or XE/XS/XP/XU on an E/M): appeal with the visit note showing '
  || l.billed_procedure || ' was significant and separately identifiable.',
  3
FROM ${p}denied_lines_ctx l JOIN ${p}denied_pairs p ON p.line_id = l.line_id
WHERE p.a_is_em AND len(list_intersect(l.modifiers, ['25', '57'])) > 0
  AND EXISTS (SELECT 1 FROM ${reasons} r WHERE r.line_id = l.line_id AND r.carc = '236')
  AND l.line_id NOT IN (SELECT line_id FROM ${p}em_global_needs)
  AND l.line_id NOT IN (SELECT line_id FROM ${p}denied_pair_edits)
GROUP BY l.line_id, l.billed_procedure, l.modifiers, l.service_date;

-- Rule 4: side of the body
CREATE OR REPLACE TABLE ${p}denied_side_codes AS
SELECT l.line_id, l.billed_procedure, x.bilateral, CASE WHEN x.bilateral IS NULL THEN NULL ELSE ${pfsCitationSql(sql`x`)} END AS citation
FROM ${p}denied_lines_ctx l
LEFT JOIN (${pfsIndicatorsSql(sql`(SELECT billed_procedure AS code, service_date FROM ${p}denied_lines_ctx)`)}) x
  ON x.code = l.billed_procedure AND x.service_date = l.service_date
WHERE len(list_intersect(l.modifiers, ${SIDE_MODIFIERS_SQL})) = 0
  AND (x.bilateral IN ('1', '3')
       OR (x.bilateral IS NULL AND l.billed_procedure IN (SELECT code FROM ref_procedure_groups WHERE grp = 'lateral')));

INSERT INTO ${findings}
SELECT c.line_id, 'missing_modifier', 'rule',
  c.billed_procedure || ' was billed without RT, LT or 50, while ' || dl_icd_dotted(s.code) || ' (' || s.short_desc || ') gives the side: ' || s.laterality
  || CASE WHEN c.bilateral = '1' THEN '; bilateral-surgery indicator 1 (' || c.citation || '): RT or LT for one side, 50 for both'
          WHEN c.bilateral IS NOT NULL THEN '; bilateral-surgery indicator ' || c.bilateral || ' (' || c.citation || '): each side is billed with RT or LT'
          ELSE '; not in the loaded CMS fee schedule on that date, a one-side procedure by our hand list' END,
  [c.billed_procedure, dl_icd_dotted(s.code)],
  CASE WHEN s.laterality = 'right' THEN 'Append RT to ' || c.billed_procedure
       WHEN s.laterality = 'left' THEN 'Append LT to ' || c.billed_procedure
       WHEN c.bilateral = '1' THEN 'Append 50 to ' || c.billed_procedure || ' (one line)'
       WHEN c.bilateral IS NOT NULL THEN 'Bill ' || c.billed_procedure || ' once with RT and once with LT'
       ELSE 'Append 50 to ' || c.billed_procedure || ' (or bill RT and LT)' END || ' and submit a corrected claim.',
  3
FROM ${p}denied_side_codes c
JOIN ${p}denied_dx d ON d.line_id = c.line_id
JOIN ${p}denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date AND s.laterality IN ('right', 'left', 'bilateral')
QUALIFY row_number() OVER (PARTITION BY c.line_id ORDER BY d.ord) = 1;
`;

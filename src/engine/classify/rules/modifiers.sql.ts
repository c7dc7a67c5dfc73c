import { NCCI_PTP_EDITS_SQL } from '../../reference/lookups.sql.ts';

/**
 * Missing-modifier rules proven by the claim itself:
 * 1. E/M + minor procedure on the same day without 25 on the E/M. Procedures
 *    here are the CPT surgery section (10004–69990) and therapeutic injection
 *    96372: the services the CMS NCCI Policy Manual for Medicare Services
 *    (Chapter I, General Correct Coding Policies, E&M services) treats as
 *    including the same-day E/M unless it is significant and separately
 *    identifiable (modifier 25). Labs, X-rays and ECGs do not need 25.
 * 2. An NCCI procedure-to-procedure edit: with modifier indicator 1 the pair is
 *    payable with 59/XE/XS/XP/XU when distinct (missing modifier); with 0 it is
 *    never payable together (bundling, not fixable by a modifier).
 * 3. The payer's own NCCI denial (CARC 236: "procedure or procedure/modifier
 *    combination not compatible … according to NCCI") on a same-day pair where
 *    neither line carries 59/XE/XS/XP/XU: the combination lacks the modifier that
 *    makes distinct services payable — unless an imported NCCI edit for the pair
 *    has modifier indicator 0 (then rule 2 calls it bundling).
 * 4. A one-side procedure (ref_procedure_groups 'lateral') without RT/LT/50
 *    while a linked diagnosis names a side.
 */
const DISTINCT_PROCEDURE_MODIFIERS = "['59', 'XE', 'XS', 'XP', 'XU']";

export const MODIFIER_FINDINGS_SQL = /* sql */ `
CREATE OR REPLACE TABLE denied_lines_ctx AS
SELECT al.* FROM analysis_lines al JOIN line_denials d USING (line_id) WHERE d.denial_type IS NOT NULL AND al.billed_procedure IS NOT NULL;

INSERT INTO findings
SELECT em.line_id, 'missing_modifier', 'rule',
  em.billed_procedure || ' was billed with ' || string_agg(DISTINCT o.billed_procedure, ', ' ORDER BY o.billed_procedure)
  || ' on the same day (' || em.service_date || ') by the same provider without modifier 25',
  list_concat([em.billed_procedure], list(DISTINCT o.billed_procedure ORDER BY o.billed_procedure)),
  'Append modifier 25 to ' || em.billed_procedure || ' if the E/M was significant and separately identifiable, and submit a corrected claim.',
  3
FROM denied_lines_ctx em
JOIN ref_procedure_groups g ON g.code = em.billed_procedure AND g.grp = 'em'
JOIN analysis_lines o ON o.claim_key = em.claim_key AND o.line_id <> em.line_id AND o.service_date = em.service_date
  AND NOT o.is_reversal
  AND (o.billed_procedure = '96372' OR (regexp_matches(o.billed_procedure, '^[0-9]{5}$') AND o.billed_procedure::INTEGER BETWEEN 10004 AND 69990))
WHERE NOT list_contains(em.modifiers, '25')
GROUP BY em.line_id, em.billed_procedure, em.service_date;

CREATE OR REPLACE TABLE denied_pairs AS
SELECT DISTINCT l.line_id, l.billed_procedure AS procedure_a, o.billed_procedure AS procedure_b, l.service_date,
  len(list_intersect(list_concat(l.modifiers, o.modifiers), ${DISTINCT_PROCEDURE_MODIFIERS})) > 0 AS has_distinct_modifier
FROM denied_lines_ctx l
JOIN analysis_lines o ON o.claim_key = l.claim_key AND o.line_id <> l.line_id AND o.service_date = l.service_date
  AND NOT o.is_reversal AND o.billed_procedure IS NOT NULL AND o.billed_procedure <> l.billed_procedure;

CREATE OR REPLACE TABLE denied_pair_edits AS
SELECT p.line_id, p.procedure_a, p.procedure_b, p.has_distinct_modifier, e.column1, e.column2, e.effective, e.modifier_indicator
FROM denied_pairs p
JOIN (${NCCI_PTP_EDITS_SQL('denied_pairs')}) e
  ON e.procedure_a = p.procedure_a AND e.procedure_b = p.procedure_b AND e.service_date = p.service_date
WHERE e.column2 = p.procedure_a;

INSERT INTO findings
SELECT line_id,
  CASE WHEN modifier_indicator = '1' THEN 'missing_modifier' ELSE 'bundling' END,
  'rule',
  'NCCI edit ' || column1 || '/' || column2 || ' (effective ' || effective || ', modifier indicator ' || modifier_indicator || '): '
  || CASE WHEN modifier_indicator = '1' THEN 'payable together only with 59/XE/XS/XP/XU when the services are distinct; none was billed'
          ELSE 'never payable together, a modifier does not help' END,
  [column1, column2],
  CASE WHEN modifier_indicator = '1'
    THEN 'If ' || column2 || ' was a distinct service (other site, session or encounter), append XS/XE/XU (or 59) to it and submit a corrected claim.'
    ELSE 'Do not bill ' || column2 || ' with ' || column1 || ' on the same day; write it off.' END,
  3
FROM denied_pair_edits
WHERE modifier_indicator IN ('0', '1') AND NOT has_distinct_modifier;

INSERT INTO findings
SELECT p.line_id, 'missing_modifier', 'rule',
  'The payer''s NCCI denial (CARC 236) is about a procedure/modifier combination: ' || any_value(l.billed_procedure)
  || ' was billed with ' || string_agg(DISTINCT p.procedure_b, ', ' ORDER BY p.procedure_b) || ' on ' || any_value(l.service_date)
  || ' and none of them carries 59, XE, XS, XP or XU',
  list_concat([any_value(l.billed_procedure)], list(DISTINCT p.procedure_b ORDER BY p.procedure_b)),
  'If ' || any_value(l.billed_procedure) || ' was distinct from ' || string_agg(DISTINCT p.procedure_b, ', ' ORDER BY p.procedure_b)
  || ' (separate session, site or time), append XS/XU (or 59) to it and submit a corrected claim; if the NCCI edit allows no modifier, write it off.',
  3
FROM denied_pairs p
JOIN denied_lines_ctx l ON l.line_id = p.line_id
WHERE NOT p.has_distinct_modifier
  AND EXISTS (SELECT 1 FROM line_reasons r WHERE r.line_id = p.line_id AND r.carc = '236')
  AND NOT EXISTS (SELECT 1 FROM denied_pair_edits e WHERE e.line_id = p.line_id AND e.modifier_indicator = '0')
GROUP BY p.line_id;

INSERT INTO findings
SELECT l.line_id, 'missing_modifier', 'rule',
  l.billed_procedure || ' is done on one side of the body but was billed without RT, LT or 50, while '
  || dl_icd_dotted(s.code) || ' (' || s.short_desc || ') gives the side: ' || s.laterality,
  [l.billed_procedure, dl_icd_dotted(s.code)],
  'Append ' || CASE s.laterality WHEN 'right' THEN 'RT' WHEN 'left' THEN 'LT' ELSE '50 (or RT and LT)' END || ' to ' || l.billed_procedure || ' and submit a corrected claim.',
  3
FROM denied_lines_ctx l
JOIN ref_procedure_groups g ON g.code = l.billed_procedure AND g.grp = 'lateral'
JOIN denied_dx d ON d.line_id = l.line_id
JOIN denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date AND s.laterality IN ('right', 'left', 'bilateral')
WHERE len(list_intersect(l.modifiers, ['RT', 'LT', '50'])) = 0
QUALIFY row_number() OVER (PARTITION BY l.line_id ORDER BY d.ord) = 1;
`;

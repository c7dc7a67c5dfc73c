import { icd10cmStatusSql, procedureStatusSql } from '../../reference/lookups.sql.ts';
import { sql, type Sql } from '../../db/sql.ts';
import type { RuleScope } from './scope.ts';

/**
 * What the code data proves about the codes on denied lines: a diagnosis or
 * procedure not valid on the date of service ('outdated'), and an unspecified
 * diagnosis where billable, more specific codes exist ('unspecified').
 * Diagnoses on dates no loaded release covers are reported as such, never as valid or invalid.
 * The tables are named for the review (denied_…); a batch's carry its scope's prefix.
 */
export const codeStatusSql = ({ prefix: p, lines }: RuleScope) => sql`
CREATE OR REPLACE TABLE ${p}denied_lines_ctx AS
SELECT * FROM ${lines} WHERE billed_procedure IS NOT NULL;

CREATE OR REPLACE TABLE ${p}denied_dx AS
SELECT al.line_id, al.service_date, x.code, x.ord
FROM ${lines} al,
  LATERAL (SELECT unnest(al.diagnoses) AS code, generate_subscripts(al.diagnoses, 1) AS ord) x
WHERE al.service_date IS NOT NULL;

CREATE OR REPLACE TABLE ${p}denied_dx_status AS
${icd10cmStatusSql(sql`(SELECT code, service_date FROM ${p}denied_dx)`)};

CREATE OR REPLACE TABLE ${p}denied_procedure_status AS
${procedureStatusSql(sql`(SELECT billed_procedure AS code, service_date FROM ${p}denied_lines_ctx)`)};
`;

const dottedListSql = (list: Sql): Sql => sql`list_transform(${list}, lambda c: dl_icd_dotted(c))`;
/** 'A, B or C' */
const orListSql = (list: Sql): Sql => sql`CASE WHEN len(${list}) = 1 THEN ${list}[1]
  ELSE array_to_string(${list}[1:-2], ', ') || ' or ' || ${list}[-1] END`;
/** The suggested codes of a status row `s`, dotted: 'A, B or C', or 'A, B, C, … (n in all)' when there are more. */
const suggestedTextSql = (s: Sql): Sql => sql`CASE WHEN ${s}.valid_code_count > len(${s}.valid_codes)
  THEN array_to_string(${dottedListSql(sql`${s}.valid_codes`)}, ', ') || ', … (' || ${s}.valid_code_count || ' in all)'
  ELSE ${orListSql(dottedListSql(sql`${s}.valid_codes`))} END`;
/** The fix names the same codes as the evidence. */
const rebillWithSql = (s: Sql, code: Sql): Sql => sql`'Rebill with ' || array_to_string(${dottedListSql(sql`${s}.valid_codes`)}, '/')
  || CASE WHEN ${s}.valid_code_count > len(${s}.valid_codes) THEN '/…' ELSE '' END
  || CASE WHEN len(${s}.valid_codes) > 1 THEN ' (whichever the documentation supports)' ELSE '' END || ' instead of ' || ${code}`;

/**
 * Diagnoses not valid on the date of service: deleted, not yet valid, a header (not billable, or
 * missing its 7th character / X placeholders), or no code of the loaded releases at all. The
 * evidence says what is wrong and names the valid codes of that date (lookups.sql.ts).
 */
export const outdatedFindingsSql = ({ prefix: p, findings }: RuleScope) => sql`
INSERT INTO ${findings}
SELECT DISTINCT d.line_id, 'outdated', 'reference',
  dl_icd_dotted(d.code) || CASE s.status
    WHEN 'header' THEN CASE s.problem
      WHEN 'missing_7th_character' THEN ' is incomplete on ' || d.service_date || ': it needs a 7th character (' || ${suggestedTextSql(sql`s`)} || ')'
      WHEN 'missing_placeholder' THEN ' is incomplete on ' || d.service_date || ': it needs placeholder X and a 7th character (' || ${suggestedTextSql(sql`s`)} || ')'
      ELSE ' is a header, not billable on ' || d.service_date
        || CASE WHEN s.billable_until IS NOT NULL THEN ' (billable until ' || s.billable_until || ')' ELSE '' END
        || coalesce('; billable codes under it: ' || ${suggestedTextSql(sql`s`)}, '') END
    WHEN 'invalid' THEN ' is not an ICD-10-CM code on ' || d.service_date || CASE s.problem
      WHEN 'missing_placeholder' THEN ': placeholder X missing (' || ${suggestedTextSql(sql`s`)} || ')'
      WHEN 'missing_7th_character' THEN ': a 7th character is missing (' || ${suggestedTextSql(sql`s`)} || ')'
      WHEN 'incomplete' THEN ': it is the start of longer codes (' || ${suggestedTextSql(sql`s`)} || ')'
      WHEN 'extra_character' THEN ': one character too many (' || ${suggestedTextSql(sql`s`)} || ')'
      ELSE ' (no code of that date is one character away)' END
    WHEN 'deleted' THEN ' was deleted ' || coalesce((s.billable_until + 1)::VARCHAR, 'before ' || d.service_date) || ' (not valid on ' || d.service_date || ')'
      || CASE WHEN len(s.replacements) > 0 THEN '; use ' || ${orListSql(dottedListSql(sql`s.replacements`))} ELSE '' END
    ELSE ' is not valid until ' || s.valid_from || ' (date of service ' || d.service_date || ')' END,
  [dl_icd_dotted(d.code)],
  CASE WHEN s.status IN ('header', 'invalid') AND len(s.valid_codes) > 0 THEN ${rebillWithSql(sql`s`, sql`dl_icd_dotted(d.code)`)} || '.'
    WHEN s.status = 'deleted' AND len(s.replacements) > 0
    THEN 'Rebill with ' || array_to_string(${dottedListSql(sql`s.replacements`)}, '/') || ' (whichever the documentation supports) instead of ' || dl_icd_dotted(d.code) || '.'
    ELSE 'Replace ' || dl_icd_dotted(d.code) || ' with a code valid on ' || d.service_date || ' and submit a corrected claim.' END,
  3
FROM ${p}denied_dx d JOIN ${p}denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date
WHERE s.status IN ('header', 'invalid', 'deleted', 'not_yet_valid');

INSERT INTO ${findings}
SELECT al.line_id, 'outdated', 'reference',
  s.code_system || ' ' || s.code || CASE s.status
    WHEN 'deleted' THEN ' was deleted ' || (s.valid_to + 1) || ' (not valid on ' || al.service_date || ')'
    ELSE ' is not valid until ' || s.valid_from || ' (date of service ' || al.service_date || ')' END
  || CASE WHEN len(s.replacements) > 0 THEN '; current codes: ' || array_to_string(s.replacements, ', ') ELSE '' END
  || ' [' || s.source || ']',
  [s.code],
  'Replace ' || s.code || CASE WHEN len(s.replacements) > 0 THEN ' with the current code (' || array_to_string(s.replacements, ', ') || ') that the documentation supports' ELSE ' with a current code' END || ' and submit a corrected claim.',
  3
FROM ${p}denied_lines_ctx al
JOIN ${p}denied_procedure_status s ON s.code = al.billed_procedure AND s.service_date = al.service_date
WHERE s.status IN ('deleted', 'not_yet_valid');
`;

/**
 * Unspecified diagnoses where more specific billable codes of the same category are valid on the
 * date of service: the evidence names the nearest (same parent first, then wider; lookups.sql.ts)
 * and the fix the same codes.
 */
export const unspecifiedFindingsSql = ({ prefix: p, findings }: RuleScope) => sql`
INSERT INTO ${findings}
SELECT DISTINCT d.line_id, 'unspecified', 'reference',
  dl_icd_dotted(d.code) || ' (' || s.short_desc || ') is an unspecified code'
  || CASE WHEN s.laterality = 'unspecified' THEN ' (side not given)' ELSE '' END
  || CASE WHEN len(s.valid_codes) > 0 THEN '; more specific codes on ' || d.service_date || ': ' || ${suggestedTextSql(sql`s`)} ELSE '' END,
  [dl_icd_dotted(d.code)],
  CASE WHEN len(s.valid_codes) > 0 THEN ${rebillWithSql(sql`s`, sql`dl_icd_dotted(d.code)`)}
    ELSE 'Rebill with the specific code the documentation supports instead of ' || dl_icd_dotted(d.code) END
  || CASE WHEN s.laterality = 'unspecified' THEN ', stating the side' ELSE '' END || '.',
  3
FROM ${p}denied_dx d JOIN ${p}denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date
WHERE s.status = 'valid' AND (s.unspecified OR s.laterality = 'unspecified');
`;

/** Diagnoses the reference cannot answer for: said, so "unknown" is never mistaken for "valid". */
export const unknownReferenceFindingsSql = ({ prefix: p, findings }: RuleScope) => sql`
INSERT INTO ${findings}
SELECT DISTINCT d.line_id, NULL, 'reference',
  dl_icd_dotted(d.code) || ' is unknown to the loaded ICD-10-CM reference for ' || d.service_date
  || ' (import the release for that fiscal year on the Reference page)', [dl_icd_dotted(d.code)], NULL, 9
FROM ${p}denied_dx d JOIN ${p}denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date
WHERE s.status = 'unknown';
`;

import { ICD10CM_STATUS_SQL, PROCEDURE_STATUS_SQL } from '../../reference/lookups.sql.ts';

/**
 * What the code data proves about the codes on denied lines: a diagnosis or
 * procedure not valid on the date of service ('outdated'), and an unspecified
 * diagnosis where billable, more specific codes exist ('unspecified').
 * Codes without reference data are reported as such, never as valid or invalid.
 */
export const DENIED_CODES_SQL = /* sql */ `
CREATE OR REPLACE TABLE denied_dx AS
SELECT al.line_id, al.service_date, x.code, x.ord
FROM analysis_lines al JOIN line_denials d USING (line_id),
  LATERAL (SELECT unnest(al.diagnoses) AS code, generate_subscripts(al.diagnoses, 1) AS ord) x
WHERE d.denial_type IS NOT NULL AND al.service_date IS NOT NULL;

CREATE OR REPLACE TABLE denied_dx_status AS
${ICD10CM_STATUS_SQL('(SELECT code, service_date FROM denied_dx)')};

CREATE OR REPLACE TABLE denied_procedure_status AS
${PROCEDURE_STATUS_SQL(`(SELECT al.billed_procedure AS code, al.service_date FROM analysis_lines al JOIN line_denials d USING (line_id)
  WHERE d.denial_type IS NOT NULL AND al.billed_procedure IS NOT NULL)`)};
`;

const DOTTED_LIST = (list: string) => `list_transform(${list}, lambda c: dl_icd_dotted(c))`;
/** 'A, B or C' */
const OR_LIST = (list: string) => `CASE WHEN len(${list}) = 1 THEN ${list}[1]
  ELSE array_to_string(${list}[1:-2], ', ') || ' or ' || ${list}[-1] END`;

export const OUTDATED_FINDINGS_SQL = /* sql */ `
INSERT INTO findings
SELECT d.line_id, 'outdated', 'reference',
  dl_icd_dotted(d.code) || CASE s.status
    WHEN 'header' THEN ' is not billable on ' || d.service_date || ': since ' || (s.billable_until + 1) || ' it is a category heading with more specific codes'
    WHEN 'deleted' THEN ' was deleted ' || coalesce((s.billable_until + 1)::VARCHAR, 'before ' || d.service_date) || ' (not valid on ' || d.service_date || ')'
    ELSE ' is not valid until ' || s.valid_from || ' (date of service ' || d.service_date || ')' END
  || CASE WHEN len(s.replacements) > 0 THEN '; use ' || ${OR_LIST(DOTTED_LIST('s.replacements'))} ELSE '' END,
  [dl_icd_dotted(d.code)],
  CASE WHEN len(s.replacements) > 0
    THEN 'Rebill with ' || array_to_string(${DOTTED_LIST('s.replacements')}, '/') || ' (whichever the documentation supports) instead of ' || dl_icd_dotted(d.code) || '.'
    ELSE 'Replace ' || dl_icd_dotted(d.code) || ' with a code valid on ' || d.service_date || ' and submit a corrected claim.' END,
  3
FROM denied_dx d JOIN denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date
WHERE s.status IN ('header', 'deleted', 'not_yet_valid');

INSERT INTO findings
SELECT al.line_id, 'outdated', 'reference',
  s.code_system || ' ' || s.code || CASE s.status
    WHEN 'deleted' THEN ' was deleted ' || (s.valid_to + 1) || ' (not valid on ' || al.service_date || ')'
    ELSE ' is not valid until ' || s.valid_from || ' (date of service ' || al.service_date || ')' END
  || CASE WHEN len(s.replacements) > 0 THEN '; current codes: ' || array_to_string(s.replacements, ', ') ELSE '' END
  || ' [' || s.source || ']',
  [s.code],
  'Replace ' || s.code || CASE WHEN len(s.replacements) > 0 THEN ' with the current code (' || array_to_string(s.replacements, ', ') || ') that the documentation supports' ELSE ' with a current code' END || ' and submit a corrected claim.',
  3
FROM analysis_lines al JOIN line_denials d USING (line_id)
JOIN denied_procedure_status s ON s.code = al.billed_procedure AND s.service_date = al.service_date
WHERE d.denial_type IS NOT NULL AND s.status IN ('deleted', 'not_yet_valid');
`;

/** Billable siblings under the same parent (M25569 → M25561, M25562) valid on the date of service. */
export const UNSPECIFIED_FINDINGS_SQL = /* sql */ `
INSERT INTO findings
WITH u AS (
  SELECT DISTINCT d.line_id, d.code, d.service_date, s.laterality, s.short_desc
  FROM denied_dx d JOIN denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date
  WHERE s.status = 'valid' AND (s.unspecified OR s.laterality = 'unspecified')
), siblings AS (
  SELECT u.code, u.service_date, list(DISTINCT r.code ORDER BY r.code) AS codes
  FROM (SELECT DISTINCT code, service_date FROM u) u
  -- each side's own parent (same length): an equality join, not a comparison of every pair
  JOIN ref_icd10cm r ON r.billable AND len(r.code) = len(u.code) AND r.code <> u.code
    AND left(r.code, len(r.code) - 1) = left(u.code, len(u.code) - 1)
    AND u.service_date >= r.valid_from AND (r.valid_to IS NULL OR u.service_date <= r.valid_to)
  GROUP BY u.code, u.service_date
)
SELECT u.line_id, 'unspecified', 'reference',
  dl_icd_dotted(u.code) || ' (' || u.short_desc || ') is an unspecified code'
  || CASE WHEN u.laterality = 'unspecified' THEN ' (side not given)' ELSE '' END
  || CASE WHEN s.codes IS NOT NULL THEN '; more specific: ' || array_to_string(${DOTTED_LIST('s.codes[1:6]')}, ', ') || CASE WHEN len(s.codes) > 6 THEN ', …' ELSE '' END ELSE '' END,
  [dl_icd_dotted(u.code)],
  'Rebill with the specific code the documentation supports'
  || CASE WHEN s.codes IS NOT NULL THEN ' (' || array_to_string(${DOTTED_LIST('s.codes[1:4]')}, '/') || CASE WHEN len(s.codes) > 4 THEN '/…' ELSE '' END || ')' ELSE '' END
  || ' instead of ' || dl_icd_dotted(u.code) || CASE WHEN u.laterality = 'unspecified' THEN ', stating the side' ELSE '' END || '.',
  3
FROM u LEFT JOIN siblings s ON s.code = u.code AND s.service_date = u.service_date;
`;

/** Diagnoses the reference cannot answer for: said, so "unknown" is never mistaken for "valid". */
export const UNKNOWN_REFERENCE_FINDINGS_SQL = /* sql */ `
INSERT INTO findings
SELECT DISTINCT d.line_id, NULL, 'reference',
  dl_icd_dotted(d.code) || ' is unknown to the loaded ICD-10-CM reference for ' || d.service_date
  || ' (import the release for that fiscal year on the Reference page)', [dl_icd_dotted(d.code)], NULL, 9
FROM denied_dx d JOIN denied_dx_status s ON s.code = d.code AND s.service_date = d.service_date
WHERE s.status = 'unknown';
`;

import { sql } from '../db/sql.ts';
/**
 * What merging the sources did, for the Files & data quality page: per file, how
 * many of its lines were new and how many merged into a line already loaded; and
 * every field on which an export copy and the 835 adjudication it repeats disagree.
 */

/**
 * Per file: its document lines (an export's rows of one line are one), `lines_added`
 * = those that were the first of their canonical line to be loaded, `lines_merged`
 * = those that joined a line already loaded (by an earlier file, or earlier in this
 * one: a reversal or correction of a claim it also holds). An 835 claim without
 * service lines counts as one line.
 */
export const FILE_LINE_MERGES_SQL = sql`
CREATE OR REPLACE TABLE file_line_merges AS
WITH doc AS (
  SELECT l.file_id, i.doc_line_id, i.canonical_id FROM line_identity i JOIN service_lines l USING (line_id)
  UNION
  SELECT file_id, line_id, canonical_line_id FROM analysis_lines WHERE line_id < 0
), first_loaded AS (
  SELECT *, row_number() OVER (PARTITION BY canonical_id ORDER BY file_id, abs(doc_line_id)) = 1 AS added FROM doc
)
SELECT file_id, count(*) FILTER (WHERE added)::INTEGER AS lines_added, count(*) FILTER (WHERE NOT added)::INTEGER AS lines_merged
FROM first_loaded GROUP BY file_id;
`;

/**
 * An export row with payments that repeats an 835 adjudication (analysis_lines
 * adjudication_kind = 'copy', copy_of = the 835 line) and differs from it in the
 * paid or allowed amount, the payment date or the reason codes (group-CARC, the
 * line's own and its share of the claim's). The 835 is kept: it is the payer's
 * own remittance, the export a practice-management system's copy of it.
 */
export const SOURCE_DISAGREEMENTS_SQL = sql`
CREATE OR REPLACE TABLE source_disagreements AS
WITH pairs AS (
  SELECT e.line_id AS other_id, e.copy_of AS kept_id FROM analysis_lines e WHERE e.adjudication_kind = 'copy'
), reason_rows AS (
  SELECT a.line_id, a.group_code, a.carc FROM adjustments a
  WHERE a.line_id IN (SELECT other_id FROM pairs) OR a.line_id IN (SELECT kept_id FROM pairs)
  UNION ALL
  SELECT s.line_id, s.group_code, s.carc FROM claim_adjustment_shares s WHERE s.line_id IN (SELECT kept_id FROM pairs)
), codes AS (
  SELECT line_id, array_to_string(list_sort(list(DISTINCT coalesce(group_code || '-', '') || carc)), ' ') AS codes
  FROM reason_rows GROUP BY line_id
), compared AS (
  SELECT k.claim_id, k.line_number, k.service_date, k.billed_procedure AS procedure, k.payer,
    kf.name AS kept_file, xf.name AS other_file,
    [{'field': 'paid', 'kept': printf('%.2f', k.paid), 'other': printf('%.2f', o.paid)},
     {'field': 'allowed', 'kept': printf('%.2f', k.allowed), 'other': printf('%.2f', o.allowed)},
     {'field': 'payment date', 'kept': strftime(k.paid_date, '%Y-%m-%d'), 'other': strftime(o.paid_date, '%Y-%m-%d')},
     {'field': 'reason codes', 'kept': coalesce(kc.codes, ''), 'other': coalesce(oc.codes, '')}] AS fields
  FROM pairs p
  JOIN analysis_lines k ON k.line_id = p.kept_id JOIN analysis_lines o ON o.line_id = p.other_id
  JOIN files kf ON kf.file_id = k.file_id JOIN files xf ON xf.file_id = o.file_id
  LEFT JOIN codes kc ON kc.line_id = p.kept_id LEFT JOIN codes oc ON oc.line_id = p.other_id
)
SELECT claim_id, line_number, service_date, procedure, payer, f.field, f.kept, kept_file, f.other, other_file,
  'the 835 is the payer''s own remittance; the export copies it' AS why
FROM (SELECT * EXCLUDE (fields), unnest(fields) AS f FROM compared)
-- a value one side does not give (the allowed amount without AMT*B6) is silence, not disagreement
WHERE f.kept IS NOT NULL AND f.other IS NOT NULL AND f.kept <> f.other;
`;

export interface SourceDisagreementRow {
  claim_id: string;
  line_number: number | null;
  service_date: string | null;
  procedure: string | null;
  payer: string | null;
  field: string;
  kept: string | null;
  kept_file: string;
  other: string | null;
  other_file: string;
  why: string;
}
export const SOURCE_DISAGREEMENTS_LIST_SQL = sql`
SELECT claim_id, line_number, strftime(service_date, '%Y-%m-%d') AS service_date, procedure, payer, field, kept, kept_file, other, other_file, why
FROM source_disagreements ORDER BY claim_id, line_number, field
`;

import type { Category } from '../classify/categories.ts';
import type { Evidence } from '../classify/evidence.ts';
import { sql, type Sql } from '../db/sql.ts';

/** ICD-10-CM for people: M5450 → M54.50. */
export const DISPLAY_MACROS_SQL = sql`
CREATE OR REPLACE MACRO dl_icd_dotted(code) AS CASE WHEN len(code) > 3 THEN left(code, 3) || '.' || substr(code, 4) ELSE code END;
`;

/** Every initial adjudication with its reasons and classification: the CLI's `lines` (ReportLine, its keys). */
export const EXPORT_LINES_SQL = sql`
SELECT f.claim_id AS "claimId", f.line_number AS "lineNumber", strftime(f.service_date, '%Y-%m-%d') AS "serviceDate",
  f.payer, f.provider, f.procedure, f.modifiers, list_transform(f.diagnoses, lambda d: dl_icd_dotted(d)) AS diagnoses,
  f.billed::DOUBLE AS billed, f.paid::DOUBLE AS paid,
  coalesce((SELECT list({'group': r.group_code, 'reason': r.carc, 'amount': r.amount::DOUBLE} ORDER BY r.level DESC, r.carc)
            FROM line_reasons r WHERE r.line_id = f.line_id), []) AS adjustments,
  coalesce((SELECT list(DISTINCT m.code ORDER BY m.code) FROM line_remarks m WHERE m.line_id = f.line_id), []) AS remarks,
  f.denied, f.denial_type AS "denialType", f.denied_amount::DOUBLE AS "deniedAmount", f.category,
  coalesce(f.secondary, []) AS secondary, coalesce(f.evidence, []) AS evidence, f.fix
FROM denial_facts f
ORDER BY f.service_date, f.claim_id, f.line_number, f.line_id
`;

/**
 * Every adjudication read (the CLI's `adjudications`), counted or not, so an auditor
 * can tie each CLP/SVC of a file to what was counted: the file and segments it came
 * from, its kind (analysis-lines.sql.ts LINE_CHAINS_SQL) and its adjustments — the
 * line's own CAS and its share of the claim-level CAS (level 'claim').
 */
export const EXPORT_ADJUDICATIONS_SQL = sql`
WITH adj AS (
  SELECT line_id, list({'level': level, 'group': group_code, 'reason': carc, 'amount': amount::DOUBLE} ORDER BY level DESC, group_code, carc, amount) AS adjustments
  FROM (SELECT line_id, level, group_code, carc, amount FROM adjustments WHERE line_id IS NOT NULL
        UNION ALL
        SELECT line_id, 'claim', group_code, carc, amount FROM claim_adjustment_shares)
  GROUP BY line_id
)
SELECT f.name AS file, c.source_line AS "claimSegment", l.source_line AS segment, al.claim_id AS "claimId",
  al.line_number AS "lineNumber", strftime(al.service_date, '%Y-%m-%d') AS "serviceDate", al.procedure, al.payer,
  al.claim_status AS "claimStatus", strftime(al.paid_date, '%Y-%m-%d') AS "paidDate", al.adjudication_kind AS kind,
  al.is_initial AS counted, al.payer_sequence AS "payerSequence", al.canonical_line_id AS "canonicalLine",
  al.billed::DOUBLE AS billed, al.paid::DOUBLE AS paid, coalesce(adj.adjustments, []) AS adjustments
FROM analysis_lines al JOIN files f USING (file_id) JOIN claims c USING (claim_key)
LEFT JOIN service_lines l ON l.line_id = al.line_id
LEFT JOIN adj ON adj.line_id = al.line_id
ORDER BY al.file_id, c.source_line, l.source_line NULLS FIRST, al.line_id
`;

/** The detail panel's line: the denial_facts row (the fields the page reads) and its reasons. */
export interface LineDetailRow {
  line_id: number;
  claim_id: string;
  line_number: number | null;
  service_date_text: string | null;
  paid_date_text: string | null;
  payer: string;
  provider: string;
  procedure: string | null;
  billed_procedure: string | null;
  modifiers: string[];
  diagnoses_dotted: string[];
  billed: number;
  paid: number;
  denied_amount: number;
  category: Category;
  secondary: Category[];
  evidence: Evidence[];
  fix: string;
  adjustments: { group: string | null; reason: string; amount: number | null; level: 'line' | 'claim'; description: string | null }[];
  remark_list: { code: string; description: string | null }[];
}

/** One line with everything known about it, for the detail panel. */
export const lineDetailSql = (lineId: number): Sql => sql`
SELECT f.*, strftime(f.service_date, '%Y-%m-%d') AS service_date_text, strftime(f.paid_date, '%Y-%m-%d') AS paid_date_text,
  list_transform(f.diagnoses, lambda d: dl_icd_dotted(d)) AS diagnoses_dotted,
  coalesce((SELECT list({'group': r.group_code, 'reason': r.carc, 'amount': r.amount::DOUBLE, 'level': r.level, 'description': r.description})
            FROM line_reasons r WHERE r.line_id = f.line_id), []) AS adjustments,
  coalesce((SELECT list({'code': m.code, 'description': m.description}) FROM line_remarks m WHERE m.line_id = f.line_id), []) AS remark_list
FROM denial_facts f WHERE f.line_id = ${Math.trunc(lineId)}
`;

/** ICD-10-CM for people: M5450 → M54.50. */
export const DISPLAY_MACROS_SQL = /* sql */ `
CREATE OR REPLACE MACRO dl_icd_dotted(code) AS CASE WHEN len(code) > 3 THEN left(code, 3) || '.' || substr(code, 4) ELSE code END;
`;

/** Every initial adjudication with its reasons and classification: the CLI's `lines` (ReportLine, its keys). */
export const EXPORT_LINES_SQL = /* sql */ `
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

/** One line with everything known about it, for the detail panel. */
export const LINE_DETAIL_SQL = (lineId: number) => /* sql */ `
SELECT f.*, strftime(f.service_date, '%Y-%m-%d') AS service_date_text, strftime(f.paid_date, '%Y-%m-%d') AS paid_date_text,
  list_transform(f.diagnoses, lambda d: dl_icd_dotted(d)) AS diagnoses_dotted,
  coalesce((SELECT list({'group': r.group_code, 'reason': r.carc, 'amount': r.amount::DOUBLE, 'level': r.level, 'description': r.description})
            FROM line_reasons r WHERE r.line_id = f.line_id), []) AS adjustments,
  coalesce((SELECT list({'code': m.code, 'description': m.description}) FROM line_remarks m WHERE m.line_id = f.line_id), []) AS remark_list
FROM denial_facts f WHERE f.line_id = ${Math.trunc(lineId)}
`;

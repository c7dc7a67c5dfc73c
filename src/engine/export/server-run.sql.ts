import { isMonth } from '../analytics/months.ts';
import { joinSql, sql, type Sql } from '../db/sql.ts';

/**
 * SQL of the server-side run (`npm run analyze -- --emit-sql`, README "Beyond one
 * browser"): the files row of an export loaded by the script, and what the script
 * writes out. Everything else the script runs is the engine's own SQL.
 */

/** The files row of CSV export `fileId`, counted from what its load left in csv_rows and rejects. */
export function insertLoadedCsvFileSql(f: { fileId: number; name: string; sha256: string; sizeBytes: number; content: string }): Sql {
  return sql`
INSERT INTO files
SELECT ${f.fileId}, ${f.name}, ${f.sha256}, ${f.sizeBytes}, 'csv', ${f.content}, now()::TIMESTAMP,
  (parsed + malformed)::INTEGER, (parsed - rejected)::INTEGER, (rejected + malformed)::INTEGER,
  CASE WHEN (SELECT shift FROM csv_pointer_shift) = 1 THEN ['diagnosis pointers contain 0: read as 0-based (0 = first diagnosis)']
       ELSE []::VARCHAR[] END
FROM (SELECT (SELECT count(*) FROM csv_rows) AS parsed,
             (SELECT count(*) FROM csv_rows WHERE reasons <> '') AS rejected,
             (SELECT count(*) FROM rejects WHERE file_id = ${f.fileId} AND starts_with(reason, 'malformed CSV record')) AS malformed)`;
}

/**
 * The initial adjudications whose date of service falls in [from, to] (months
 * 'YYYY-MM', both optional), as a claims export with payments in the layout the
 * app reads (header aliases): each line with its own diagnoses in order, its reason
 * codes 'CO-45 35.00; PR-2 12.00', its remark codes and its payment. Opened in the
 * app, the lines classify as here, except what depends on data outside the
 * export: the practice's paid history (mismatch evidence) and later payments
 * (recovered dollars), which denial_facts keeps.
 */
export function reviewExportSql(range: { from?: string; to?: string }): Sql {
  const bounds: Sql[] = [];
  for (const [op, month] of [['>=', range.from], ['<=', range.to]] as const) {
    if (month === undefined) continue;
    if (!isMonth(month)) throw new Error(`a month is YYYY-MM, got ${month}`);
    bounds.push(sql`al.service_month ${op === '>=' ? sql`>=` : sql`<=`} DATE ${`${month}-01`}`);
  }
  return sql`
SELECT al.claim_id AS "Claim ID", al.patient_account AS "Patient Account", c.patient_name AS "Patient Name",
  al.line_number AS "Line #", strftime(al.service_date, '%m/%d/%Y') AS "DOS", al.payer AS "Payer", c.payer_id AS "Payer ID",
  al.provider AS "Rendering Provider", al.billed_procedure AS "CPT/HCPCS",
  array_to_string(al.modifiers, ' ') AS "Modifiers", array_to_string(list_transform(al.diagnoses, lambda d: dl_icd_dotted(d)), ' ') AS "Diagnoses",
  al.units AS "Units", printf('%.2f', al.billed) AS "Billed Amt", printf('%.2f', al.allowed) AS "Allowed Amt", printf('%.2f', al.paid) AS "Paid Amt",
  coalesce((SELECT string_agg(coalesce(r.group_code || '-', '') || r.carc || coalesce(' ' || printf('%.2f', r.amount), ''), '; ' ORDER BY r.level DESC, r.carc)
            FROM line_reasons r WHERE r.line_id = al.line_id), '') AS "Adj Codes",
  coalesce((SELECT string_agg(DISTINCT m.code, '; ' ORDER BY m.code) FROM line_remarks m WHERE m.line_id = al.line_id), '') AS "Remark Codes",
  rm.trace_number AS "Check #", strftime(al.paid_date, '%m/%d/%Y') AS "Check Date", al.claim_status AS "Claim Status"
FROM analysis_lines al
JOIN claims c USING (claim_key)
LEFT JOIN remittances rm ON rm.remit_id = al.remit_id
WHERE al.is_initial AND al.billed_procedure IS NOT NULL${joinSql(bounds.map((b) => sql` AND ${b}`), sql``)}
ORDER BY al.service_date, al.claim_id, al.line_number, al.line_id`;
}

/** The script's results: the facts every screen is built from, the patterns, the rejects, the files, and the review export. */
/** `parquet`: also denial_facts.parquet (the DuckDB CLI and native clients have Parquet; DuckDB-WASM offline has not). */
export function writeResultsSql(dir: string, options: { from?: string; to?: string; parquet: boolean }): Sql {
  const to = (name: string) => `${dir.replace(/\/$/, '')}/${name}`;
  return sql`
${options.parquet ? sql`COPY (SELECT * FROM denial_facts ORDER BY line_id) TO ${to('denial_facts.parquet')} (FORMAT parquet);` : sql``}
COPY (SELECT * EXCLUDE (modifiers, diagnoses, flags, secondary, evidence),
        array_to_string(modifiers, ' ') AS modifiers, array_to_string(diagnoses, ' ') AS diagnoses,
        array_to_string(secondary, ' ') AS secondary,
        array_to_string(list_transform(evidence, lambda e: e.source || ': ' || e.text), ' | ') AS evidence
      FROM denial_facts ORDER BY line_id) TO ${to('denial_facts.csv')} (HEADER);
COPY (SELECT line_id, pattern_key, pattern_procedure, cause_kind, array_to_string(cause_codes, ' ') AS cause_codes FROM line_patterns ORDER BY line_id)
  TO ${to('line_patterns.csv')} (HEADER);
COPY (SELECT f.name AS file, r.line, r.reason, r.excerpt FROM rejects r JOIN files f USING (file_id) ORDER BY f.file_id, r.line)
  TO ${to('rejects.csv')} (HEADER);
COPY (SELECT file_id, name, format, content, rows_read, rows_loaded, rows_rejected, array_to_string(warnings, ' | ') AS warnings FROM files ORDER BY file_id)
  TO ${to('files.csv')} (HEADER);
COPY (${reviewExportSql(options)}) TO ${to('review-export.csv')} (HEADER);
`;
}


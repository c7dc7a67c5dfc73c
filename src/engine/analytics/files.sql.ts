import { sql, type Sql } from '../db/sql.ts';

/**
 * Every file with its rows, the lines it added or merged, and its adjudications that no
 * rate counts because they cannot be denied ($0 lines, reporting-only codes, predeterminations).
 */
export interface FileRow {
  file_id: number;
  name: string;
  sha256: string;
  format: string;
  content: string;
  /** 'YYYY-MM-DD HH:MM' */
  loaded_at: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  warnings: string[];
  lines_added: number;
  lines_merged: number;
  lines_not_deniable: number;
}
export const FILES_SQL = sql`
WITH not_deniable AS (
  SELECT al.file_id, count(*)::INTEGER AS lines
  FROM analysis_lines al LEFT JOIN line_denials d USING (line_id)
  WHERE (al.is_initial AND NOT d.deniable) OR al.adjudication_kind = 'predetermination'
  GROUP BY al.file_id
)
SELECT file_id, name, sha256, format, content, strftime(loaded_at, '%Y-%m-%d %H:%M') AS loaded_at,
  rows_read, rows_loaded, rows_rejected, warnings, coalesce(m.lines_added, 0) AS lines_added, coalesce(m.lines_merged, 0) AS lines_merged,
  coalesce(n.lines, 0) AS lines_not_deniable
FROM files LEFT JOIN file_line_merges m USING (file_id) LEFT JOIN not_deniable n USING (file_id) ORDER BY file_id
`;

export interface RejectListRow {
  file_id: number;
  file: string;
  line: number | null;
  reason: string;
  excerpt: string | null;
}
export const rejectsSql = (fileId?: number): Sql => sql`
SELECT r.file_id, f.name AS file, r.line, r.reason, r.excerpt
FROM rejects r JOIN files f USING (file_id)
${fileId === undefined ? sql`` : sql`WHERE r.file_id = ${Math.trunc(fileId)}`}
ORDER BY r.file_id, r.line NULLS FIRST
`;

/**
 * A reject reason without its row's values, so that rows rejected for the same reason group
 * together: quoted values ('13/45/2026', “name”) become '…', numbers #. DuckDB's message for a
 * malformed CSV record quotes the record itself: its error type is the group. A repeated
 * payment names its payer and file unquoted (load-parsed.ts): one group.
 */
const REASON_PATTERN_SQL = sql`CASE
  WHEN starts_with(r.reason, 'malformed CSV record: ') THEN regexp_extract(r.reason, '^malformed CSV record: [A-Z ]+')
  WHEN regexp_matches(r.reason, '^payment .* was already loaded ') THEN 'payment … was already loaded: its claims are not counted again'
  ELSE regexp_replace(regexp_replace(regexp_replace(r.reason,
    '''[^'']*''', '''…''', 'g'), '“[^”]*”', '“…”', 'g'), '\\b[0-9]+([.,][0-9]+)*\\b', '#', 'g')
END`;

/** Rejected rows by reason: how many, in how many files, and one reason as written. */
export interface RejectGroupRow {
  pattern: string;
  rows: number;
  files: number;
  example: string;
}
export const REJECT_GROUPS_SQL = sql`
SELECT ${REASON_PATTERN_SQL} AS pattern, count(*)::INTEGER AS rows, count(DISTINCT r.file_id)::INTEGER AS files,
  min(r.reason) AS example
FROM rejects r
GROUP BY pattern ORDER BY rows DESC, pattern
`;

/** The rejected rows of one reason group (every group when `pattern` is undefined), `limit` of them. */
export const rejectRowsSql = (pattern: string | undefined, limit?: number): Sql => sql`
SELECT f.name AS file, r.line, r.reason, r.excerpt, ${REASON_PATTERN_SQL} AS pattern
FROM rejects r JOIN files f USING (file_id)
${pattern === undefined ? sql`` : sql`WHERE ${REASON_PATTERN_SQL} = ${pattern}`}
ORDER BY r.file_id, r.line NULLS FIRST
${limit === undefined ? sql`` : sql`LIMIT ${Math.trunc(limit)}`}
`;

/** Every payment (835 transaction), with its balance: BPR02 = Σ CLP04 − Σ PLB. */
export interface RemittanceRow {
  remit_id: number;
  file: string;
  payer: string | null;
  trace_number: string | null;
  payment_method: string | null;
  payment_date: string | null;
  payment_amount: number | null;
  provider_adjustments: number | null;
  balance_diff: number | null;
  claims: number;
}
export const REMITTANCES_SQL = sql`
SELECT r.remit_id, f.name AS file, r.payer, r.trace_number, r.payment_method, strftime(r.payment_date, '%Y-%m-%d') AS payment_date,
  r.payment_amount::DOUBLE AS payment_amount, r.provider_adjustment_total::DOUBLE AS provider_adjustments,
  r.balance_diff::DOUBLE AS balance_diff,
  (SELECT count(*) FROM claims c WHERE c.remit_id = r.remit_id)::INTEGER AS claims
FROM remittances r JOIN files f USING (file_id)
ORDER BY r.payment_date, r.payer, r.trace_number
`;

/** Claims and lines whose own numbers do not add up (charge − adjustments ≠ paid), as the payer sent them. */
export interface UnbalancedRow {
  level: 'claim' | 'line';
  file: string;
  claim_id: string;
  line_number: number | null;
  payer: string | null;
  charge: number | null;
  paid: number | null;
  difference: number;
  segment: number | null;
}
export const UNBALANCED_SQL = sql`
SELECT 'claim' AS level, f.name AS file, c.claim_id, NULL::INTEGER AS line_number, c.payer,
  c.total_charge::DOUBLE AS charge, c.paid::DOUBLE AS paid, c.balance_diff::DOUBLE AS difference, c.source_line AS segment
FROM claims c JOIN files f USING (file_id)
WHERE c.balance_diff IS NOT NULL AND c.balance_diff <> 0 AND c.source <> 'claim'
UNION ALL
SELECT 'line', f.name, l.claim_id, l.line_number, l.payer, l.billed::DOUBLE, l.paid::DOUBLE, l.balance_diff::DOUBLE, l.source_line
FROM service_lines l JOIN files f USING (file_id)
WHERE l.balance_diff IS NOT NULL AND l.balance_diff <> 0 AND l.source <> 'claim'
ORDER BY 2, 3, 4 NULLS FIRST
`;

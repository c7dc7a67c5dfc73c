/**
 * Reading one record-aligned chunk of a CSV with DuckDB's own reader into
 * csv_stage (all VARCHAR). Malformed records (wrong field count, broken quotes)
 * land in DuckDB's rejects table with their record number, and from there in ours.
 */
/** Only the mapped columns are staged: exports often carry dozens the analysis never reads. */
export function createStageSql(mappedColumns: readonly number[]): string {
  const cols = mappedColumns.map((i) => `, c${i} VARCHAR`).join('');
  return `CREATE OR REPLACE TABLE csv_stage (row_no INTEGER${cols})`;
}

export function readChunkSql(args: { fileName: string; columnCount: number; delimiter: string }): string {
  const columns = Array.from({ length: args.columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const delim = args.delimiter === '\t' ? '\\t' : args.delimiter;
  return /* sql */ `
DROP TABLE IF EXISTS chunk_rejects; DROP TABLE IF EXISTS chunk_scans;
CREATE OR REPLACE TEMP TABLE chunk_read AS
SELECT row_number() OVER () AS k, *
FROM read_csv('${args.fileName}', columns = {${columns}}, header = true, auto_detect = false,
  delim = '${delim}', quote = '"', escape = '"', store_rejects = true,
  rejects_table = 'chunk_rejects', rejects_scan = 'chunk_scans')`;
}

/**
 * Accepted records get their record number back: record r (1-based in the chunk)
 * is rejected iff chunk_rejects has line r + 1 (the header is line 1), and the
 * reader keeps order (DuckDB-WASM runs single-threaded), so the k-th accepted
 * row is the k-th record number not rejected.
 */
export function stageChunkSql(args: { fileId: number; rowBase: number; mappedColumns: readonly number[] }): string {
  const cols = args.mappedColumns.map((i) => `, c${i}`).join('');
  return /* sql */ `
CREATE OR REPLACE TEMP TABLE chunk_rejected_lines AS
SELECT line - 1 AS r, string_agg(DISTINCT error_type || ': ' || error_message, '; ') AS reason, any_value(csv_line) AS csv_line
FROM chunk_rejects GROUP BY line;

INSERT INTO csv_stage
SELECT ${args.rowBase} + a.r${cols}
FROM chunk_read c JOIN (
  SELECT r, row_number() OVER (ORDER BY r) AS k
  FROM range(1, (SELECT count(*) FROM chunk_read) + (SELECT count(*) FROM chunk_rejected_lines) + 1) t(r)
  WHERE r NOT IN (SELECT r FROM chunk_rejected_lines)
) a USING (k);

INSERT INTO rejects
SELECT ${args.fileId}, ${args.rowBase} + r, 'malformed CSV record: ' || reason, left(csv_line, 200) FROM chunk_rejected_lines;
`;
}

export const CHUNK_COUNTS_SQL = /* sql */ `
SELECT (SELECT count(*) FROM chunk_read)::INTEGER AS accepted,
       (SELECT count(*) FROM chunk_rejected_lines)::INTEGER AS rejected
`;

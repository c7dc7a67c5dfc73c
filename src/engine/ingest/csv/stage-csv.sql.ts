import { ident, joinSql, sql, type Sql } from '../../db/sql.ts';

/**
 * Reading one record-aligned chunk of a CSV with DuckDB's own reader (every
 * cell VARCHAR) into the small temporary chunk_read. Malformed records (wrong
 * field count, broken quotes) land in DuckDB's rejects table with their record
 * number, and from there in ours. The chunk's rows are parsed straight into
 * csv_rows (csv-normalise.sql.ts), so the raw text of the whole file is never
 * held at once.
 */
export function readChunkSql(args: { fileName: string; columnCount: number; delimiter: string }): Sql {
  const columns = joinSql(Array.from({ length: args.columnCount }, (_, i) => sql`${`c${i}`}: 'VARCHAR'`));
  const delim = args.delimiter === '\t' ? '\\t' : args.delimiter;
  return sql`
DROP TABLE IF EXISTS chunk_rejects; DROP TABLE IF EXISTS chunk_scans;
CREATE OR REPLACE TEMP TABLE chunk_read AS
SELECT row_number() OVER () AS k, *
FROM read_csv(${args.fileName}, columns = {${columns}}, header = true, auto_detect = false,
  delim = ${delim}, quote = '"', escape = '"', store_rejects = true,
  rejects_table = 'chunk_rejects', rejects_scan = 'chunk_scans');
CREATE OR REPLACE TEMP TABLE chunk_rejected_lines AS
SELECT line - 1 AS r, string_agg(DISTINCT error_type || ': ' || error_message, '; ') AS reason, any_value(csv_line) AS csv_line
FROM chunk_rejects GROUP BY line`;
}

/**
 * The chunk's accepted records with their spreadsheet row number (`row_no`) and
 * the mapped columns only. Record r (1-based in the chunk) is rejected iff
 * chunk_rejected_lines has it, and the reader keeps order, so the k-th accepted
 * row is the k-th record number not rejected.
 */
export function chunkRowsSql(args: { rowBase: number; mappedColumns: readonly number[] }): Sql {
  const cols = joinSql(args.mappedColumns.map((i) => sql`, ${ident(`c${i}`)}`), sql``);
  return sql`(
SELECT ${args.rowBase} + a.r AS row_no${cols}
FROM chunk_read c JOIN (
  SELECT r, row_number() OVER (ORDER BY r) AS k
  FROM range(1, (SELECT count(*) FROM chunk_read) + (SELECT count(*) FROM chunk_rejected_lines) + 1) t(r)
  WHERE r NOT IN (SELECT r FROM chunk_rejected_lines)
) a USING (k))`;
}

/** The same columns, no rows: what csv_rows is created from before the first chunk. */
export function emptyRowsSql(mappedColumns: readonly number[]): Sql {
  return sql`(SELECT NULL::INTEGER AS row_no${joinSql(mappedColumns.map((i) => sql`, NULL::VARCHAR AS ${ident(`c${i}`)}`), sql``)} WHERE false)`;
}

export function insertMalformedSql(args: { fileId: number; rowBase: number }): Sql {
  return sql`
INSERT INTO rejects
SELECT ${args.fileId}, ${args.rowBase} + r, 'malformed CSV record: ' || reason, left(csv_line, 200) FROM chunk_rejected_lines`;
}

export const CHUNK_COUNTS_SQL = sql`
SELECT (SELECT count(*) FROM chunk_read)::INTEGER AS accepted,
       (SELECT count(*) FROM chunk_rejected_lines)::INTEGER AS rejected
`;

export const DROP_CHUNK_SQL = sql`
DROP TABLE IF EXISTS chunk_read; DROP TABLE IF EXISTS chunk_rejected_lines; DROP TABLE IF EXISTS chunk_rejects; DROP TABLE IF EXISTS chunk_scans`;

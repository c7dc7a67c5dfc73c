import { sqlString, sqlValue } from '../db/sql-quote.ts';

export const FILE_BY_SHA_SQL = (sha256: string) => /* sql */ `
SELECT file_id, name, strftime(loaded_at, '%Y-%m-%d %H:%M') AS loaded_at FROM files WHERE sha256 = ${sqlString(sha256)}
`;

/** `keysList` is a SQL list literal built with sqlList. */
export const EXISTING_REMITTANCES_SQL = (keysList: string) => /* sql */ `
SELECT r.dedupe_key, any_value(f.name) AS name
FROM remittances r JOIN files f USING (file_id)
WHERE list_contains(${keysList}, r.dedupe_key)
GROUP BY r.dedupe_key
`;

export function insertFileSql(f: {
  fileId: number;
  name: string;
  sha256: string;
  sizeBytes: number;
  format: string;
  content: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  warnings: string[];
}): string {
  return /* sql */ `
INSERT INTO files VALUES (${f.fileId}, ${sqlString(f.name)}, ${sqlString(f.sha256)}, ${f.sizeBytes},
  ${sqlString(f.format)}, ${sqlString(f.content)}, now()::TIMESTAMP, ${f.rowsRead}, ${f.rowsLoaded}, ${f.rowsRejected},
  [${f.warnings.map((w) => sqlValue(w)).join(', ')}]::VARCHAR[])`;
}

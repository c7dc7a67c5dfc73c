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

/** Removes everything a failed load inserted: files load one at a time, so its keys are the ones at or above the bases. */
export const UNDO_FILE_SQL = (keys: { file_id: number; claim_key: number; line_id: number; remit_id: number }) => /* sql */ `
DELETE FROM adjustments WHERE claim_key >= ${keys.claim_key};
DELETE FROM remarks WHERE claim_key >= ${keys.claim_key};
DELETE FROM diagnoses WHERE claim_key >= ${keys.claim_key};
DELETE FROM service_lines WHERE line_id >= ${keys.line_id};
DELETE FROM claims WHERE claim_key >= ${keys.claim_key};
DELETE FROM provider_adjustments WHERE remit_id >= ${keys.remit_id};
DELETE FROM remittances WHERE remit_id >= ${keys.remit_id};
DELETE FROM rejects WHERE file_id >= ${keys.file_id};
DELETE FROM files WHERE file_id >= ${keys.file_id};
`;

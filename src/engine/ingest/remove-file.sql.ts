import { sql, type Sql } from '../db/sql.ts';

/**
 * Deletes everything one file added to the canonical tables: its rows keyed by file_id, and the
 * rows keyed by the claims (claim_key) and payments (remit_id) it loaded. The derived tables are
 * rebuilt by the refresh that follows.
 */
export const removeFileSql = (fileId: number): Sql => {
  const id = Math.trunc(fileId);
  const claims = sql`(SELECT claim_key FROM claims WHERE file_id = ${id})`;
  return sql`
DELETE FROM adjustments WHERE claim_key IN ${claims};
DELETE FROM remarks WHERE claim_key IN ${claims};
DELETE FROM diagnoses WHERE claim_key IN ${claims};
DELETE FROM service_lines WHERE file_id = ${id};
DELETE FROM claims WHERE file_id = ${id};
DELETE FROM provider_adjustments WHERE remit_id IN (SELECT remit_id FROM remittances WHERE file_id = ${id});
DELETE FROM remittances WHERE file_id = ${id};
DELETE FROM rejects WHERE file_id = ${id};
DELETE FROM files WHERE file_id = ${id};
`;
};

export interface FileNameRow {
  name: string;
}
export const fileNameSql = (fileId: number): Sql => sql`SELECT name FROM files WHERE file_id = ${Math.trunc(fileId)}`;

export interface RepeatsOfFileRow {
  name: string;
  payments: number;
}
/**
 * Files with payments refused as repeats of a payment in file `name` (load-parsed.ts writes
 * "was already loaded from <name>: …"): once `name` is gone those payments are loaded nowhere.
 */
export const repeatsOfFileSql = (fileId: number, name: string): Sql => sql`
SELECT f.name, count(*)::INTEGER AS payments
FROM rejects r JOIN files f USING (file_id)
WHERE r.file_id <> ${Math.trunc(fileId)} AND contains(r.reason, ${`was already loaded from ${name}: `})
GROUP BY f.file_id, f.name ORDER BY f.file_id
`;

import { ident, joinSql, sql, typeSql, type Sql } from '../db/sql.ts';

export interface FileByShaRow {
  file_id: number;
  name: string;
  loaded_at: string;
}
export const fileByShaSql = (sha256: string): Sql => sql`
SELECT file_id, name, strftime(loaded_at, '%Y-%m-%d %H:%M') AS loaded_at FROM files WHERE sha256 = ${sha256}
`;

export interface ExistingRemittanceRow {
  dedupe_key: string;
  name: string;
}
/** The payments among `keys` (dedupe keys) loaded already, with a file each was loaded from. */
export const existingRemittancesSql = (keys: readonly string[]): Sql => sql`
SELECT r.dedupe_key, any_value(f.name) AS name
FROM remittances r JOIN files f USING (file_id)
WHERE list_contains(${keys}::VARCHAR[], r.dedupe_key)
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
}): Sql {
  return sql`
INSERT INTO files VALUES (${f.fileId}, ${f.name}, ${f.sha256}, ${f.sizeBytes},
  ${f.format}, ${f.content}, now()::TIMESTAMP, ${f.rowsRead}, ${f.rowsLoaded}, ${f.rowsRejected},
  ${f.warnings}::VARCHAR[])`;
}

/** Removes everything a failed load inserted: files load one at a time, so its keys are the ones at or above the bases. */
export const undoFileSql = (keys: { file_id: number; claim_key: number; line_id: number; remit_id: number }): Sql => sql`
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

/** A canonical table's columns (name, DuckDB type), for staging its rows. */
export interface ColumnTypeRow {
  column_name: string;
  column_type: string;
}
export const describeSql = (table: string): Sql => sql`DESCRIBE ${ident(table)}`;

const isListType = (t: string) => t.endsWith('[]');
const isNumberType = (t: string) => /^(DECIMAL|DOUBLE|INTEGER|BIGINT|FLOAT|SMALLINT)/.test(t);

/** A staging table for `columns`: numbers as DOUBLE, everything else (lists joined by `listSeparator`) as VARCHAR. */
export function createStageSql(stage: string, columns: readonly { name: string; type: string }[]): Sql {
  return sql`CREATE OR REPLACE TABLE ${ident(stage)} (${joinSql(
    columns.map((c) => sql`${ident(c.name)} ${isNumberType(c.type) && !isListType(c.type) ? sql`DOUBLE` : sql`VARCHAR`}`),
  )})`;
}

/** The staged rows into `table`, each column cast back to its type, then the staging table goes. */
export function insertFromStageSql(table: string, stage: string, columns: readonly { name: string; type: string }[], listSeparator: string): Sql {
  const select = columns.map((c) => {
    const id = ident(c.name);
    const type = typeSql(c.type);
    if (isListType(c.type)) return sql`CASE WHEN ${id} IS NULL OR ${id} = '' THEN []::${type} ELSE string_split(${id}, ${listSeparator})::${type} END`;
    if (c.type.startsWith('DECIMAL')) return sql`round(${id}, 2)::${type}`;
    return sql`${id}::${type}`;
  });
  return sql`INSERT INTO ${ident(table)} SELECT ${joinSql(select)} FROM ${ident(stage)}; DROP TABLE ${ident(stage)}`;
}

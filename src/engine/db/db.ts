/**
 * The whole database contract of the engine. Everything above this seam is
 * backend-agnostic: the browser worker and Node (CLI, tests) both hand the
 * engine an implementation over DuckDB-WASM; the benchmark adds native DuckDB.
 */
import type { Sql } from './sql.ts';

export type Row = Record<string, unknown>;

/** One column of values for a bulk insert; `null` is SQL NULL. */
export type ColumnValues = (string | number | boolean | null)[];

export interface Db {
  /** Statements that return nothing (DDL, INSERT … SELECT). Several may be separated by `;`. */
  exec(sql: Sql): Promise<void>;
  /**
   * One query; rows as plain objects (T: the row type declared beside the SQL). BIGINT/HUGEINT/DECIMAL come back as numbers,
   * DATE as 'YYYY-MM-DD', TIMESTAMP as ISO strings, LIST as arrays, STRUCT as objects.
   */
  query<T = Row>(sql: Sql): Promise<T[]>;
  /** Make bytes readable by SQL under `name` (e.g. `read_csv('name')`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Append columns (all the same length) to an existing table whose columns are all VARCHAR/DOUBLE/BOOLEAN. */
  insertColumns(table: string, columns: Record<string, ColumnValues>): Promise<void>;
  /** Bytes of a file written by SQL (`COPY … TO 'name'`). */
  readFile(name: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

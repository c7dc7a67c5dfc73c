import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DOUBLE,
  BOOLEAN,
  VARCHAR,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ColumnValues, Db, Row } from './db.ts';
import { sql, type Sql } from './sql.ts';

/**
 * Native DuckDB (@duckdb/node-api, pinned to the engine version duckdb-wasm
 * 1.32.0 ships: v1.4.3) behind the same seam, for the benchmark's WASM/native
 * ratio and for server-side runs of the CLI. Never bundled into the browser.
 *
 * Set up as DuckDbWasmDb is (compressed in-memory database, no extension
 * autoloading), so both run the same SQL on the same kind of storage.
 * Registered files are written to a private temporary folder that DuckDB
 * searches for relative names (`file_search_path`).
 */
export class NativeDb implements Db {
  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly dir: string,
  ) {}

  /**
   * `file`: keep the database in this file (created, or reopened with what was loaded
   * before) instead of memory: a server's disk holds what no browser could.
   */
  static async open(options: { threads?: number; file?: string } = {}): Promise<NativeDb> {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
    const conn = await instance.connect();
    const dir = mkdtempSync(path.join(tmpdir(), 'denial-lens-'));
    const setup = sql`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;
      SET file_search_path = ${dir};
      ATTACH ${options.file ? path.resolve(options.file) : ':memory:'} AS denial_lens ${options.file ? sql`` : sql`(COMPRESS)`}; USE denial_lens`;
    await conn.run(setup.text);
    return new NativeDb(conn, dir);
  }

  /**
   * An SQL script file as the DuckDB CLI runs it (the analysis `npm run analyze -- --emit-sql`
   * writes): text from a file, not built by the engine, so it is not Sql.
   */
  async runScript(script: string): Promise<void> {
    await this.conn.run(script);
  }

  async exec(statements: Sql): Promise<void> {
    await this.conn.run(statements.text);
  }

  async query<T = Row>(query: Sql): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(query.text);
    return reader.getRowObjects().map((row) => {
      const out: Row = {};
      for (const [name, value] of Object.entries(row)) out[name] = toPlain(value);
      return out as T;
    });
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    writeFileSync(this.pathOf(name), bytes);
  }

  async dropFile(name: string): Promise<void> {
    unlinkSync(this.pathOf(name));
  }

  /** A file written by `COPY … TO 'name'` (relative names land in the working directory). */
  async readFile(name: string): Promise<Uint8Array> {
    return new Uint8Array(readFileSync(name));
  }

  async insertColumns(table: string, columns: Record<string, ColumnValues>): Promise<void> {
    const names = Object.keys(columns);
    const rows = names.length ? columns[names[0]].length : 0;
    if (rows === 0) return;
    const types: DuckDBType[] = names.map((n) => {
      const sample = columns[n].find((v) => v !== null);
      return typeof sample === 'number' ? DOUBLE : typeof sample === 'boolean' ? BOOLEAN : VARCHAR;
    });
    const appender = await this.conn.createAppender(table);
    try {
      const CHUNK = 2048;
      for (let start = 0; start < rows; start += CHUNK) {
        const end = Math.min(rows, start + CHUNK);
        const chunk = DuckDBDataChunk.create(types, end - start);
        chunk.setColumns(names.map((n, i) => columns[n].slice(start, end).map((v) => (v === null ? null : types[i] === VARCHAR ? String(v) : v))));
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private pathOf(name: string): string {
    if (name !== path.basename(name)) throw new Error(`not a plain file name: ${name}`);
    return path.join(this.dir, name);
  }
}

/** Values as DuckDbWasmDb returns them: numbers, 'YYYY-MM-DD', ISO timestamps, arrays, objects. */
function toPlain(value: DuckDBValue): unknown {
  if (value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampValue) return new Date(Number(value.micros / 1000n)).toISOString();
  if (value instanceof DuckDBListValue) return value.items.map(toPlain);
  if (value instanceof DuckDBStructValue) {
    const out: Row = {};
    for (const [k, v] of Object.entries(value.entries)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

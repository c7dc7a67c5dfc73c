import {
  Table,
  tableToIPC,
  makeData,
  makeVector,
  Utf8,
  Float64,
  Bool,
  DataType,
  type Vector,
  type Field,
} from 'apache-arrow';
import type { Db, Row, ColumnValues } from './db.ts';
import type { Sql } from './sql.ts';

/**
 * The subset of duckdb-wasm's synchronous bindings we use. The Node build
 * (`duckdb-node-blocking`) and the browser-worker build (`duckdb-browser-blocking`)
 * expose the same interface, so one Db implementation serves both.
 */
export interface BlockingBindings {
  connect(): BlockingConnection;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
  dropFile(name: string): void;
  copyFileToBuffer(name: string): Uint8Array;
}
export interface BlockingConnection {
  query(sql: string): Table;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
  close(): void;
}

export class DuckDbWasmDb implements Db {
  private readonly conn: BlockingConnection;
  constructor(private readonly bindings: BlockingBindings) {
    this.conn = bindings.connect();
    // Extensions would be fetched from extensions.duckdb.org: nothing may leave the page.
    this.conn.query('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false');
    // A compressed in-memory database: a year of claims takes several times less memory
    // than DuckDB's default uncompressed in-memory tables (measured in bench/).
    this.conn.query("ATTACH ':memory:' AS denial_lens (COMPRESS); USE denial_lens");
  }

  async exec(sql: Sql): Promise<void> {
    this.conn.query(sql.text);
  }

  async query<T = Row>(sql: Sql): Promise<T[]> {
    return arrowToRows(this.conn.query(sql.text)) as T[];
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    this.bindings.registerFileBuffer(name, bytes);
  }

  async dropFile(name: string): Promise<void> {
    this.bindings.dropFile(name);
  }

  async readFile(name: string): Promise<Uint8Array> {
    return this.bindings.copyFileToBuffer(name);
  }

  async insertColumns(table: string, columns: Record<string, ColumnValues>): Promise<void> {
    const arrow = columnsToArrow(columns);
    if (arrow.numRows === 0) return;
    // Serialise with our own apache-arrow: duckdb-wasm may load a second copy of the
    // package (CJS vs ESM) whose tableToIPC does not recognise our Table and writes nothing.
    this.conn.insertArrowFromIPCStream(tableToIPC(arrow, 'stream'), { name: table, create: false });
  }

  async close(): Promise<void> {
    this.conn.close();
  }
}

/**
 * Columns of JS values to an Arrow table; the type of each column is taken from its first
 * non-null value. The buffers are written here rather than by apache-arrow's builders: those
 * compile a validity check with `Function(…)`, which the app's Content-Security-Policy forbids.
 */
export function columnsToArrow(columns: Record<string, ColumnValues>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) vectors[name] = columnVector(values);
  return new Table(vectors);
}

function columnVector(values: ColumnValues): Vector {
  const length = values.length;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    if (values[i] === null) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  const sample = values.find((v) => v !== null);
  if (typeof sample === 'number') {
    const data = new Float64Array(length);
    for (let i = 0; i < length; i++) if (values[i] !== null) data[i] = values[i] as number;
    return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap, data }));
  }
  if (typeof sample === 'boolean') {
    const data = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3] |= 1 << (i & 7);
    return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
  }
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(length + 1);
  let bytes = new Uint8Array(1024);
  let end = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value !== null) {
      const text = String(value);
      if (bytes.length - end < text.length * 3) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + text.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(text, bytes.subarray(end)).written;
    }
    valueOffsets[i + 1] = end;
  }
  return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: bytes.subarray(0, end) }));
}

export function arrowToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((f, i) => ({ field: f, vector: table.getChildAt(i)! }));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (const { field, vector } of columns) row[field.name] = toPlain(vector.get(r), field.type);
    rows[r] = row;
  }
  return rows;
}

function toPlain(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (DataType.isInt(type)) return typeof value === 'bigint' ? Number(value) : value;
  if (DataType.isDecimal(type)) return decimalToNumber(value, (type as unknown as { scale: number }).scale);
  if (DataType.isDate(type)) return new Date(value as number).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return new Date(Number(value)).toISOString();
  if (DataType.isList(type)) {
    const child = (type.children[0] as Field).type;
    return Array.from(value as Iterable<unknown>, (v) => toPlain(v, child));
  }
  if (DataType.isStruct(type)) {
    const out: Row = {};
    for (const f of type.children as Field[]) out[f.name] = toPlain((value as Record<string, unknown>)[f.name], f.type);
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** Arrow decimals arrive as 128-bit little-endian words; DuckDB's money columns fit easily in a double. */
function decimalToNumber(value: unknown, scale: number): number {
  const words = value as Uint32Array;
  let big = 0n;
  for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
  const bits = BigInt(words.length * 32);
  if (big >> (bits - 1n)) big -= 1n << bits; // two's complement
  return Number(big) / 10 ** scale;
}

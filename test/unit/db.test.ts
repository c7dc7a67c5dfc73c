import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { createNodeDb } from '../../src/engine/db/node-db.ts';
import type { Db } from '../../src/engine/db/db.ts';

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
});

describe('DuckDB-WASM Db in Node', () => {
  it('returns plain JS values for DuckDB types', async () => {
    const [row] = await db.query(
      sql`select 42::bigint a, -3.5::decimal(18,2) d, sum(x)::decimal(38,2) s, date '2025-03-04' dt, ['a','b'] l, {'x': 1} st from range(3) t(x)`,
    );
    expect(row).toEqual({ a: 42, d: -3.5, s: 3, dt: '2025-03-04', l: ['a', 'b'], st: { x: 1 } });
  });

  it('appends columns with nulls into an existing table', async () => {
    await db.exec(sql`create table t(a varchar, b double, c boolean)`);
    await db.insertColumns('t', { a: ['x', null, 'z'], b: [1, 2, null], c: [true, false, null] });
    await db.insertColumns('t', { a: ['w'], b: [4], c: [true] });
    expect(await db.query(sql`select * from t order by b nulls last`)).toEqual([
      { a: 'x', b: 1, c: true },
      { a: null, b: 2, c: false },
      { a: 'w', b: 4, c: true },
      { a: 'z', b: null, c: null },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { readFileSync } from 'node:fs';
import { NativeDb } from '../../../src/engine/db/native-db.ts';
import { Engine } from '../../../src/engine/engine.ts';
import { readShippedReferenceFiles } from '../../../src/engine/reference/shipped-files-node.ts';
import { openTestEngine } from '../helpers.ts';

const SAMPLE_CSV = 'sample-data/claims-export-2025-10_2026-09.csv';

let db: NativeDb;
beforeAll(async () => {
  db = await NativeDb.open();
});
afterAll(async () => {
  await db?.close();
});

describe('native DuckDB Db (benchmark and server-side runs)', () => {
  it('returns the same plain JS values as the DuckDB-WASM Db', async () => {
    const [row] = await db.query(
      sql`select 42::bigint a, -3.5::decimal(18,2) d, sum(x)::decimal(38,2) s, date '2025-03-04' dt, ['a','b'] l, {'x': 1} st, timestamp '2025-03-04 05:06:07' ts from range(3) t(x)`,
    );
    expect(row).toEqual({ a: 42, d: -3.5, s: 3, dt: '2025-03-04', l: ['a', 'b'], st: { x: 1 }, ts: '2025-03-04T05:06:07.000Z' });
  });

  it('appends columns with nulls, and reads registered files by name', async () => {
    await db.exec(sql`create table t(a varchar, b double, c boolean)`);
    await db.insertColumns('t', { a: ['x', null, 'z'], b: [1, 2, null], c: [true, false, null] });
    expect(await db.query(sql`select * from t order by b nulls last`)).toEqual([
      { a: 'x', b: 1, c: true },
      { a: null, b: 2, c: false },
      { a: 'z', b: null, c: null },
    ]);
    await db.registerFile('two.csv', new TextEncoder().encode('a,b\n1,x\n2,y\n'));
    expect(await db.query(sql`select sum(a)::int s from read_csv('two.csv')`)).toEqual([{ s: 3 }]);
    await db.dropFile('two.csv');
    await expect(db.registerFile('../escape.csv', new Uint8Array())).rejects.toThrow(/plain file name/);
  });

  it('classifies the sample export exactly as the engine on DuckDB-WASM does', async () => {
    const file = { name: 'sample.csv', bytes: new Uint8Array(readFileSync(SAMPLE_CSV)) };
    const nativeEngine = await Engine.open(await NativeDb.open(), await readShippedReferenceFiles());
    const wasmEngine = await openTestEngine();
    const summary = sql`SELECT category, count(*)::INTEGER AS lines, sum(denied_amount)::DOUBLE AS denied
      FROM denial_facts GROUP BY ALL ORDER BY category NULLS FIRST`;
    const [native] = await nativeEngine.loadFiles([file]);
    const [wasm] = await wasmEngine.loadFiles([file]);
    expect(native.rowsLoaded).toBe(wasm.rowsLoaded);
    const expected = await wasmEngine.db.query(summary);
    expect(expected.length).toBeGreaterThan(5);
    expect(await nativeEngine.db.query(summary)).toEqual(expected);
    await nativeEngine.db.close();
  });
});

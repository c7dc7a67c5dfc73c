import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { columnsToArrow } from '../../../src/engine/db/duckdb-wasm-db.ts';
import type { Db } from '../../../src/engine/db/db.ts';

/**
 * The engine worker runs under the app's Content-Security-Policy, which forbids compiling
 * JavaScript from strings: columns reach DuckDB as Arrow without `Function(…)` or `eval`.
 */
let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function forbidCompiling() {
  const refuse = () => {
    throw new EvalError('compiling a string is refused (Content-Security-Policy)');
  };
  vi.stubGlobal('Function', new Proxy(Function, { apply: refuse, construct: refuse }));
  vi.stubGlobal('eval', refuse);
}

describe('columns to Arrow under a CSP without unsafe-eval', () => {
  it('writes numbers, booleans and text (nulls, non-ASCII, long values) that DuckDB reads back exactly', async () => {
    const long = 'é'.repeat(700) + '漢字';
    const columns = {
      id: [1, 2, 3, 4, 5],
      amount: [10.25, null, -0.5, 1e9, 0],
      flag: [true, null, false, true, false],
      code: ['M54.50', null, long, '', 'Müller, “Jo”'],
      empty: [null, null, null, null, null],
    };
    forbidCompiling();
    const table = columnsToArrow(columns);
    vi.unstubAllGlobals();
    expect(table.numRows).toBe(5);

    await db.exec(sql`create table arrow_check(id double, amount double, flag boolean, code varchar, empty varchar)`);
    forbidCompiling();
    await db.insertColumns('arrow_check', columns);
    vi.unstubAllGlobals();
    expect(await db.query(sql`select * from arrow_check order by id`)).toEqual(
      columns.id.map((id, i) => ({ id, amount: columns.amount[i], flag: columns.flag[i], code: columns.code[i], empty: null })),
    );
  });
});

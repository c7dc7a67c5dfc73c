import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Sql } from '../../../src/engine/db/sql.ts';
import { CachingDb } from '../../../src/engine/db/caching-db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import type { Db } from '../../../src/engine/db/db.ts';

let inner: Db;
let asked: string[];
let db: CachingDb;
beforeAll(async () => {
  inner = await createNodeDb();
  const query = inner.query.bind(inner);
  asked = [];
  inner.query = (text: Sql) => {
    asked.push(text.text);
    return query(text);
  };
  db = new CachingDb(inner);
  await db.exec(sql`CREATE TABLE t AS SELECT range AS i FROM range(3)`);
});

describe('query answers kept until the data changes', () => {
  it('answers a repeated query without asking DuckDB again, with rows the caller may change', async () => {
    const sum = sql`SELECT sum(i)::INTEGER AS s FROM t`;
    const first = await db.query<{ s: number }>(sum);
    first[0].s = 99;
    expect(await db.query(sum)).toEqual([{ s: 3 }]);
    expect(asked.filter((q) => q === sum.text)).toHaveLength(1);
  });

  it('forgets every answer on any write', async () => {
    const count = sql`SELECT count(*)::INTEGER AS n FROM t`;
    expect(await db.query(count)).toEqual([{ n: 3 }]);
    await db.exec(sql`INSERT INTO t VALUES (10)`);
    expect(await db.query(count)).toEqual([{ n: 4 }]);
    await db.exec(sql`CREATE TABLE u (a VARCHAR)`);
    await db.insertColumns('u', { a: ['x'] });
    expect(await db.query(sql`SELECT count(*)::INTEGER AS n FROM u`)).toEqual([{ n: 1 }]);
    await db.insertColumns('u', { a: ['y'] });
    expect(await db.query(sql`SELECT count(*)::INTEGER AS n FROM u`)).toEqual([{ n: 2 }]);
  });

  it('does not keep big answers', async () => {
    const big = sql`SELECT range AS i FROM range(5000)`;
    expect(await db.query(big)).toHaveLength(5000);
    expect(await db.query(big)).toHaveLength(5000);
    expect(asked.filter((q) => q === big.text)).toHaveLength(2);
  });
});

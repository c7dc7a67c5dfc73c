import { describe, it, expect, beforeAll } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import type { Db } from '../../../src/engine/db/db.ts';
import { CLAIM_KEY_RANGE_SQL, countClaimsSql, type ClaimKeyRange } from '../../../src/engine/analytics/claim-count.sql.ts';

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
});

/** Both counts, per group, over denial_facts as it is now. */
async function counts(): Promise<{ g: number; distinct: number; bitmap: number; distinct_denied: number; bitmap_denied: number }[]> {
  const [range] = await db.query<ClaimKeyRange>(CLAIM_KEY_RANGE_SQL);
  return db.query(sql`
    SELECT g, count(DISTINCT claim_key)::INTEGER AS distinct, ${countClaimsSql(range)} AS bitmap,
      coalesce(count(DISTINCT claim_key) FILTER (WHERE denied), 0)::INTEGER AS distinct_denied, ${countClaimsSql(range, sql`denied`)} AS bitmap_denied
    FROM denial_facts GROUP BY g ORDER BY g`);
}

describe('distinct claims as a bitmap over the claim keys', () => {
  it('counts what count(DISTINCT claim_key) counts, with gaps, repeats, a filter that matches nothing, and keys far apart', async () => {
    await db.exec(sql`CREATE OR REPLACE TABLE denial_facts AS
      SELECT i % 3 AS g, (CASE WHEN i % 7 = 0 THEN 900000 + i ELSE (i * 37) % 1000 + 5 END)::BIGINT AS claim_key, (i % 5 = 0 AND i % 3 <> 2) AS denied
      FROM range(5000) t(i)`);
    const rows = await counts();
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.bitmap).toBe(r.distinct);
      expect(r.bitmap_denied).toBe(r.distinct_denied);
    }
    expect(rows[2].bitmap_denied).toBe(0); // group 2 has no denied rows
    expect(rows[0].bitmap).toBeGreaterThan(1000 / 3);
  });

  it('answers an empty table with an empty range', async () => {
    await db.exec(sql`CREATE OR REPLACE TABLE denial_facts (g INTEGER, claim_key BIGINT, denied BOOLEAN)`);
    expect(await db.query(CLAIM_KEY_RANGE_SQL)).toEqual([{ min: 0, max: 0 }]);
    expect(await counts()).toEqual([]);
  });

  it('refuses bounds that are not integers, so nothing but numbers reaches the SQL', () => {
    expect(() => countClaimsSql({ min: 1.5, max: 9 })).toThrow(/not an integer/);
    expect(() => countClaimsSql({ min: 0, max: Number.NaN })).toThrow(/not an integer/);
  });
});

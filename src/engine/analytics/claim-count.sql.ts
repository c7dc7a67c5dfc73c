import { sql, type Sql } from '../db/sql.ts';
/**
 * Distinct claims as a bitmap over the claim keys: bitstring_agg sets one bit per
 * claim_key in [min, max] and bit_count counts them. Same answers as
 * count(DISTINCT claim_key), without its hash table, which made the review's KPI
 * query the slowest of a filter change (figures: README, Performance).
 * Used where there are few groups (months); a bitmap per pattern would cost more memory
 * than it saves.
 */

/** The range of claim keys in denial_facts (0–0 when it is empty). */
export interface ClaimKeyRange {
  min: number;
  max: number;
}

export const CLAIM_KEY_RANGE_SQL = sql`
SELECT coalesce(min(claim_key), 0)::DOUBLE AS min, coalesce(max(claim_key), 0)::DOUBLE AS max FROM denial_facts`;

/** Distinct claims among the rows of the group (that meet `cond`), 0 when none. */
export function countClaimsSql(range: ClaimKeyRange, cond?: Sql): Sql {
  for (const bound of [range.min, range.max]) {
    if (!Number.isSafeInteger(bound)) throw new Error(`claim key bound ${bound} is not an integer`);
  }
  const bitmap = sql`bitstring_agg(claim_key, ${range.min}, ${range.max})`;
  return sql`coalesce(bit_count(${cond ? sql`${bitmap} FILTER (WHERE ${cond})` : bitmap}), 0)::INTEGER`;
}

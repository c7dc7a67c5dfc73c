import { sql } from '../db/sql.ts';
/**
 * Claim-level CAS (loop 2100: adjustments the payer did not attribute to a line)
 * allocated to the claim's lines, so a claim-level amount is counted once, never
 * copied onto every line ($20 on a two-line claim stays $20).
 *
 * Rule: pro rata to each line's balance (charge − paid) not already explained by
 * its own CAS; when the lines' own CAS explain every balance (payers that repeat
 * line totals at claim level), pro rata to the balance itself; without any
 * balance, to the charge; without charges, equally. Amounts are split in cents:
 * each line gets the floor of its share, and the cents left over go one each to
 * the largest remainders (ties: the lower line_id), so the shares add up to the
 * claim amount exactly. A claim without service lines stands in as one line
 * (line_id = −claim_key) and takes the whole amount. An amount the file did not
 * give stays NULL on every line.
 */
export const CLAIM_ADJUSTMENT_SHARES_SQL = sql`
CREATE OR REPLACE TABLE claim_adjustment_shares AS
WITH claim_adj AS (
  SELECT row_number() OVER () AS adj_no, claim_key, group_code, carc, amount FROM adjustments WHERE level = 'claim'
), own AS (
  SELECT line_id, sum(amount) AS own FROM adjustments
  WHERE level = 'line' AND claim_key IN (SELECT claim_key FROM claim_adj) GROUP BY line_id
), lines AS (
  SELECT al.line_id, al.claim_key,
    greatest(coalesce(al.billed, 0) - coalesce(al.paid, 0), 0) AS balance,
    greatest(coalesce(al.billed, 0) - coalesce(al.paid, 0) - coalesce(o.own, 0), 0) AS unexplained,
    abs(coalesce(al.billed, 0)) AS charge
  FROM analysis_lines al LEFT JOIN own o USING (line_id)
  WHERE al.claim_key IN (SELECT claim_key FROM claim_adj)
), weighted AS (
  SELECT line_id, claim_key,
    CASE WHEN sum(unexplained) OVER c > 0 THEN unexplained WHEN sum(balance) OVER c > 0 THEN balance
         WHEN sum(charge) OVER c > 0 THEN charge ELSE 1 END AS weight
  FROM lines WINDOW c AS (PARTITION BY claim_key)
), cents AS (
  SELECT a.adj_no, a.claim_key, a.group_code, a.carc, a.amount, l.line_id,
    round(abs(a.amount) * 100)::HUGEINT AS total, (l.weight * 100)::HUGEINT AS w,
    (sum(l.weight) OVER (PARTITION BY a.adj_no) * 100)::HUGEINT AS w_sum
  FROM claim_adj a JOIN weighted l USING (claim_key)
), split AS (
  SELECT *, total * w // w_sum AS base, total * w % w_sum AS remainder FROM cents
), ranked AS (
  SELECT *, total - sum(base) OVER (PARTITION BY adj_no) AS leftover,
    row_number() OVER (PARTITION BY adj_no ORDER BY remainder DESC, line_id) AS place
  FROM split
)
SELECT line_id, claim_key, group_code, carc,
  (sign(amount) * (base + CASE WHEN place <= leftover THEN 1 ELSE 0 END) / 100)::DECIMAL(18,2) AS amount,
  amount AS claim_amount
FROM ranked
-- a line with no share of a non-zero amount does not carry the code
WHERE amount IS NULL OR amount = 0 OR base + CASE WHEN place <= leftover THEN 1 ELSE 0 END > 0;
`;

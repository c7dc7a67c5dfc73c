import { isMonth } from './months.ts';
import { CODING_CATEGORY_SQL as CODING, UNEXPLAINED_CATEGORY_SQL, factSource, monthColumnSql, whereSql, type Filters } from './filters.sql.ts';
import { countClaimsSql, type ClaimKeyRange } from './claim-count.sql.ts';
import type { Category } from '../classify/categories.ts';
import { sql, type Sql } from '../db/sql.ts';

/**
 * The monthly review's queries. Rates keep every line of the month in the
 * denominator: a category filter narrows what counts as denied (the numerator),
 * never the lines the rate is taken over.
 */

/** DATE literal of the reviewed month (filters.month is required here). */
export function reviewMonthSql(filters: Filters): Sql {
  if (!filters.month || !isMonth(filters.month)) throw new Error(`a review month (YYYY-MM) is required, got ${filters.month}`);
  return sql`DATE ${`${filters.month}-01`}`;
}

/** "denied, and in the chosen categories" */
function deniedSql(filters: Filters): Sql {
  return sql`denied AND ${whereSql({ categories: filters.categories })}`;
}

/** The measures every month-level KPI is built from, over rows `f` with month `m`. */
function monthMeasuresSql(filters: Filters, claimKeys: ClaimKeyRange): Sql {
  const denied = deniedSql(filters);
  return sql`count(*)::INTEGER AS lines,
    ${countClaimsSql(claimKeys)} AS claims,
    coalesce(sum(billed), 0)::DOUBLE AS billed,
    count(*) FILTER (WHERE ${denied})::INTEGER AS denied_lines,
    ${countClaimsSql(claimKeys, denied)} AS denied_claims,
    coalesce(sum(denied_amount) FILTER (WHERE ${denied}), 0)::DOUBLE AS denied_amount,
    count(*) FILTER (WHERE ${denied} AND ${CODING})::INTEGER AS coding_denied_lines,
    coalesce(sum(denied_amount) FILTER (WHERE ${denied} AND ${CODING}), 0)::DOUBLE AS coding_denied_amount,
    coalesce(sum(denied_amount) FILTER (WHERE ${denied} AND ${UNEXPLAINED_CATEGORY_SQL}), 0)::DOUBLE AS unexplained_amount,
    count(*) FILTER (WHERE ${denied} AND recovered)::INTEGER AS recovered_lines,
    coalesce(sum(paid_later) FILTER (WHERE ${denied} AND recovered), 0)::DOUBLE AS recovered_amount`;
}

/**
 * The reviewed month and the three before it, one row each, with `loaded` false
 * for months outside the loaded data (so a missing month is not read as zero).
 */
export function kpiMonthsSql(filters: Filters, claimKeys: ClaimKeyRange): Sql {
  const month = reviewMonthSql(filters);
  const col = monthColumnSql(filters);
  return sql`
WITH months AS (
  SELECT unnest(generate_series(${month} - INTERVAL 3 MONTH, ${month}, INTERVAL 1 MONTH))::DATE AS m
), f AS (
  SELECT ${col} AS m, * FROM denial_facts
  WHERE ${whereSql(filters, { skipMonth: true, skipCategory: true })}
    AND ${col} BETWEEN (${month} - INTERVAL 3 MONTH)::DATE AND ${month}
), per_month AS (
  SELECT m, ${monthMeasuresSql(filters, claimKeys)} FROM f GROUP BY m
), post_payment AS (
  -- recoupments, in the month of the reversal whatever the basis (facts.sql.ts POST_PAYMENT_DENIALS_SQL)
  SELECT reversal_month AS m, count(*)::INTEGER AS post_payment_denied_lines, sum(recouped)::DOUBLE AS post_payment_denied_amount
  FROM post_payment_denials
  WHERE ${whereSql(filters, { skipMonth: true, skipCategory: true })}
    AND reversal_month BETWEEN (${month} - INTERVAL 3 MONTH)::DATE AND ${month}
  GROUP BY reversal_month
), loaded AS (
  SELECT min(${col}) AS first, max(${col}) AS last FROM denial_facts
)
SELECT strftime(months.m, '%Y-%m') AS month, coalesce(months.m BETWEEN loaded.first AND loaded.last, false) AS loaded,
  coalesce(lines, 0) AS lines, coalesce(claims, 0) AS claims, coalesce(billed, 0) AS billed,
  coalesce(denied_lines, 0) AS denied_lines, coalesce(denied_claims, 0) AS denied_claims, coalesce(denied_amount, 0) AS denied_amount,
  coalesce(coding_denied_lines, 0) AS coding_denied_lines, coalesce(coding_denied_amount, 0) AS coding_denied_amount,
  coalesce(unexplained_amount, 0) AS unexplained_amount,
  coalesce(recovered_lines, 0) AS recovered_lines, coalesce(recovered_amount, 0) AS recovered_amount,
  coalesce(post_payment_denied_lines, 0) AS post_payment_denied_lines, coalesce(post_payment_denied_amount, 0) AS post_payment_denied_amount
FROM months CROSS JOIN loaded LEFT JOIN per_month USING (m) LEFT JOIN post_payment USING (m)
ORDER BY months.m`;
}

/** Rates: denied lines ÷ lines, denied dollars ÷ billed (null when nothing was billed); fractions. */
interface Rates {
  rate_lines: number;
  rate_dollars: number | null;
}

export interface PayerMonthRow extends Rates {
  month: string;
  payer: string;
  /** 1 = most lines over all months; the grouped other payers come last */
  payer_rank: number;
  lines: number;
  billed: number;
  denied_lines: number;
  denied_amount: number;
}

export interface PayerCategoryRow extends Rates {
  payer: string;
  lines: number;
  billed: number;
  denied_lines: number;
  denied_amount: number;
  cells: { category: Category; lines: number; amount: number }[];
}

export interface ProviderMonthRow extends Omit<PayerMonthRow, 'payer' | 'payer_rank'> {
  provider: string;
  coding_denied_amount: number;
  other_denied_amount: number;
}

/** Payers beyond this many (by lines) are shown together, so the rate chart stays readable. */
export const TOP_PAYERS = 7;
export const OTHER_PAYERS = '(other payers)';

/** Lines and denials per month and payer, over every loaded month (aggregated first: 1M lines stay fast). */
export function payerTrendSql(filters: Filters): Sql {
  const col = monthColumnSql(filters);
  const denied = deniedSql(filters);
  const source = factSource(filters);
  return sql`
WITH per AS (
  SELECT ${col} AS m, payer, ${source.count()} AS lines, sum(billed) AS billed,
    ${source.count(denied)} AS denied_lines, sum(denied_amount) FILTER (WHERE ${denied}) AS denied_amount
  FROM ${source.table}
  WHERE ${whereSql(filters, { skipMonth: true, skipCategory: true })} AND ${col} IS NOT NULL
  GROUP BY ALL
), ranked AS (
  SELECT payer, row_number() OVER (ORDER BY sum(lines) DESC, payer) AS r FROM per GROUP BY payer
)
SELECT strftime(m, '%Y-%m') AS month, CASE WHEN r <= ${TOP_PAYERS} THEN payer ELSE ${OTHER_PAYERS} END AS payer,
  sum(lines)::INTEGER AS lines, coalesce(sum(billed), 0)::DOUBLE AS billed,
  sum(denied_lines)::INTEGER AS denied_lines, coalesce(sum(denied_amount), 0)::DOUBLE AS denied_amount,
  (sum(denied_lines) / sum(lines))::DOUBLE AS rate_lines, (coalesce(sum(denied_amount), 0) / nullif(sum(billed), 0))::DOUBLE AS rate_dollars,
  least(min(r), ${TOP_PAYERS + 1})::INTEGER AS payer_rank
FROM per JOIN ranked USING (payer)
GROUP BY ALL
ORDER BY month, min(r)`;
}

/** The reviewed month by payer, with its denials split by category (the payer × category heatmap). */
export function payerCategorySql(filters: Filters): Sql {
  const denied = deniedSql(filters);
  const source = factSource(filters);
  return sql`
WITH per AS (
  SELECT payer, category, ${denied} AS counted, ${source.count()} AS lines, sum(billed) AS billed, sum(denied_amount) AS amount
  FROM ${source.table} WHERE ${whereSql(filters, { skipCategory: true })}
  GROUP BY ALL
)
SELECT payer, sum(lines)::INTEGER AS lines, coalesce(sum(billed), 0)::DOUBLE AS billed,
  coalesce(sum(lines) FILTER (WHERE counted), 0)::INTEGER AS denied_lines,
  coalesce(sum(amount) FILTER (WHERE counted), 0)::DOUBLE AS denied_amount,
  (coalesce(sum(lines) FILTER (WHERE counted), 0) / sum(lines))::DOUBLE AS rate_lines,
  (coalesce(sum(amount) FILTER (WHERE counted), 0) / nullif(sum(billed), 0))::DOUBLE AS rate_dollars,
  coalesce(list({'category': category, 'lines': lines::INTEGER, 'amount': amount::DOUBLE} ORDER BY amount DESC, category) FILTER (WHERE counted), []) AS cells
FROM per
GROUP BY payer
ORDER BY denied_amount DESC, payer`;
}

/** Lines and denials per month and rendering provider, coding denials apart. */
export function providerTrendSql(filters: Filters): Sql {
  const col = monthColumnSql(filters);
  const denied = deniedSql(filters);
  const source = factSource(filters);
  // grouped by the month's date, formatted after: formatting a million dates first took most of the time
  return sql`
SELECT strftime(m, '%Y-%m') AS month, * EXCLUDE (m) FROM (
  SELECT ${col} AS m, provider,
    ${source.count()}::INTEGER AS lines, coalesce(sum(billed), 0)::DOUBLE AS billed,
    ${source.count(denied)}::INTEGER AS denied_lines,
    coalesce(sum(denied_amount) FILTER (WHERE ${denied}), 0)::DOUBLE AS denied_amount,
    coalesce(sum(denied_amount) FILTER (WHERE ${denied} AND ${CODING}), 0)::DOUBLE AS coding_denied_amount,
    coalesce(sum(denied_amount) FILTER (WHERE ${denied} AND NOT ${CODING}), 0)::DOUBLE AS other_denied_amount,
    (${source.count(denied)} / ${source.count()})::DOUBLE AS rate_lines,
    (coalesce(sum(denied_amount) FILTER (WHERE ${denied}), 0) / nullif(sum(billed), 0))::DOUBLE AS rate_dollars
  FROM ${source.table}
  WHERE ${whereSql(filters, { skipMonth: true, skipCategory: true })} AND ${col} IS NOT NULL
  GROUP BY ALL
)
ORDER BY month, provider`;
}

/**
 * Whether the loaded files can show what happens to a line after its first adjudication
 * (a later payment, a reversal, a recoupment): an 835 carries the later adjudications; an
 * export of first adjudications never does, unless some line of it has several
 * adjudications or a reversal.
 */
export const LATER_ADJUDICATIONS_SEEN_SQL = sql`
SELECT EXISTS (SELECT 1 FROM files WHERE format = 'x12-835')
    OR EXISTS (SELECT 1 FROM analysis_lines WHERE adjudications > 1 OR was_reversed) AS seen
`;

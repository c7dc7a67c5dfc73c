import { sqlString } from '../db/sql-quote.ts';
import { monthColumn, whereClause, type Filters } from './filters.sql.ts';

/** Lines, denials and dollars per month, with denied lines and dollars per category (the stacked bar chart). */
export function monthlyByCategorySql(filters: Filters): string {
  return /* sql */ `
WITH f AS (
  SELECT ${monthColumn(filters)} AS m, * FROM denial_facts
  WHERE ${whereClause(filters, { skipMonth: true })} AND ${monthColumn(filters)} IS NOT NULL
), totals AS (
  SELECT m, count(*)::INTEGER AS lines, count(*) FILTER (WHERE denied)::INTEGER AS denied_lines,
    sum(billed)::DOUBLE AS billed, sum(denied_amount)::DOUBLE AS denied_amount
  FROM f GROUP BY m
), categories AS (
  SELECT m, list({'category': category, 'lines': n, 'amount': amount} ORDER BY category) AS by_category
  FROM (SELECT m, category, count(*)::INTEGER AS n, sum(denied_amount)::DOUBLE AS amount FROM f WHERE denied GROUP BY m, category)
  GROUP BY m
)
SELECT strftime(m, '%Y-%m') AS month, lines, denied_lines, billed, denied_amount, coalesce(by_category, []) AS by_category
FROM totals LEFT JOIN categories USING (m)
ORDER BY m`;
}

/** Headline numbers for the selected filters (and month, when one is chosen). */
export function kpisSql(filters: Filters): string {
  return /* sql */ `
SELECT count(*)::INTEGER AS lines,
  count(DISTINCT claim_key)::INTEGER AS claims,
  count(*) FILTER (WHERE denied)::INTEGER AS denied_lines,
  count(DISTINCT claim_key) FILTER (WHERE denied)::INTEGER AS denied_claims,
  coalesce(sum(billed), 0)::DOUBLE AS billed,
  coalesce(sum(paid), 0)::DOUBLE AS paid,
  coalesce(sum(denied_amount), 0)::DOUBLE AS denied_amount,
  coalesce(sum(billed) FILTER (WHERE denied), 0)::DOUBLE AS denied_billed,
  count(*) FILTER (WHERE denied AND category IN ('outdated', 'missing_modifier', 'unspecified', 'mismatch'))::INTEGER AS coding_denied_lines,
  coalesce(sum(denied_amount) FILTER (WHERE denied AND category IN ('outdated', 'missing_modifier', 'unspecified', 'mismatch')), 0)::DOUBLE AS coding_denied_amount,
  coalesce(sum(paid_later) FILTER (WHERE recovered), 0)::DOUBLE AS recovered_amount
FROM denial_facts WHERE ${whereClause(filters)}`;
}

export type SortDirection = 'asc' | 'desc';
const SORTABLE = new Set([
  'service_date', 'paid_date', 'claim_id', 'payer', 'provider', 'procedure', 'category', 'billed', 'paid', 'denied_amount',
]);

/** A page of denied lines for the table; sorting and filtering happen here, not in the browser. */
export function deniedLinesSql(filters: Filters, page: { offset: number; limit: number; sort?: { column: string; direction: SortDirection }; search?: string }): string {
  const sort = page.sort && SORTABLE.has(page.sort.column) ? page.sort : { column: 'denied_amount', direction: 'desc' as const };
  const search = page.search?.trim()
    ? `AND (claim_id ILIKE ${sqlString(`%${page.search.trim()}%`)} OR procedure ILIKE ${sqlString(`%${page.search.trim()}%`)}
         OR coalesce(array_to_string(diagnoses, ' '), '') ILIKE ${sqlString(`%${page.search.trim().replace('.', '')}%`)})`
    : '';
  return /* sql */ `
SELECT line_id, claim_id, line_number, strftime(service_date, '%Y-%m-%d') AS service_date, strftime(paid_date, '%Y-%m-%d') AS paid_date,
  payer, provider, procedure, modifiers, diagnoses, billed::DOUBLE AS billed, paid::DOUBLE AS paid, denied_amount::DOUBLE AS denied_amount,
  denial_type, category, fix, recovered, count(*) OVER ()::INTEGER AS total
FROM denial_facts
WHERE denied AND ${whereClause(filters)} ${search}
ORDER BY ${sort.column} ${sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, line_id
LIMIT ${Math.max(1, Math.min(1000, Math.floor(page.limit)))} OFFSET ${Math.max(0, Math.floor(page.offset))}`;
}

/** Distinct values for the filter pickers. */
export const FILTER_OPTIONS_SQL = /* sql */ `
SELECT
  (SELECT list(DISTINCT payer ORDER BY payer) FROM denial_facts) AS payers,
  (SELECT list(DISTINCT provider ORDER BY provider) FROM denial_facts) AS providers,
  (SELECT list(DISTINCT strftime(service_month, '%Y-%m') ORDER BY 1) FROM denial_facts WHERE service_month IS NOT NULL) AS service_months,
  (SELECT list(DISTINCT strftime(remit_month, '%Y-%m') ORDER BY 1) FROM denial_facts WHERE remit_month IS NOT NULL) AS remit_months
`;

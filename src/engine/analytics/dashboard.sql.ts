import type { Category } from '../classify/categories.ts';
import { CODING_CATEGORY_SQL, factSource, monthColumnSql, whereSql, type Filters } from './filters.sql.ts';
import { countClaimsSql, type ClaimKeyRange } from './claim-count.sql.ts';
import { ident, sql, type Sql } from '../db/sql.ts';

export interface MonthRow {
  month: string;
  lines: number;
  denied_lines: number;
  billed: number;
  denied_amount: number;
  by_category: { category: Category; lines: number; amount: number }[];
}

/**
 * Lines, denials and dollars per month, with denied lines and dollars per category
 * (the stacked bar chart). A category filter narrows the denials, not the lines
 * they are a share of. One pass grouped by month and category (over review_cube
 * unless a filter needs the lines), then rolled up.
 */
export function monthlyByCategorySql(filters: Filters): Sql {
  const source = factSource(filters);
  return sql`
WITH per AS (
  SELECT ${monthColumnSql(filters)} AS m, category, denied AND ${whereSql({ categories: filters.categories })} AS counted,
    ${source.count()} AS n, sum(billed) AS billed, sum(denied_amount) AS amount
  FROM ${source.table}
  WHERE ${whereSql(filters, { skipMonth: true, skipCategory: true })} AND ${monthColumnSql(filters)} IS NOT NULL
  GROUP BY ALL
)
SELECT strftime(m, '%Y-%m') AS month, sum(n)::INTEGER AS lines, coalesce(sum(n) FILTER (WHERE counted), 0)::INTEGER AS denied_lines,
  sum(billed)::DOUBLE AS billed, coalesce(sum(amount) FILTER (WHERE counted), 0)::DOUBLE AS denied_amount,
  coalesce(list({'category': category, 'lines': n::INTEGER, 'amount': amount::DOUBLE} ORDER BY category) FILTER (WHERE counted), []) AS by_category
FROM per
GROUP BY m
ORDER BY m`;
}

/** Headline numbers for the selected filters (and month, when one is chosen). */
export interface Kpis {
  lines: number;
  claims: number;
  denied_lines: number;
  denied_claims: number;
  billed: number;
  paid: number;
  denied_amount: number;
  denied_billed: number;
  coding_denied_lines: number;
  coding_denied_amount: number;
  recovered_amount: number;
}
/** As in the monthly review, a category filter narrows the denials, never the lines they are a share of. */
export function kpisSql(filters: Filters, claimKeys: ClaimKeyRange): Sql {
  const denied = sql`denied AND ${whereSql({ categories: filters.categories })}`;
  return sql`
SELECT count(*)::INTEGER AS lines,
  ${countClaimsSql(claimKeys)} AS claims,
  count(*) FILTER (WHERE ${denied})::INTEGER AS denied_lines,
  ${countClaimsSql(claimKeys, denied)} AS denied_claims,
  coalesce(sum(billed), 0)::DOUBLE AS billed,
  coalesce(sum(paid), 0)::DOUBLE AS paid,
  coalesce(sum(denied_amount) FILTER (WHERE ${denied}), 0)::DOUBLE AS denied_amount,
  coalesce(sum(billed) FILTER (WHERE ${denied}), 0)::DOUBLE AS denied_billed,
  count(*) FILTER (WHERE ${denied} AND ${CODING_CATEGORY_SQL})::INTEGER AS coding_denied_lines,
  coalesce(sum(denied_amount) FILTER (WHERE ${denied} AND ${CODING_CATEGORY_SQL}), 0)::DOUBLE AS coding_denied_amount,
  coalesce(sum(paid_later) FILTER (WHERE ${denied} AND recovered), 0)::DOUBLE AS recovered_amount
FROM denial_facts WHERE ${whereSql(filters, { skipCategory: true })}`;
}

export type SortDirection = 'asc' | 'desc';
const SORTABLE = new Set([
  'service_date', 'paid_date', 'claim_id', 'payer', 'provider', 'procedure', 'category', 'billed', 'paid', 'denied_amount',
]);

/** Which denied lines, in which order: the table's filters, search and sort, shared by its pages and its CSV export. */
function deniedLinesQuery(filters: Filters, options: { sort?: { column: string; direction: SortDirection }; search?: string }): { where: Sql; order: Sql } {
  const sort = options.sort && SORTABLE.has(options.sort.column) ? options.sort : { column: 'denied_amount', direction: 'desc' as const };
  const term = options.search?.trim().toLowerCase();
  // a substring, not a LIKE pattern: '%' and '_' typed in the search box are characters
  const search = term
    ? sql`AND (contains(lower(claim_id), ${term}) OR contains(lower(procedure), ${term})
         OR contains(lower(coalesce(array_to_string(diagnoses, ' '), '')), ${term.replace('.', '')}))`
    : sql``;
  return {
    where: sql`denied AND ${whereSql(filters)} ${search}`,
    order: sql`${ident(sort.column)} ${sort.direction === 'asc' ? sql`ASC` : sql`DESC`} NULLS LAST, line_id`,
  };
}

/** One row of deniedLinesSql; `total` is the number of rows the whole filter matches. */
export interface DeniedLineRow {
  line_id: number;
  claim_id: string;
  line_number: number | null;
  service_date: string | null;
  paid_date: string | null;
  payer: string;
  provider: string;
  procedure: string | null;
  modifiers: string[];
  diagnoses: string[];
  billed: number;
  paid: number;
  denied_amount: number;
  denial_type: 'full' | 'partial';
  category: Category;
  fix: string;
  recovered: boolean;
  total: number;
}

/** A page of denied lines for the table; sorting and filtering happen here, not in the browser. */
export function deniedLinesSql(filters: Filters, page: { offset: number; limit: number; sort?: { column: string; direction: SortDirection }; search?: string }): Sql {
  const { where, order } = deniedLinesQuery(filters, page);
  return sql`
SELECT line_id, claim_id, line_number, strftime(service_date, '%Y-%m-%d') AS service_date, strftime(paid_date, '%Y-%m-%d') AS paid_date,
  payer, provider, procedure, modifiers, diagnoses, billed::DOUBLE AS billed, paid::DOUBLE AS paid, denied_amount::DOUBLE AS denied_amount,
  denial_type, category, fix, recovered, count(*) OVER ()::INTEGER AS total
FROM denial_facts
WHERE ${where}
ORDER BY ${order}
LIMIT ${Math.max(1, Math.min(1000, Math.floor(page.limit)))} OFFSET ${Math.max(0, Math.floor(page.offset))}`;
}

/** One CAS adjustment (or one of the export's adjustment codes): group (CO, PR, OA, PI), CARC, amount. */
export interface ExportAdjustment {
  group_code: string | null;
  carc: string;
  amount: number | null;
}

/** A row of deniedLinesExportSql: the table's row, diagnoses dotted, with its codes, identifiers, evidence and later payments. */
export type DeniedLineExportRow = Omit<DeniedLineRow, 'line_id' | 'recovered' | 'total'> & {
  patient_account: string | null;
  payer_claim_number: string | null;
  /** the line's adjustments, then the claim-level ones (CAS at CLP level), each in file order */
  line_adjustments: ExportAdjustment[];
  claim_adjustments: ExportAdjustment[];
  line_remarks: string[];
  claim_remarks: string[];
  evidence: string[];
  paid_later: number;
};

/**
 * Every denied line the table shows (same filters, search and order), with what a spreadsheet
 * needs: the payer's adjustment and remark codes of the adjudication that counted, the patient
 * account and the payer's claim number (CLP07).
 */
export function deniedLinesExportSql(filters: Filters, options: { sort?: { column: string; direction: SortDirection }; search?: string }): Sql {
  const { where, order } = deniedLinesQuery(filters, options);
  return sql`
WITH line_adj AS (
  SELECT line_id, list({'group_code': group_code, 'carc': carc, 'amount': amount::DOUBLE} ORDER BY rowid) AS line_adjustments
  FROM adjustments WHERE level = 'line' GROUP BY line_id
), claim_adj AS (
  SELECT claim_key, list({'group_code': group_code, 'carc': carc, 'amount': amount::DOUBLE} ORDER BY rowid) AS claim_adjustments
  FROM adjustments WHERE level = 'claim' GROUP BY claim_key
), line_rem AS (
  SELECT line_id, list(code ORDER BY rowid) AS line_remarks FROM remarks WHERE level = 'line' GROUP BY line_id
), claim_rem AS (
  SELECT claim_key, list(code ORDER BY rowid) AS claim_remarks FROM remarks WHERE level = 'claim' GROUP BY claim_key
), claim_numbers AS (
  SELECT line_id, payer_claim_number FROM analysis_lines
)
SELECT claim_id, line_number, strftime(service_date, '%Y-%m-%d') AS service_date, strftime(paid_date, '%Y-%m-%d') AS paid_date,
  patient_account, payer_claim_number,
  payer, provider, procedure, modifiers, list_transform(diagnoses, lambda d: dl_icd_dotted(d)) AS diagnoses,
  billed::DOUBLE AS billed, paid::DOUBLE AS paid, denied_amount::DOUBLE AS denied_amount, denial_type, category,
  coalesce(line_adjustments, []) AS line_adjustments, coalesce(claim_adjustments, []) AS claim_adjustments,
  coalesce(line_remarks, []) AS line_remarks, coalesce(claim_remarks, []) AS claim_remarks,
  list_transform(evidence, lambda e: e.text) AS evidence, fix, paid_later::DOUBLE AS paid_later
FROM denial_facts
LEFT JOIN claim_numbers USING (line_id)
LEFT JOIN line_adj USING (line_id)
LEFT JOIN line_rem USING (line_id)
LEFT JOIN claim_adj USING (claim_key)
LEFT JOIN claim_rem USING (claim_key)
WHERE ${where}
ORDER BY ${order}`;
}

/** Distinct values for the filter pickers (NULL lists before anything is loaded). */
export interface FilterOptionsRow {
  payers: string[] | null;
  providers: string[] | null;
  service_months: string[] | null;
  remit_months: string[] | null;
}
export type FilterOptions = { [K in keyof FilterOptionsRow]: NonNullable<FilterOptionsRow[K]> };
export const FILTER_OPTIONS_SQL = sql`
SELECT
  (SELECT list(DISTINCT payer ORDER BY payer) FROM denial_facts) AS payers,
  (SELECT list(DISTINCT provider ORDER BY provider) FROM denial_facts) AS providers,
  (SELECT list(DISTINCT strftime(service_month, '%Y-%m') ORDER BY 1) FROM denial_facts WHERE service_month IS NOT NULL) AS service_months,
  (SELECT list(DISTINCT strftime(remit_month, '%Y-%m') ORDER BY 1) FROM denial_facts WHERE remit_month IS NOT NULL) AS remit_months
`;

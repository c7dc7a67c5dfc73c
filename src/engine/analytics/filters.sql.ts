import { sqlString } from '../db/sql-quote.ts';
import { CODING_CATEGORIES } from '../classify/categories.ts';

/** What the user narrowed the view to. Every chart, KPI and table takes the same filters. */
export interface Filters {
  /** Which date buckets a line into a month: date of service (default) or remittance (check/EFT) date. */
  basis?: 'service' | 'remit';
  /** 'YYYY-MM' */
  month?: string;
  payers?: string[];
  providers?: string[];
  categories?: string[];
  procedures?: string[];
  diagnoses?: string[];
  /** One denial pattern of the monthly review (line_patterns.pattern_key). */
  pattern?: string;
}

/** A line whose primary category is one of the four coding categories. */
export const CODING_CATEGORY_SQL = `category IN (${CODING_CATEGORIES.map(sqlString).join(', ')})`;

/** A denial the payer's codes do not explain: a reason code we cannot map, or none at all. */
export const UNEXPLAINED_CATEGORY_SQL = `category IN ('unmapped', 'unknown')`;

export function monthColumn(filters: Filters): string {
  return filters.basis === 'remit' ? 'remit_month' : 'service_month';
}

/** WHERE clause over denial_facts; every user value is quoted. */
export function whereClause(filters: Filters, options: { skipMonth?: boolean; skipCategory?: boolean } = {}): string {
  const parts: string[] = ['TRUE'];
  const inList = (col: string, values?: string[]) => {
    if (values && values.length) parts.push(`${col} IN (${values.map(sqlString).join(', ')})`);
  };
  if (filters.month && !options.skipMonth) {
    if (!/^\d{4}-\d{2}$/.test(filters.month)) throw new Error(`month must be YYYY-MM, got ${filters.month}`);
    parts.push(`${monthColumn(filters)} = DATE ${sqlString(`${filters.month}-01`)}`);
  }
  inList('payer', filters.payers);
  inList('provider', filters.providers);
  if (!options.skipCategory) inList('category', filters.categories);
  inList('procedure', filters.procedures);
  if (filters.diagnoses?.length) {
    parts.push(`list_has_any(diagnoses, [${filters.diagnoses.map((d) => sqlString(d.replace('.', '').toUpperCase())).join(', ')}])`);
  }
  if (filters.pattern) parts.push(`line_id IN (SELECT line_id FROM line_patterns WHERE pattern_key = ${sqlString(filters.pattern)})`);
  return parts.join(' AND ');
}

/**
 * Where an aggregate over the filtered lines reads from: review_cube (lines counted
 * in its `n`) unless a filter needs a column only denial_facts has. `count(cond)` is
 * the number of lines meeting `cond` (all lines without one), 0 when none.
 */
export function factSource(filters: Filters): { table: string; count: (cond?: string) => string } {
  const needsLines = Boolean(filters.procedures?.length || filters.diagnoses?.length || filters.pattern);
  return needsLines
    ? { table: 'denial_facts', count: (cond) => (cond ? `count(*) FILTER (WHERE ${cond})` : 'count(*)') }
    : { table: 'review_cube', count: (cond) => (cond ? `coalesce(sum(n) FILTER (WHERE ${cond}), 0)` : 'sum(n)') };
}

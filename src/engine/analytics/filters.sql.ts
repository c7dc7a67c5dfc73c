import { inListSql, joinSql, sql, type Sql } from '../db/sql.ts';
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
export const CODING_CATEGORY_SQL = sql`category IN ${inListSql(CODING_CATEGORIES)}`;

/** A denial the payer's codes do not explain: a reason code we cannot map, or none at all. */
export const UNEXPLAINED_CATEGORY_SQL = sql`category IN ('unmapped', 'unknown')`;

/** The month column of the filters' basis. */
export function monthColumnSql(filters: Filters): Sql {
  return filters.basis === 'remit' ? sql`remit_month` : sql`service_month`;
}

/** WHERE condition over denial_facts (or review_cube); every user value is quoted by the tag. */
export function whereSql(filters: Filters, options: { skipMonth?: boolean; skipCategory?: boolean } = {}): Sql {
  const parts: Sql[] = [sql`TRUE`];
  const inList = (column: Sql, values?: string[]) => {
    if (values && values.length) parts.push(sql`${column} IN ${inListSql(values)}`);
  };
  if (filters.month && !options.skipMonth) {
    if (!/^\d{4}-\d{2}$/.test(filters.month)) throw new Error(`month must be YYYY-MM, got ${filters.month}`);
    parts.push(sql`${monthColumnSql(filters)} = DATE ${`${filters.month}-01`}`);
  }
  inList(sql`payer`, filters.payers);
  inList(sql`provider`, filters.providers);
  if (!options.skipCategory) inList(sql`category`, filters.categories);
  inList(sql`procedure`, filters.procedures);
  if (filters.diagnoses?.length) {
    parts.push(sql`list_has_any(diagnoses, ${filters.diagnoses.map((d) => d.replace('.', '').toUpperCase())})`);
  }
  if (filters.pattern) parts.push(sql`line_id IN (SELECT line_id FROM line_patterns WHERE pattern_key = ${filters.pattern})`);
  return joinSql(parts, sql` AND `);
}

/**
 * Where an aggregate over the filtered lines reads from: review_cube (lines counted
 * in its `n`) unless a filter needs a column only denial_facts has. `count(cond)` is
 * the number of lines meeting `cond` (all lines without one), 0 when none.
 */
export function factSource(filters: Filters): { table: Sql; count: (cond?: Sql) => Sql } {
  const needsLines = Boolean(filters.procedures?.length || filters.diagnoses?.length || filters.pattern);
  return needsLines
    ? { table: sql`denial_facts`, count: (cond) => (cond ? sql`count(*) FILTER (WHERE ${cond})` : sql`count(*)`) }
    : { table: sql`review_cube`, count: (cond) => (cond ? sql`coalesce(sum(n) FILTER (WHERE ${cond}), 0)` : sql`sum(n)`) };
}

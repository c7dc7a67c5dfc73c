import type { Db } from '../db/db.ts';
import type { Category } from '../classify/categories.ts';
import type { Evidence } from '../classify/evidence.ts';
import type { Filters } from './filters.sql.ts';
import { monthsEnding } from './months.ts';
import { patternStatus, PATTERN_STATUSES, type PatternStatus } from './pattern-status.ts';
import { patternDetailsSql, patternSummarySql } from './patterns.sql.ts';

export interface PatternRow {
  pattern_key: string;
  status: PatternStatus;
  category: Category;
  payer: string;
  provider: string;
  /** null for claim-level causes (eligibility, COB, timely filing, duplicate, missing information) */
  procedure: string | null;
  cause_kind: 'code' | 'diagnosis' | 'modifiers' | 'reason' | 'none';
  cause_codes: string[];
  /** in the reviewed month */
  lines: number;
  claims: number;
  denied_amount: number;
  at_risk: number;
  /** denied dollars in the three months before */
  denied_prior3: number;
  first_seen: string;
  last_seen: string;
  /** denied dollars per month of `PatternReview.axis` */
  sparkline: number[];
  fix: string;
  evidence: Evidence[];
  example_line_id: number;
}

export interface StatusCount {
  patterns: number;
  lines: number;
  denied_amount: number;
  at_risk: number;
}

export interface PatternReview {
  month: string;
  /** the months the sparklines cover, oldest first, ending with the reviewed month */
  axis: string[];
  counts: Record<PatternStatus, StatusCount>;
  /** patterns of the requested status (all when none was asked for) */
  total: number;
  rows: PatternRow[];
}

export interface PatternOptions {
  status?: PatternStatus;
  /** at most this many rows (default 100; Infinity for all); `total` still counts them all */
  limit?: number;
}

interface Summary {
  pattern_key: string;
  months: string[];
  amounts: number[];
  lines: number;
  claims: number;
  denied_amount: number;
  at_risk: number;
  denied_prior3: number;
  /** the last three months up to the reviewed one in which the pattern's slice had adjudicated lines */
  data_months: string[];
}

export const SPARKLINE_MONTHS = 12;
const ACTIVE_ORDER: Record<PatternStatus, number> = { recurring: 0, new: 0, returning: 0, resolved: 1, no_data: 2 };

/**
 * The recurring-pattern list of the monthly review: SQL counts every pattern up to
 * the month, the status rule (pattern-status.ts) places it, and the highest
 * dollars at risk come first; resolved patterns follow, by what they cost in the
 * three months before, then those whose slice had no data in the month.
 */
export async function reviewPatterns(db: Db, filters: Filters, options: PatternOptions = {}): Promise<PatternReview> {
  const month = filters.month!;
  const summaries = await db.query<Summary>(patternSummarySql(filters));
  const counts = Object.fromEntries(
    PATTERN_STATUSES.map((s) => [s, { patterns: 0, lines: 0, denied_amount: 0, at_risk: 0 }]),
  ) as Record<PatternStatus, StatusCount>;
  const placed: (Summary & { status: PatternStatus })[] = [];
  for (const s of summaries) {
    const status = patternStatus(s.months, month, s.data_months);
    if (!status) continue;
    const c = counts[status];
    c.patterns++;
    c.lines += s.lines;
    c.denied_amount += s.denied_amount;
    c.at_risk += s.at_risk;
    if (!options.status || options.status === status) placed.push({ ...s, status });
  }
  placed.sort(
    (a, b) =>
      ACTIVE_ORDER[a.status] - ACTIVE_ORDER[b.status] ||
      b.at_risk - a.at_risk ||
      b.denied_amount - a.denied_amount ||
      b.denied_prior3 - a.denied_prior3 ||
      (a.months.at(-1)! < b.months.at(-1)! ? 1 : a.months.at(-1)! > b.months.at(-1)! ? -1 : 0) ||
      (a.pattern_key < b.pattern_key ? -1 : 1),
  );
  const chosen = placed.slice(0, Math.max(0, Math.floor(options.limit ?? 100)));
  const keys = chosen.length === placed.length && !options.status ? null : chosen.map((c) => c.pattern_key);
  const axis = monthsEnding(month, SPARKLINE_MONTHS);
  const details = new Map(
    (await db.query<Omit<PatternRow, keyof Summary | 'status' | 'first_seen' | 'last_seen' | 'sparkline'> & { pattern_key: string }>(
      patternDetailsSql(filters, keys),
    )).map((d) => [d.pattern_key, d]),
  );
  const rows = chosen.map((s): PatternRow => {
    const byMonth = new Map(s.months.map((m, i) => [m, s.amounts[i]]));
    return {
      ...details.get(s.pattern_key)!,
      pattern_key: s.pattern_key,
      status: s.status,
      lines: s.lines,
      claims: s.claims,
      denied_amount: s.denied_amount,
      at_risk: s.at_risk,
      denied_prior3: s.denied_prior3,
      first_seen: s.months[0],
      last_seen: s.months.at(-1)!,
      sparkline: axis.map((m) => byMonth.get(m) ?? 0),
    };
  });
  return { month, axis, counts, total: placed.length, rows };
}

/** A pattern's cause in words: "code M54.5", "modifiers billed: none", "payer reason CO-27". */
export function describeCause(row: Pick<PatternRow, 'cause_kind' | 'cause_codes'>): string {
  const codes = row.cause_codes.join(', ');
  switch (row.cause_kind) {
    case 'code': return `code ${codes}`;
    case 'diagnosis': return `diagnosis ${codes}`;
    case 'modifiers': return `modifiers billed: ${codes || 'none'}`;
    case 'reason': return `payer reason ${codes}`;
    case 'none': return 'no reason code given';
  }
}

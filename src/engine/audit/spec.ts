import type { Filters } from '../analytics/filters.sql.ts';
import { CATEGORY_LABELS, type Category } from '../classify/categories.ts';

/**
 * What an auditor asks for: the frame (filters over the initial adjudications,
 * denied only or not, claims or lines), how many, how (simple random or
 * stratified) and the seed. Saved with the sample so it can be redrawn.
 */
export type SampleUnit = 'claim' | 'line';
export type StrataBy = 'category' | 'payer' | 'provider';
export type Allocation = 'proportional' | 'equal';

export interface SampleSpec {
  filters: Filters;
  deniedOnly: boolean;
  unit: SampleUnit;
  size: number;
  /** Unsigned 32-bit integer: the mulberry32 seed. */
  seed: number;
  /** null = simple random sample of the whole frame. */
  strata: { by: StrataBy; allocation: Allocation } | null;
  /**
   * Dates of service (or remittance dates with filters.basis 'remit') from … to,
   * both included, as YYYY-MM-DD: a quarter or any range. Absent: no date limit
   * beyond filters.month.
   */
  period?: { from: string; to: string };
  /** Blind review: our category, evidence and fix stay hidden on a unit until the auditor records a finding. */
  blind?: boolean;
}

export const DEFAULT_SAMPLE_SIZE = 15;
export const MAX_SEED = 0xffffffff;
/** The stratum of a unit with no denied line when stratifying by category. */
export const NOT_DENIED_STRATUM = 'not_denied';

export function checkSpec(spec: SampleSpec): void {
  if (!Number.isInteger(spec.size) || spec.size < 1) throw new Error(`sample size must be a whole number of at least 1, got ${spec.size}`);
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > MAX_SEED) {
    throw new Error(`seed must be a whole number from 0 to ${MAX_SEED}, got ${spec.seed}`);
  }
  if (spec.unit !== 'claim' && spec.unit !== 'line') throw new Error(`unit must be claim or line, got ${String(spec.unit)}`);
  if (spec.period) {
    const { from, to } = spec.period;
    for (const d of [from, to]) if (!isIsoDate(d)) throw new Error(`a period's dates are YYYY-MM-DD (a real date), got '${d}'`);
    if (from > to) throw new Error(`the period starts after it ends: ${from} to ${to}`);
  }
  if (spec.strata) {
    if (!['category', 'payer', 'provider'].includes(spec.strata.by)) throw new Error(`strata must be category, payer or provider, got ${spec.strata.by}`);
    if (!['proportional', 'equal'].includes(spec.strata.allocation)) {
      throw new Error(`allocation must be proportional or equal, got ${spec.strata.allocation}`);
    }
  }
}

const isIsoDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** The period of a quarter, e.g. '2026-Q3' → 2026-07-01 to 2026-09-30. */
export function quarterPeriod(quarter: string): { from: string; to: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`a quarter is written YYYY-Qn, e.g. 2026-Q3; got '${quarter}'`);
  const first = 3 * (Number(m[2]) - 1) + 1;
  const last = new Date(Date.UTC(Number(m[1]), first + 2, 0)).getUTCDate(); // day 0 of the next month
  const month = (n: number) => `${m[1]}-${String(n).padStart(2, '0')}`;
  return { from: `${month(first)}-01`, to: `${month(first + 2)}-${last}` };
}

/** The frame in words, e.g. "denied claims · date of service in 2026-09 · payer Medicare Part B". */
export function describeFrame(spec: SampleSpec): string {
  const f = spec.filters;
  const parts = [`${spec.deniedOnly ? 'denied ' : ''}${spec.unit === 'claim' ? 'claims' : 'service lines'} (initial adjudications)`];
  const basis = f.basis === 'remit' ? 'remittance date' : 'date of service';
  if (f.month) parts.push(`${basis} in ${f.month}`);
  if (spec.period) parts.push(`${basis} ${spec.period.from} to ${spec.period.to}`);
  const list = (label: string, values?: string[]) => values?.length && parts.push(`${label} ${values.join(' or ')}`);
  list('payer', f.payers);
  list('provider', f.providers);
  list('category', f.categories?.map((c) => CATEGORY_LABELS[c as Category] ?? c));
  list('procedure', f.procedures);
  list('diagnosis', f.diagnoses);
  if (f.pattern) parts.push(`pattern ${f.pattern}`);
  return parts.join(' · ');
}

/** The method in words, e.g. "stratified by payer, proportional allocation (largest remainder)". */
export function describeMethod(spec: SampleSpec): string {
  if (!spec.strata) return 'simple random sample without replacement';
  return `stratified by ${spec.strata.by}, ${spec.strata.allocation} allocation (largest remainder)`;
}

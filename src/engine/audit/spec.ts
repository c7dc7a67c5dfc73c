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
  if (spec.strata) {
    if (!['category', 'payer', 'provider'].includes(spec.strata.by)) throw new Error(`strata must be category, payer or provider, got ${spec.strata.by}`);
    if (!['proportional', 'equal'].includes(spec.strata.allocation)) {
      throw new Error(`allocation must be proportional or equal, got ${spec.strata.allocation}`);
    }
  }
}

/** The frame in words, e.g. "denied claims · date of service in 2026-09 · payer Medicare Part B". */
export function describeFrame(spec: SampleSpec): string {
  const f = spec.filters;
  const parts = [`${spec.deniedOnly ? 'denied ' : ''}${spec.unit === 'claim' ? 'claims' : 'service lines'} (initial adjudications)`];
  if (f.month) parts.push(`${f.basis === 'remit' ? 'remittance date' : 'date of service'} in ${f.month}`);
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

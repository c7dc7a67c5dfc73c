import { CATEGORY_LABELS, type Category } from '../../engine/classify/categories.ts';
import { NOT_DENIED_STRATUM, type SampleSpec } from '../../engine/audit/spec.ts';
import { NOT_DENIED_LABEL } from '../../engine/audit/review.ts';

/** Our classification of a unit in words. */
export const categoryLabel = (category: Category | null) => (category ? CATEGORY_LABELS[category] : NOT_DENIED_LABEL);

/** A stratum's name as people read it (category strata are stored by id). */
export function stratumLabel(spec: SampleSpec, name: string): string {
  if (spec.strata?.by !== 'category') return name;
  return name === NOT_DENIED_STRATUM ? NOT_DENIED_LABEL : (CATEGORY_LABELS[name as Category] ?? name);
}

/** A short default name for a saved sample, e.g. "Sep 2026 · denied claims · seed 42". */
export function sampleName(spec: SampleSpec, month: (ym: string) => string): string {
  const parts = [spec.period ? `${spec.period.from} to ${spec.period.to}` : spec.filters.month ? month(spec.filters.month) : 'All months'];
  parts.push(`${spec.deniedOnly ? 'denied ' : ''}${spec.unit === 'claim' ? 'claims' : 'lines'}`);
  for (const value of [...(spec.filters.payers ?? []), ...(spec.filters.providers ?? [])]) parts.push(value);
  for (const c of spec.filters.categories ?? []) parts.push(CATEGORY_LABELS[c as Category] ?? c);
  if (spec.strata) parts.push(`by ${spec.strata.by}`);
  parts.push(`seed ${spec.seed}`);
  if (spec.blind) parts.push('blind');
  return parts.join(' · ');
}

import { addMonths } from './months.ts';

/**
 * Where a denial pattern stands in the month under review:
 * - new: denied this month and never before in the loaded data;
 * - recurring: denied in at least 2 of the last 3 months, this month included;
 * - returning: denied this month, seen before, but not in the 2 months before
 *   (neither new nor recurring: back after a gap);
 * - resolved: seen before, not this month.
 */
export type PatternStatus = 'new' | 'recurring' | 'returning' | 'resolved';
export const PATTERN_STATUSES: readonly PatternStatus[] = ['new', 'recurring', 'returning', 'resolved'];

/** `seen`: the months ('YYYY-MM') with at least one denied line of the pattern. Months after `month` are ignored; null when never seen up to `month`. */
export function patternStatus(seen: readonly string[], month: string): PatternStatus | null {
  const upTo = new Set(seen.filter((m) => m <= month));
  if (upTo.size === 0) return null;
  if (!upTo.has(month)) return 'resolved';
  if (upTo.size === 1) return 'new';
  if (upTo.has(addMonths(month, -1)) || upTo.has(addMonths(month, -2))) return 'recurring';
  return 'returning';
}

/**
 * Where a denial pattern stands in the month under review, judged over the
 * months WITH DATA for its slice — the pattern's payer, and its billed procedure
 * when it has one (claim-level causes have none): a month in which that slice had
 * at least one adjudicated line, denied or not. A month without any (the payer's
 * remittances not loaded yet, the procedure not billed) tells nothing about the
 * pattern, so it neither resolves nor breaks a run:
 * - new: denied this month and never before in the loaded data;
 * - recurring: denied this month and in at least one of the slice's 2 months with
 *   data before it (2 of its last 3 months with data, this one included);
 * - returning: denied this month, seen before, but not in those 2 months;
 * - resolved: the slice had adjudicated lines this month, none with this denial;
 * - no_data: seen before; the slice had no adjudicated line this month.
 * When every month has data this is the calendar rule (2 of the last 3 months).
 */
export type PatternStatus = 'new' | 'recurring' | 'returning' | 'resolved' | 'no_data';
export const PATTERN_STATUSES: readonly PatternStatus[] = ['new', 'recurring', 'returning', 'resolved', 'no_data'];

/** The statuses of patterns denied in the reviewed month (the others have no lines in it). */
export function deniedThisMonth(status: PatternStatus): boolean {
  return status !== 'resolved' && status !== 'no_data';
}

/**
 * `seen`: the months ('YYYY-MM') with at least one denied line of the pattern;
 * `withData`: months in which its slice had adjudicated lines (the last three up
 * to `month` are enough; a month in `seen` counts as one with data). Months after
 * `month` are ignored; null when never seen up to `month`.
 */
export function patternStatus(seen: readonly string[], month: string, withData: readonly string[]): PatternStatus | null {
  const denied = new Set(seen.filter((m) => m <= month));
  if (denied.size === 0) return null;
  const data = [...new Set([...withData, ...denied])].filter((m) => m <= month).sort();
  if (!data.includes(month)) return 'no_data';
  if (!denied.has(month)) return 'resolved';
  if (denied.size === 1) return 'new';
  const twoBefore = data.filter((m) => m < month).slice(-2);
  return twoBefore.some((m) => denied.has(m)) ? 'recurring' : 'returning';
}

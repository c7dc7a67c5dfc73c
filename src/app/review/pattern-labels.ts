import { describeCause, type PatternRow } from '../../engine/analytics/patterns.ts';
import type { PatternStatus } from '../../engine/analytics/pattern-status.ts';

/** What each pattern status means, as the review and the actions show it. */
export const STATUS_LABELS: Record<PatternStatus, { label: string; help: string }> = {
  new: { label: 'New', help: 'Denied this month and never before in the loaded data.' },
  recurring: {
    label: 'Recurring',
    help: 'Denied this month and in at least one of the 2 months before it in which the payer (and procedure) had any adjudicated lines: 2 of its last 3 months with data.',
  },
  returning: { label: 'Returning', help: 'Denied this month and seen before, but not in the 2 months with data before: back after a gap.' },
  resolved: { label: 'Resolved', help: 'Seen before; this month the payer (and procedure) had adjudicated lines, none with this denial.' },
  no_data: { label: 'No data', help: 'Seen before; this month the payer (and procedure) had no adjudicated lines at all (remittances not loaded yet?), so nothing is known.' },
};

/** "Beacon Care · KIM, BO · CPT/HCPCS 99214 · payer reason CO-197" */
export function patternTitle(p: Pick<PatternRow, 'payer' | 'provider' | 'procedure' | 'cause_kind' | 'cause_codes'>): string {
  return [p.payer, p.provider, p.procedure ? `CPT/HCPCS ${p.procedure}` : 'any procedure', describeCause(p)].join(' · ');
}

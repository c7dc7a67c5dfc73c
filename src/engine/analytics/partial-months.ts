import type { Db } from '../db/db.ts';
import { REVIEW_MONTHS_SQL } from './partial-months.sql.ts';

/** Why a month is partial (the rules are in partial-months.sql.ts). */
export type PartialReason = 'remits_end' | 'remits_begin' | 'services_end' | 'services_begin' | 'adjudicating' | 'remitted_before';

export interface ReviewMonth {
  /** 'YYYY-MM' */
  month: string;
  partial: PartialReason | null;
  /** why, in words; null for a complete month */
  reason: string | null;
}

export interface ReviewMonths {
  /** newest first */
  service: ReviewMonth[];
  remit: ReviewMonth[];
  /** the oldest and newest remittance dates loaded (YYYY-MM-DD), null without any */
  first_remit: string | null;
  last_remit: string | null;
  /** median days from date of service to remittance; null without remittance dates */
  lag_days: number | null;
}

interface Row {
  basis: 'service' | 'remit';
  month: string;
  partial: PartialReason | null;
  complete_from: string | null;
  first_business_day: string | null;
  first_remit: string | null;
  last_remit: string | null;
  lag_days: number | null;
  first_service: string | null;
  last_service: string | null;
}

function reason(r: Row): string | null {
  switch (r.partial) {
    case null: return null;
    case 'remits_end': return `remittances loaded up to ${r.last_remit}, before the month's last business day (${r.complete_from})`;
    case 'remits_begin': return `remittances loaded from ${r.first_remit} only, after the month's first business day (${r.first_business_day})`;
    case 'services_end':
      return `the newest date of service loaded is ${r.last_service}, and this month's last remittances would mostly be for later services (median ${r.lag_days} days from service to remittance)`;
    case 'services_begin':
      return `the oldest date of service loaded is ${r.first_service}, and this month's first remittances would mostly be for earlier services (median ${r.lag_days} days from service to remittance)`;
    case 'adjudicating':
      return `still being adjudicated: remittances loaded up to ${r.last_remit}, and payers here take a median ${r.lag_days} days from service to remittance (complete from ${r.complete_from})`;
    case 'remitted_before':
      return `the month had ended before ${r.first_remit}, the oldest remittance loaded: its lines remitted earlier are not loaded`;
  }
}

/** The months of the review on both bases, newest first, with the partial ones marked and explained. */
export async function reviewMonths(db: Db): Promise<ReviewMonths> {
  const rows = await db.query<Row>(REVIEW_MONTHS_SQL);
  const of = (basis: Row['basis']) =>
    rows.filter((r) => r.basis === basis).map((r): ReviewMonth => ({ month: r.month, partial: r.partial, reason: reason(r) }));
  return {
    service: of('service'),
    remit: of('remit'),
    first_remit: rows[0]?.first_remit ?? null,
    last_remit: rows[0]?.last_remit ?? null,
    lag_days: rows[0]?.lag_days ?? null,
  };
}

/** The month to review when none is chosen: the newest complete one, else the newest. */
export function defaultReviewMonth(months: readonly ReviewMonth[]): string | undefined {
  return (months.find((m) => !m.partial) ?? months[0])?.month;
}

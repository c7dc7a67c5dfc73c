import type { Db } from '../db/db.ts';
import type { Filters } from './filters.sql.ts';
import { LATER_ADJUDICATIONS_SEEN_SQL, kpiMonthsSql } from './review.sql.ts';
import { CLAIM_KEY_RANGE_SQL, type ClaimKeyRange } from './claim-count.sql.ts';

/** One month's counts and sums, from which every KPI is a ratio or a value. */
export interface MonthMeasures {
  month: string;
  /** false when the month lies outside the loaded data */
  loaded: boolean;
  lines: number;
  claims: number;
  billed: number;
  denied_lines: number;
  denied_claims: number;
  denied_amount: number;
  coding_denied_lines: number;
  coding_denied_amount: number;
  /** denied dollars whose reason code is unmapped or missing */
  unexplained_amount: number;
  recovered_lines: number;
  recovered_amount: number;
  /** recoupments: lines paid, reversed and re-adjudicated as paying nothing, in the month of the reversal */
  post_payment_denied_lines: number;
  post_payment_denied_amount: number;
}

export const KPI_IDS = [
  'lines',
  'claims',
  'denial_rate_lines',
  'denial_rate_claims',
  'denial_rate_dollars',
  'denied_amount',
  'coding_share_dollars',
  'coding_share_lines',
  'recovered_amount',
  'post_payment_denied_amount',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface Kpi {
  /** rates are fractions (0.083 = 8.3 %) */
  unit: 'count' | 'rate' | 'dollars';
  value: number | null;
  previous: number | null;
  /** over `ReviewKpis.average_months` */
  average: number | null;
  /** value − previous / value − average, in the KPI's unit (rates: a difference of fractions = points) */
  change_previous: number | null;
  change_average: number | null;
  /** relative change for counts and dollars (0.1 = +10 %); null for rates */
  relative_previous: number | null;
  relative_average: number | null;
}

export interface ReviewKpis {
  month: string;
  current: MonthMeasures;
  /** null when the month before is not in the loaded data */
  previous: MonthMeasures | null;
  /** the loaded months among the three before the reviewed one (the average's base) */
  average_months: string[];
  kpis: Record<KpiId, Kpi>;
  /**
   * HFMA Claim Integrity Task Force form: claims denied this month ÷ the average
   * claims of the three months before (null unless all three are loaded).
   */
  hfma_claim_rate: number | null;
  /** the KPIs the loaded files cannot measure (UNMEASURABLE_WITHOUT): null, never $0, in every month */
  unmeasurable: KpiId[];
}

/**
 * What each KPI needs beyond first adjudications. "Recovered later" and "Post-payment
 * denials" are read from a line's later adjudications (a corrected claim, a reprocessing, a
 * reversal and its recoupment): with no 835 loaded and one adjudication per line, no file
 * could show them, so they are not measured rather than $0. Every other KPI is a count or
 * ratio of first adjudications, which every loaded line has.
 */
export const NEEDS_LATER_ADJUDICATIONS: readonly KpiId[] = ['recovered_amount', 'post_payment_denied_amount'];

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

const DEFINITIONS: Record<KpiId, { unit: Kpi['unit']; of: (m: MonthMeasures) => number | null }> = {
  lines: { unit: 'count', of: (m) => m.lines },
  claims: { unit: 'count', of: (m) => m.claims },
  denial_rate_lines: { unit: 'rate', of: (m) => ratio(m.denied_lines, m.lines) },
  denial_rate_claims: { unit: 'rate', of: (m) => ratio(m.denied_claims, m.claims) },
  denial_rate_dollars: { unit: 'rate', of: (m) => ratio(m.denied_amount, m.billed) },
  denied_amount: { unit: 'dollars', of: (m) => m.denied_amount },
  coding_share_dollars: { unit: 'rate', of: (m) => ratio(m.coding_denied_amount, m.denied_amount) },
  coding_share_lines: { unit: 'rate', of: (m) => ratio(m.coding_denied_lines, m.denied_lines) },
  recovered_amount: { unit: 'dollars', of: (m) => m.recovered_amount },
  post_payment_denied_amount: { unit: 'dollars', of: (m) => m.post_payment_denied_amount },
};

const MEASURES = ['lines', 'claims', 'billed', 'denied_lines', 'denied_claims', 'denied_amount', 'coding_denied_lines',
  'coding_denied_amount', 'unexplained_amount', 'recovered_lines', 'recovered_amount', 'post_payment_denied_lines', 'post_payment_denied_amount'] as const;

/** The months' measures averaged one by one; a rate of the average is then a pooled rate over those months. */
function averageOf(months: MonthMeasures[]): MonthMeasures {
  const avg = { month: months.map((m) => m.month).join(','), loaded: true } as MonthMeasures;
  for (const key of MEASURES) avg[key] = months.reduce((sum, m) => sum + m[key], 0) / months.length;
  return avg;
}

/** KPIs of the reviewed month against the month before and the average of the three before. */
export function compareMonths(rows: MonthMeasures[], laterAdjudicationsSeen: boolean): ReviewKpis {
  const unmeasurable = laterAdjudicationsSeen ? [] : [...NEEDS_LATER_ADJUDICATIONS];
  const current = rows.at(-1)!;
  const prior = rows.slice(0, -1).filter((r) => r.loaded);
  const previous = rows.at(-2)?.loaded ? rows.at(-2)! : null;
  const average = prior.length ? averageOf(prior) : null;
  const kpis = {} as Record<KpiId, Kpi>;
  for (const id of KPI_IDS) {
    const { unit, of } = DEFINITIONS[id];
    const measured = !unmeasurable.includes(id);
    const value = measured ? of(current) : null;
    const prev = previous && measured ? of(previous) : null;
    const avg = average && measured ? of(average) : null;
    const change = (base: number | null) => (value !== null && base !== null ? value - base : null);
    const relative = (base: number | null) => (unit !== 'rate' && value !== null && base ? (value - base) / base : null);
    kpis[id] = {
      unit, value, previous: prev, average: avg,
      change_previous: change(prev), change_average: change(avg),
      relative_previous: relative(prev), relative_average: relative(avg),
    };
  }
  return {
    month: current.month,
    current,
    previous,
    average_months: prior.map((m) => m.month),
    kpis,
    hfma_claim_rate: prior.length === 3 ? ratio(current.denied_claims, average!.claims) : null,
    unmeasurable,
  };
}

export async function reviewKpis(db: Db, filters: Filters): Promise<ReviewKpis> {
  const [claimKeys] = await db.query<ClaimKeyRange>(CLAIM_KEY_RANGE_SQL);
  const [{ seen }] = await db.query<{ seen: boolean }>(LATER_ADJUDICATIONS_SEEN_SQL);
  return compareMonths(await db.query<MonthMeasures>(kpiMonthsSql(filters, claimKeys)), seen);
}

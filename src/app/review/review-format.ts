import { formatCount, formatMoneyShort, formatMonth } from '../format.ts';

/** 0.0896 → '9.0 %' */
export const formatRate = (fraction: number | null | undefined) => (fraction == null ? '—' : `${(100 * fraction).toFixed(1)} %`);

/** A change of a rate, in percentage points: 0.0127 → '+1.3 pp' */
export const formatPoints = (fraction: number | null | undefined) =>
  fraction == null ? '—' : `${fraction > 0 ? '+' : fraction < 0 ? '−' : '±'}${Math.abs(100 * fraction).toFixed(1)} pp`;

const signed = (n: number, format: (n: number) => string) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${format(Math.abs(n))}`;

/** whole dollars: a KPI's change does not need cents */
export const formatSignedMoney = (n: number | null | undefined) => (n == null ? '—' : signed(n, formatMoneyShort));
export const formatSignedCount = (n: number | null | undefined) => (n == null ? '—' : signed(Math.round(n), formatCount));
/** 0.153 → '+15.3 %' */
export const formatRelative = (fraction: number | null | undefined) => (fraction == null ? '' : signed(100 * fraction, (n) => `${n.toFixed(1)} %`));

/** '2026-09' → 'Sep 2026 (partial)' for a month the engine marks partial (partial-months.ts) */
export const monthLabel = (month: string, partial: boolean) => `${formatMonth(month)}${partial ? ' (partial)' : ''}`;

/** A chart axis's shorter mark for a partial month: 'Sep 2026*' (the chart's note says what * means). */
export const monthTick = (month: string, partial: ReadonlySet<string> | undefined) => `${formatMonth(month)}${partial?.has(month) ? '*' : ''}`;

import { CODING_CATEGORIES } from '../classify/categories.ts';

/** The backtest's answer for one month and category (check.ts backtest, check.sql.ts backtestScoresSql). */
export interface BacktestRow {
  month: string;
  /** one of the four coding categories, or 'overall' */
  category: string;
  lines: number;
  denied: number;
  denied_dollars: number;
  caught: number;
  caught_dollars: number;
  flagged: number;
  flagged_denied: number;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Recall (lines and dollars) and precision of one backtest row; null where the denominator is 0. */
export function backtestRates(r: BacktestRow) {
  return {
    recall: share(r.caught, r.denied),
    dollarRecall: share(r.caught_dollars, r.denied_dollars),
    precision: share(r.flagged_denied, r.flagged),
  };
}

/** The rows of every month together, per category (the backtest's totals). */
export function backtestTotals(rows: readonly BacktestRow[]): BacktestRow[] {
  return [...CODING_CATEGORIES, 'overall'].map((category) => {
    const of = rows.filter((r) => r.category === category);
    const sum = (k: 'lines' | 'denied' | 'denied_dollars' | 'caught' | 'caught_dollars' | 'flagged' | 'flagged_denied') => of.reduce((s, r) => s + r[k], 0);
    return {
      month: 'all',
      category,
      lines: sum('lines'),
      denied: sum('denied'),
      denied_dollars: Math.round(sum('denied_dollars') * 100) / 100,
      caught: sum('caught'),
      caught_dollars: Math.round(sum('caught_dollars') * 100) / 100,
      flagged: sum('flagged'),
      flagged_denied: sum('flagged_denied'),
    };
  });
}

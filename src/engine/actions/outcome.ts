import type { Db } from '../db/db.ts';
import { addMonths } from '../analytics/months.ts';
import { patternStatus, type PatternStatus } from '../analytics/pattern-status.ts';
import type { PatternAction } from './actions.ts';
import { actionPatternMonthsSql } from './outcome.sql.ts';

/** Months before the action's month that the "before" figures cover. */
export const MONTHS_BEFORE = 3;

export interface OutcomeWindow {
  /** first and last month of the window ('YYYY-MM'); null when it is empty (the reviewed month is the action's or earlier) */
  from: string | null;
  to: string | null;
  denied_lines: number;
  denied_amount: number;
  /** months of the window in which the pattern's slice had adjudicated lines */
  months_with_data: number;
}

export interface ActionOutcome {
  action_id: string;
  /** the month of the action's date: its lines are shown but belong to neither window (the change took effect in the middle) */
  action_month: string;
  month: string;
  /** the pattern in the reviewed month, by the review's one rule (pattern-status.ts); no_data when never seen by then */
  status: PatternStatus;
  before: OutcomeWindow;
  /** the action's month itself */
  during: { denied_lines: number; denied_amount: number; has_data: boolean };
  after: OutcomeWindow;
  /** every month from the first of `before` to the reviewed month */
  months: { month: string; denied_lines: number; denied_amount: number; has_data: boolean }[];
}

interface PatternMonths {
  pattern_key: string;
  payer: string;
  procedure: string | null;
  seen: { month: string; lines: number; denied: number }[];
  data_months: string[];
}

/**
 * What happened to each action's pattern: denied lines and dollars in the
 * MONTHS_BEFORE months before the action's month and in the months after it up
 * to the reviewed month, how many of those months had data for the pattern's slice,
 * and the pattern's status in the reviewed month (the review's rule, so a month
 * without data for the slice neither resolves the pattern nor counts as zero).
 */
export async function actionOutcomes(db: Db, actions: readonly PatternAction[], month: string, basis: 'service' | 'remit' = 'service'): Promise<ActionOutcome[]> {
  if (actions.length === 0) return [];
  addMonths(month, 0); // throws on a malformed month
  const rows = await db.query<PatternMonths>(actionPatternMonthsSql(actions, basis));
  const slice = (a: Pick<PatternAction, 'pattern_key' | 'payer' | 'procedure'>) =>
    rows.find((r) => r.pattern_key === a.pattern_key && r.payer === a.payer && r.procedure === a.procedure);
  return actions.map((action) => {
    const r = slice(action);
    const seen = new Map((r?.seen ?? []).map((s) => [s.month, s]));
    const withData = new Set([...(r?.data_months ?? []), ...seen.keys()]);
    const actionMonth = action.date.slice(0, 7);
    const first = addMonths(actionMonth, -MONTHS_BEFORE);
    const months: ActionOutcome['months'] = [];
    for (let m = first; m <= month; m = addMonths(m, 1)) {
      const s = seen.get(m);
      months.push({ month: m, denied_lines: s?.lines ?? 0, denied_amount: s?.denied ?? 0, has_data: withData.has(m) });
    }
    const window = (ms: typeof months): OutcomeWindow => ({
      from: ms[0]?.month ?? null,
      to: ms.at(-1)?.month ?? null,
      denied_lines: ms.reduce((n, x) => n + x.denied_lines, 0),
      denied_amount: ms.reduce((n, x) => n + x.denied_amount, 0),
      months_with_data: ms.filter((x) => x.has_data).length,
    });
    const during = months.find((x) => x.month === actionMonth);
    const status = patternStatus([...seen.keys()], month, [...withData]) ?? 'no_data';
    return {
      action_id: action.id,
      action_month: actionMonth,
      month,
      status,
      before: window(months.filter((x) => x.month < actionMonth)),
      during: { denied_lines: during?.denied_lines ?? 0, denied_amount: during?.denied_amount ?? 0, has_data: during?.has_data ?? false },
      after: window(months.filter((x) => x.month > actionMonth)),
      months,
    };
  });
}

import { joinSql, sql, type Sql } from '../db/sql.ts';
import type { PatternIdentity } from './actions.ts';

/**
 * For each action's pattern: its denied lines and dollars per month (denied_patterns,
 * by key) and the months in which its slice — payer, and billed procedure when the
 * pattern has one — had adjudicated lines (slice_months), on the review's basis.
 * The review's other filters do not narrow it: the pattern is the slice.
 */
export function actionPatternMonthsSql(actions: readonly Pick<PatternIdentity, 'pattern_key' | 'payer' | 'procedure'>[], basis: 'service' | 'remit'): Sql {
  const col = basis === 'remit' ? sql`remit_month` : sql`service_month`;
  const rows = joinSql(actions.map((a) => sql`(${a.pattern_key}, ${a.payer}, ${a.procedure})`));
  return sql`
WITH a AS (
  SELECT DISTINCT * FROM (VALUES ${rows}) t(pattern_key, payer, procedure)
), denied AS (
  SELECT d.pattern_key, strftime(d.${col}, '%Y-%m') AS m, count(*)::INTEGER AS lines, sum(d.denied_amount)::DOUBLE AS denied
  FROM denied_patterns d WHERE d.pattern_key IN (SELECT pattern_key FROM a) AND d.${col} IS NOT NULL
  GROUP BY ALL
), data AS (
  SELECT a.pattern_key, a.payer, a.procedure, list(DISTINCT strftime(s.m, '%Y-%m')) AS months
  FROM a JOIN slice_months s ON s.basis = ${basis} AND s.payer = a.payer AND s.procedure IS NOT DISTINCT FROM a.procedure
  GROUP BY ALL
)
SELECT a.pattern_key, a.payer, a.procedure,
  coalesce((SELECT list({'month': m, 'lines': lines, 'denied': denied} ORDER BY m) FROM denied WHERE denied.pattern_key = a.pattern_key), []) AS seen,
  coalesce(any_value(data.months), []) AS data_months
FROM a LEFT JOIN data ON data.pattern_key = a.pattern_key AND data.payer = a.payer AND data.procedure IS NOT DISTINCT FROM a.procedure
GROUP BY ALL`;
}

import { sql } from '../db/sql.ts';
/**
 * Every loaded month on both bases and whether it is PARTIAL —
 * not yet a fair month to review or compare. R = the newest and F = the oldest
 * remittance date of all loaded adjudications (reversals and later payments
 * included); S / T = the newest / oldest date of service loaded; N = the median
 * days from date of service to the first adjudication's remittance over the
 * loaded lines, rounded up (the payers' usual lag in this data). Business days
 * are Monday–Friday (holidays are not known).
 * - By remittance date, a month is partial when the remittances stop before its
 *   last business day (R < it: 'remits_end') or begin after its first business
 *   day (F > it: 'remits_begin'); or when the data was cut by date of service
 *   (an export of services up to S): its last days' remittances are typically
 *   for services after S (S < month end − N: 'services_end'), or its first
 *   days' for services before T (T > month start − N: 'services_begin').
 * - By date of service, a month is partial when its last dates of service are
 *   still being adjudicated (R < month end + N: 'adjudicating'), or when it had
 *   ended before the oldest remittance loaded (F > month end: 'remitted_before':
 *   its lines remitted before F are not there). The start is not judged by N:
 *   an export by date of service that begins on a month's 5th would look cut.
 * Without remittance dates (an export without check dates) nothing is partial.
 */
export const REVIEW_MONTHS_SQL = sql`
WITH remits AS (
  SELECT min(paid_date) AS first_remit, max(paid_date) AS last_remit FROM analysis_lines
), lag AS (
  SELECT ceil(median(paid_date - service_date) FILTER (WHERE paid_date >= service_date))::INTEGER AS lag_days,
    min(service_date) AS first_service, max(service_date) AS last_service
  FROM denial_facts
), months AS (
  SELECT DISTINCT 'service' AS basis, service_month AS m FROM review_cube WHERE service_month IS NOT NULL
  UNION ALL
  SELECT DISTINCT 'remit' AS basis, remit_month AS m FROM review_cube WHERE remit_month IS NOT NULL
), bounds AS (
  SELECT basis, m, last_day(m) AS month_end,
    m + CASE isodow(m) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS first_business_day,
    last_day(m) - CASE isodow(last_day(m)) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END AS last_business_day
  FROM months
)
SELECT basis, strftime(m, '%Y-%m') AS month,
  CASE
    WHEN basis = 'remit' AND last_remit < last_business_day THEN 'remits_end'
    WHEN basis = 'remit' AND first_remit > first_business_day THEN 'remits_begin'
    WHEN basis = 'remit' AND last_service < month_end - lag_days THEN 'services_end'
    WHEN basis = 'remit' AND first_service > m - lag_days THEN 'services_begin'
    WHEN basis = 'service' AND last_remit < month_end + lag_days THEN 'adjudicating'
    WHEN basis = 'service' AND first_remit > month_end THEN 'remitted_before'
  END AS partial,
  strftime(CASE basis WHEN 'remit' THEN last_business_day ELSE month_end + lag_days END, '%Y-%m-%d') AS complete_from,
  strftime(first_business_day, '%Y-%m-%d') AS first_business_day,
  strftime(first_remit, '%Y-%m-%d') AS first_remit, strftime(last_remit, '%Y-%m-%d') AS last_remit, lag_days,
  strftime(first_service, '%Y-%m-%d') AS first_service, strftime(last_service, '%Y-%m-%d') AS last_service
FROM bounds, remits, lag
ORDER BY basis, m DESC`;

import { whereSql } from '../analytics/filters.sql.ts';
import { NOT_DENIED_STRATUM, type SampleSpec, type StrataBy } from './spec.ts';
import type { DrawnPosition } from './draw.ts';
import { joinSql, sql, type Sql } from '../db/sql.ts';

/**
 * The sampling frame, in an order that depends only on the data, never on load
 * order or generated keys (line_id, claim_key, file_id): the same files loaded
 * in another order, or in another session, give the same frame and the same
 * positions. README "How a sample is drawn" states these orders in prose.
 *
 * Lines: claim id (byte order), line number (blank first), payer, date of
 * service, procedure, modifiers, billed, paid, denied amount.
 */
const LINE_ORDER_SQL = sql`claim_id, line_number NULLS FIRST, payer, service_date NULLS FIRST, procedure NULLS FIRST,
  array_to_string(modifiers, ':'), billed, paid, denied_amount`;

/** A line's key as text (the same fields, tab-separated), for the frame fingerprint. */
const LINE_KEY_SQL = sql`concat_ws(chr(9), claim_id, coalesce(line_number::VARCHAR, ''), payer, coalesce(strftime(service_date, '%Y-%m-%d'), ''),
  coalesce(procedure, ''), array_to_string(modifiers, ':'), billed::VARCHAR, paid::VARCHAR, denied_amount::VARCHAR)`;

const STRATUM_SQL: Record<StrataBy, Sql> = {
  category: sql`coalesce(category, ${NOT_DENIED_STRATUM})`,
  payer: sql`payer`,
  provider: sql`provider`,
};

/** The period's dates, both included, on the date the filters' basis names. */
function periodSql(spec: SampleSpec): Sql {
  if (!spec.period) return sql``;
  const column = spec.filters.basis === 'remit' ? sql`paid_date` : sql`service_date`;
  return sql` AND ${column} BETWEEN DATE ${spec.period.from} AND DATE ${spec.period.to}`;
}

/**
 * CTEs frame_lines (the filtered initial adjudications), frame_units and frame
 * (one row per unit with its stratum, its position within the stratum and in
 * the whole frame). A claim's stratum and category come from its lead line: the
 * frame line with the largest denied amount, ties in line order.
 */
function frameCtesSql(spec: SampleSpec): Sql {
  const stratum = spec.strata ? STRATUM_SQL[spec.strata.by] : sql`''`;
  const units =
    spec.unit === 'claim'
      ? sql`SELECT claim_id, claim_id AS unit_key,
           first(line_id ORDER BY denied_amount DESC, ${LINE_ORDER_SQL}) AS lead_line_id,
           first(${stratum} ORDER BY denied_amount DESC, ${LINE_ORDER_SQL}) AS stratum
         FROM frame_lines GROUP BY claim_id`
      : sql`SELECT *, ${LINE_KEY_SQL} AS unit_key, line_id AS lead_line_id, ${stratum} AS stratum FROM frame_lines`;
  const unitOrder = spec.unit === 'claim' ? sql`claim_id` : LINE_ORDER_SQL;
  return sql`
frame_lines AS (
  SELECT * FROM denial_facts WHERE ${whereSql(spec.filters)}${periodSql(spec)}${spec.deniedOnly ? sql` AND denied` : sql``}
), frame_units AS (
  ${units}
), frame AS (
  SELECT claim_id, unit_key, lead_line_id, stratum,
    (row_number() OVER (PARTITION BY stratum ORDER BY ${unitOrder}) - 1)::INTEGER AS pos,
    (row_number() OVER (ORDER BY ${unitOrder}) - 1)::INTEGER AS frame_pos
  FROM frame_units
)`;
}

/**
 * Units and billed dollars per stratum, strata in name order (byte order). A
 * claim's billed is that of all its lines, as on the worksheet: the ratio
 * estimator needs the same measure in the frame and in the sample.
 */
export function frameStrataSql(spec: SampleSpec): Sql {
  const billed =
    spec.unit === 'claim'
      ? sql`(SELECT claim_id, sum(billed) AS billed FROM denial_facts WHERE claim_id IN (SELECT claim_id FROM frame_lines) GROUP BY claim_id) b USING (claim_id)`
      : sql`(SELECT line_id AS lead_line_id, billed FROM frame_lines) b USING (lead_line_id)`;
  return sql`WITH ${frameCtesSql(spec)}
SELECT stratum AS name, count(*)::INTEGER AS frame_count, coalesce(sum(b.billed), 0)::DOUBLE AS frame_billed
FROM frame JOIN ${billed} GROUP BY stratum ORDER BY stratum`;
}

/**
 * Every unit of the frame in frame order, with its stratum, its position in the
 * stratum (the positions the draw picks from, 0-based), its order fields and its
 * key (the text the fingerprint hashes): the frame as a spreadsheet, to check a
 * draw outside the app.
 */
export function frameUnitsSql(spec: SampleSpec): Sql {
  const fields =
    spec.unit === 'claim'
      ? sql`f.claim_id, (SELECT sum(d.billed) FROM denial_facts d WHERE d.claim_id = f.claim_id)::DOUBLE AS billed`
      : sql`l.claim_id, l.line_number, l.payer, strftime(l.service_date, '%Y-%m-%d') AS service_date, l.procedure,
         array_to_string(l.modifiers, ':') AS modifiers, l.billed::DOUBLE AS billed, l.paid::DOUBLE AS paid, l.denied_amount::DOUBLE AS denied_amount`;
  return sql`WITH ${frameCtesSql(spec)}
SELECT f.frame_pos, f.stratum, f.pos, ${fields}, f.unit_key
FROM frame f${spec.unit === 'line' ? sql` JOIN frame_lines l ON l.line_id = f.lead_line_id` : sql``}
ORDER BY f.frame_pos`;
}

/** SHA-256 (hex) of every unit key in frame order, each followed by a line feed. */
export function frameFingerprintSql(spec: SampleSpec): Sql {
  return sql`WITH ${frameCtesSql(spec)}
SELECT sha256(coalesce(string_agg(unit_key || chr(10), '' ORDER BY frame_pos), '')) AS fingerprint FROM frame`;
}

/**
 * Every line of each drawn unit, for the worksheet: a claim brings all its
 * initial adjudications (the auditor reviews every code billed), a line itself.
 */
export function sampledLinesSql(spec: SampleSpec, picks: readonly DrawnPosition[]): Sql {
  const values = joinSql(picks.map((p) => sql`(${p.stratum}, ${Math.trunc(p.pos)}, ${Math.trunc(p.draw)})`));
  const belongs = spec.unit === 'claim' ? sql`l.claim_id = s.claim_id` : sql`l.line_id = s.lead_line_id`;
  return sql`
WITH ${frameCtesSql(spec)},
picked(stratum, pos, draw) AS (VALUES ${values}),
sampled AS (SELECT p.draw, f.stratum, f.claim_id, f.lead_line_id FROM picked p JOIN frame f USING (stratum, pos)),
unit_lines AS (
  SELECT *, row_number() OVER (PARTITION BY claim_id ORDER BY ${LINE_ORDER_SQL}) AS line_rank
  FROM denial_facts l WHERE EXISTS (SELECT 1 FROM sampled s WHERE ${belongs})
)
SELECT s.draw, s.stratum, l.line_id = s.lead_line_id AS is_lead, l.line_id IN (SELECT line_id FROM frame_lines) AS in_frame,
  l.claim_id, l.line_number, strftime(l.service_date, '%Y-%m-%d') AS service_date, l.patient_account, l.payer, l.provider,
  l.procedure, l.modifiers, list_transform(l.diagnoses, lambda d: dl_icd_dotted(d)) AS diagnoses, l.units,
  l.billed::DOUBLE AS billed, l.paid::DOUBLE AS paid, l.denied, l.denied_amount::DOUBLE AS denied_amount,
  l.category, coalesce(l.evidence, []) AS evidence, l.fix,
  coalesce((SELECT list(coalesce(r.group_code || '-', '') || r.carc ORDER BY r.level DESC, r.carc) FROM line_reasons r
            WHERE r.line_id = l.line_id AND r.denial IS NOT FALSE), []) AS reasons,
  coalesce((SELECT list(DISTINCT m.code ORDER BY m.code) FROM line_remarks m WHERE m.line_id = l.line_id), []) AS remarks
FROM sampled s JOIN unit_lines l ON ${belongs}
ORDER BY s.draw, l.line_rank`;
}

import { sql, type Sql } from '../db/sql.ts';
import { CODING_CATEGORIES } from '../classify/categories.ts';
import { codeStatusSql, outdatedFindingsSql, unknownReferenceFindingsSql, unspecifiedFindingsSql } from '../classify/rules/code-validity.sql.ts';
import { modifierFindingsSql } from '../classify/rules/modifiers.sql.ts';
import { crosswalkSql, historyFindingsSql } from '../classify/rules/history.sql.ts';
import { NO_REASONS, type RuleScope } from '../classify/rules/scope.ts';
import { lineDiagnosesSql } from '../analysis/analysis-lines.sql.ts';

/**
 * Checking claims before they are sent (issue #15): an outgoing batch is kept in tables of its
 * own (check_*), never in the history's canonical tables, so the review's figures do not move.
 * Every line goes through the classifier's own code-data and modifier rules (RuleScope), then
 * through the practice's history: its recurring coding-denial patterns and the diagnosis–procedure
 * pairs the payer denied and never paid.
 */
export const CHECK_SCHEMA_SQL = sql`
CREATE TABLE IF NOT EXISTS check_batch (
  name VARCHAR, sha256 VARCHAR, format VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, warnings VARCHAR[]
);
CREATE TABLE IF NOT EXISTS check_rejects (line INTEGER, reason VARCHAR, excerpt VARCHAR);
CREATE TABLE IF NOT EXISTS check_lines (
  line_id BIGINT, claim_key BIGINT, claim_id VARCHAR, line_number INTEGER, patient_account VARCHAR, payer VARCHAR,
  provider VARCHAR, procedure VARCHAR, billed_procedure VARCHAR, modifiers VARCHAR[], units DOUBLE, billed DECIMAL(18,2),
  service_date DATE, diagnoses VARCHAR[], is_reversal BOOLEAN
);
CREATE TABLE IF NOT EXISTS check_flags (
  line_id BIGINT, category VARCHAR, source VARCHAR, text VARCHAR, codes VARCHAR[], fix VARCHAR, rank INTEGER,
  past STRUCT(line_id BIGINT, claim_id VARCHAR, service_date DATE, paid_date DATE, denied_amount DECIMAL(18,2))[]
);
`;

/**
 * Takes one loaded file's claims out of the canonical tables into check_lines (its line ids
 * renumbered 1…n in claim and line order), with its load summary and rejected rows; the caller
 * then removes the file from the canonical tables (removeFileSql). A line's diagnoses are
 * read as for the review (lineDiagnosesSql).
 */
export const takeBatchSql = (fileId: number): Sql => {
  const id = Math.trunc(fileId);
  return sql`
DELETE FROM check_batch; DELETE FROM check_rejects; DELETE FROM check_lines; DELETE FROM check_flags;
INSERT INTO check_batch
SELECT name, sha256, format, rows_read, rows_loaded, rows_rejected, warnings FROM files WHERE file_id = ${id};
INSERT INTO check_rejects SELECT line, reason, excerpt FROM rejects WHERE file_id = ${id};
INSERT INTO check_lines
WITH lines AS (SELECT * FROM service_lines WHERE file_id = ${id}
), dx_lists AS (${lineDiagnosesSql(sql`lines`)}
)
SELECT row_number() OVER (ORDER BY l.claim_id, l.line_number NULLS LAST, l.line_id) AS line_id, l.claim_key, l.claim_id, l.line_number,
  c.patient_account, coalesce(l.payer, c.payer), coalesce(l.provider, c.rendering_provider), l.procedure,
  coalesce(l.billed_procedure, l.procedure), l.modifiers, l.units, l.billed, l.service_date,
  coalesce(x.diagnoses, []::VARCHAR[]), false
FROM lines l JOIN claims c USING (claim_key) LEFT JOIN dx_lists x USING (line_id);
`;
};

const CODING_SQL = sql`${CODING_CATEGORIES}`;
const isEmSql = (code: Sql): Sql => sql`${code} IN (SELECT code FROM ref_procedure_groups WHERE grp = 'em')`;
/** Past denials whose cause is in the diagnosis: a pair the payer denied for it names the diagnosis. */
const DIAGNOSIS_CATEGORIES_SQL = sql`${['mismatch', 'unspecified']}`;
const PAST_ITEM_SQL = sql`{'line_id': h.past_line_id, 'claim_id': h.claim_id, 'service_date': h.service_date, 'paid_date': h.paid_date, 'denied_amount': h.denied_amount}`;
/** How many past denials a flag lists (the most recent); its count and dollars are over all of them. */
export const PAST_SHOWN = 5;

/** When a past line was known: its remittance date, else (an export without one) its date of service. */
const knownOnSql = (alias: Sql): Sql => sql`coalesce(${alias}.paid_date, ${alias}.service_date)`;

/**
 * The history the check learns from: every loaded initial adjudication, or with `before`
 * (YYYY-MM-DD) only those known before it — the backtest's "months before m".
 */
const historySql = (before?: string): Sql => sql`(SELECT al.line_id, al.billed_procedure, al.diagnoses, al.paid, al.paid_date, al.service_date,
  upper(trim(al.payer)) AS payer_key, d.denial_type IS NOT NULL AS denied
  FROM analysis_lines al JOIN line_denials d USING (line_id)
  WHERE al.is_initial${before ? sql` AND ${knownOnSql(sql`al`)} < ${before}::DATE` : sql``})`;

/**
 * Every statement of one check: `lines` (a table with check_lines' columns) against the rules and
 * the history, the flags written to `${prefix}flags` (check_flags' columns). A flag with a category
 * counts; one without (a code the reference does not know) is a note.
 * - rule findings (the classifier's SQL, RuleScope with no payer reasons, outgoing lines);
 * - pattern: the same payer (upper-cased) and billed procedure denied before in a coding category
 *   for the same cause — the first linked diagnosis (mismatch), the same modifiers billed (missing
 *   modifier), the same codes (outdated, unspecified): line_patterns' cause;
 * - crosswalk: a linked diagnosis this payer denied with this procedure (mismatch or unspecified)
 *   and never paid it with.
 */
export const checkSql = (prefix: Sql, lines: Sql, neighbours: Sql, before?: string): Sql[] => {
  const p = prefix;
  const scope: RuleScope = { prefix: p, lines, neighbours, reasons: NO_REASONS, findings: sql`${p}findings`, outgoing: true };
  const history = historySql(before);
  const pastWhere = before ? sql` AND ${knownOnSql(sql`d`)} < ${before}::DATE` : sql``;
  return [
    sql`CREATE OR REPLACE TABLE ${p}findings (line_id BIGINT, category VARCHAR, source VARCHAR, text VARCHAR, codes VARCHAR[], fix VARCHAR, rank INTEGER);`,
    codeStatusSql(scope),
    outdatedFindingsSql(scope),
    unspecifiedFindingsSql(scope),
    unknownReferenceFindingsSql(scope),
    modifierFindingsSql(scope),
    crosswalkSql(sql`${p}crosswalk`, history),
    historyFindingsSql(scope, sql`${p}crosswalk`, history),
    sql`
CREATE OR REPLACE TABLE ${p}past AS
SELECT d.line_id AS past_line_id, d.claim_id, d.service_date, d.paid_date, d.denied_amount, d.fix, d.category, d.payer,
  upper(trim(d.payer)) AS payer_key, coalesce(d.billed_procedure, d.procedure) AS procedure, d.diagnoses, d.cause_kind, d.cause_codes
FROM denied_patterns d
WHERE list_contains(${CODING_SQL}, d.category)${pastWhere};

CREATE OR REPLACE TABLE ${p}checked AS
SELECT l.line_id, upper(trim(l.payer)) AS payer_key, l.payer, l.billed_procedure, l.modifiers, l.diagnoses,
  list_transform(l.diagnoses, lambda c: dl_icd_dotted(c)) AS dx,
  ${isEmSql(sql`l.billed_procedure`)} AS is_em,
  -- a procedure other than an E/M on the same claim and day: what a modifier on an E/M is about; an
  -- add-on code (fee-schedule global 'ZZZ', e.g. G2211 on the visit itself) needs no modifier on the E/M
  EXISTS (SELECT 1 FROM ${neighbours} o WHERE o.claim_key = l.claim_key AND o.line_id <> l.line_id AND o.service_date = l.service_date
    AND NOT o.is_reversal AND o.billed_procedure IS NOT NULL AND NOT ${isEmSql(sql`o.billed_procedure`)}
    AND NOT EXISTS (SELECT 1 FROM ref_pfs x WHERE x.code = o.billed_procedure AND x.global_days = 'ZZZ'
      AND x.valid_from <= o.service_date AND coalesce(x.valid_to, DATE '9999-12-31') >= o.service_date)) AS with_procedure
FROM ${lines} l WHERE l.billed_procedure IS NOT NULL;

-- a missing-modifier pattern on an E/M matches an E/M billed beside a procedure: alone, it needs no modifier
CREATE OR REPLACE TABLE ${p}pattern_hits AS
SELECT l.line_id, h.*
FROM ${p}checked l JOIN ${p}past h ON h.payer_key = l.payer_key AND h.procedure = l.billed_procedure
WHERE (h.cause_kind = 'diagnosis' AND len(l.dx) > 0 AND l.dx[1] = h.cause_codes[1])
   OR (h.cause_kind = 'modifiers' AND list_sort(l.modifiers) = h.cause_codes AND (NOT l.is_em OR l.with_procedure))
   OR (h.cause_kind = 'code' AND list_has_all(list_concat(l.dx, [l.billed_procedure]), h.cause_codes));

CREATE OR REPLACE TABLE ${p}pair_hits AS
WITH paired AS (
  SELECT l.line_id, l.payer_key, l.billed_procedure, x.dx FROM ${p}checked l, LATERAL (SELECT unnest(l.diagnoses) AS dx) x
), paid AS (
  SELECT DISTINCT h.payer_key, h.billed_procedure, x.dx FROM ${history} h, LATERAL (SELECT unnest(h.diagnoses) AS dx) x
  WHERE NOT h.denied AND h.paid > 0
)
SELECT l.line_id, l.dx AS pair_dx, h.*
FROM paired l
JOIN ${p}past h ON h.payer_key = l.payer_key AND h.procedure = l.billed_procedure AND list_contains(h.diagnoses, l.dx)
WHERE list_contains(${DIAGNOSIS_CATEGORIES_SQL}, h.category)
  AND NOT EXISTS (SELECT 1 FROM paid x WHERE x.payer_key = l.payer_key AND x.billed_procedure = l.billed_procedure AND x.dx = l.dx);

CREATE OR REPLACE TABLE ${p}flags AS
SELECT f.*, []::STRUCT(line_id BIGINT, claim_id VARCHAR, service_date DATE, paid_date DATE, denied_amount DECIMAL(18,2))[] AS past
FROM ${p}findings f
UNION ALL BY NAME
SELECT h.line_id, h.category, 'pattern' AS source,
  any_value(h.payer) || ' denied ' || any_value(h.procedure) || ' as ' || replace(h.category, '_', ' ') || ' '
  || count(*) || CASE WHEN count(*) = 1 THEN ' time' ELSE ' times' END || ' ($' || printf('%.2f', sum(h.denied_amount)) || ') when billed '
  || CASE h.cause_kind WHEN 'diagnosis' THEN 'for ' || h.cause_codes[1]
       WHEN 'modifiers' THEN CASE WHEN len(h.cause_codes) = 0 THEN 'with no modifier' ELSE 'with modifiers ' || array_to_string(h.cause_codes, ', ') END
       ELSE 'with ' || array_to_string(h.cause_codes, ', ') END
  || '; last ' || array_to_string(list_transform(list(DISTINCT h.service_date ORDER BY h.service_date DESC)[1:3], lambda d: d::VARCHAR), ', ') AS text,
  list_concat([any_value(h.procedure)], h.cause_codes) AS codes,
  'What fixed those denials: ' || mode(h.fix) AS fix, 4 AS rank,
  list(${PAST_ITEM_SQL} ORDER BY h.service_date DESC, h.past_line_id DESC)[1:${PAST_SHOWN}] AS past
FROM ${p}pattern_hits h
GROUP BY h.line_id, h.category, h.cause_kind, h.cause_codes
UNION ALL BY NAME
SELECT h.line_id, 'mismatch' AS category, 'crosswalk' AS source,
  any_value(h.payer) || ' denied ' || any_value(h.procedure) || ' with ' || dl_icd_dotted(h.pair_dx) || ' '
  || count(*) || CASE WHEN count(*) = 1 THEN ' time' ELSE ' times' END || ' ($' || printf('%.2f', sum(h.denied_amount))
  || ') and never paid it with that diagnosis; last ' || max(h.service_date) AS text,
  [any_value(h.procedure), dl_icd_dotted(h.pair_dx)] AS codes,
  'Check that ' || dl_icd_dotted(h.pair_dx) || ' is the diagnosis the documentation gives for ' || any_value(h.procedure)
  || ' and point the line to the diagnosis that supports it; ' || any_value(h.payer) || ' has not paid this pair.' AS fix,
  4 AS rank,
  list(${PAST_ITEM_SQL} ORDER BY h.service_date DESC, h.past_line_id DESC)[1:${PAST_SHOWN}] AS past
FROM ${p}pair_hits h
GROUP BY h.line_id, h.pair_dx;
`,
  ];
};

/** Every line of the batch with its flags (rank order) and its dollars at risk: its charge when a flag counts. */
export const CHECK_WORKLIST_SQL = sql`
WITH flagged AS (
  SELECT line_id, list_sort(list({'rank': rank, 'category': category, 'source': source, 'text': text, 'codes': codes, 'fix': fix, 'past': past})) AS flags,
    bool_or(category IS NOT NULL) AS at_risk
  FROM check_flags GROUP BY line_id
)
SELECT l.line_id, l.claim_id, l.line_number, l.patient_account, l.payer, l.provider, l.service_date::VARCHAR AS service_date,
  l.billed_procedure AS procedure, l.modifiers, list_transform(l.diagnoses, lambda c: dl_icd_dotted(c)) AS diagnoses,
  l.billed::DOUBLE AS billed,
  CASE WHEN coalesce(f.at_risk, false) THEN coalesce(l.billed, 0) ELSE 0 END::DOUBLE AS at_risk,
  coalesce(f.flags, []) AS flags
FROM check_lines l LEFT JOIN flagged f USING (line_id)
ORDER BY l.claim_id, l.line_number NULLS LAST, l.line_id
`;

export const CHECK_BATCH_SQL = sql`
SELECT b.*, (SELECT count(*) FROM check_lines)::INTEGER AS lines, (SELECT count(DISTINCT claim_key) FROM check_lines)::INTEGER AS claims
FROM check_batch b`;
export const CHECK_REJECTS_SQL = sql`SELECT line, reason, excerpt FROM check_rejects ORDER BY line`;
export const CLEAR_CHECK_SQL = sql`DELETE FROM check_batch; DELETE FROM check_rejects; DELETE FROM check_lines; DELETE FROM check_flags;`;
export const CHECK_HAS_LINES_SQL = sql`SELECT count(*)::INTEGER AS n FROM check_lines`;

/** The months the backtest can check: every service month of the counted lines, oldest first. */
export const BACKTEST_MONTHS_SQL = sql`
SELECT DISTINCT service_month::VARCHAR AS month FROM denial_facts WHERE service_month IS NOT NULL ORDER BY 1`;

/** Month m's counted lines, as they were billed (analysis_lines), to check as if unsent. */
export const backtestLinesSql = (month: string) => sql`
CREATE OR REPLACE TABLE backtest_lines AS
SELECT al.* FROM analysis_lines al JOIN denial_facts d USING (line_id) WHERE d.service_month = ${month}::DATE;
`;

/**
 * Month m's flags against what the payers did, per coding category and overall:
 * denied = lines denied in the category (overall: in any of the four) and their denied dollars;
 * caught = of those, lines flagged (per category: by a flag of that category; overall: by any flag);
 * flagged = lines with a flag of the category (overall: any flag); flagged_denied = of those, lines denied for any reason.
 */
export const backtestScoresSql = (month: string) => sql`
WITH f AS (
  SELECT line_id, list(DISTINCT category) AS categories FROM backtest_flags WHERE category IS NOT NULL GROUP BY line_id
), l AS (
  SELECT d.line_id, d.denied, d.category, d.denied_amount, coalesce(f.categories, []) AS flags
  FROM denial_facts d LEFT JOIN f USING (line_id) WHERE d.service_month = ${month}::DATE
), cats AS (SELECT unnest(${CODING_SQL}) AS category UNION ALL SELECT 'overall')
SELECT ${month} AS month, c.category,
  count(*) FILTER (WHERE l.denied AND (l.category = c.category OR (c.category = 'overall' AND list_contains(${CODING_SQL}, l.category))))::INTEGER AS denied,
  coalesce(sum(l.denied_amount) FILTER (WHERE l.denied AND (l.category = c.category OR (c.category = 'overall' AND list_contains(${CODING_SQL}, l.category)))), 0)::DOUBLE AS denied_dollars,
  count(*) FILTER (WHERE l.denied AND ((l.category = c.category AND list_contains(l.flags, c.category))
    OR (c.category = 'overall' AND list_contains(${CODING_SQL}, l.category) AND len(l.flags) > 0)))::INTEGER AS caught,
  coalesce(sum(l.denied_amount) FILTER (WHERE l.denied AND ((l.category = c.category AND list_contains(l.flags, c.category))
    OR (c.category = 'overall' AND list_contains(${CODING_SQL}, l.category) AND len(l.flags) > 0))), 0)::DOUBLE AS caught_dollars,
  count(*) FILTER (WHERE list_contains(l.flags, c.category) OR (c.category = 'overall' AND len(l.flags) > 0))::INTEGER AS flagged,
  count(*) FILTER (WHERE l.denied AND (list_contains(l.flags, c.category) OR (c.category = 'overall' AND len(l.flags) > 0)))::INTEGER AS flagged_denied,
  count(*)::INTEGER AS lines
FROM cats c CROSS JOIN l
GROUP BY c.category
ORDER BY array_position(list_concat(${CODING_SQL}, ['overall']), c.category)`;

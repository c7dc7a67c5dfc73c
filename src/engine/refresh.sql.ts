import { DROP_REFRESH_TEMP_SQL, LINE_CHAINS_SQL, LINE_IDENTITY_SQL, analysisLinesSql } from './analysis/analysis-lines.sql.ts';
import { LINE_CLASSIFICATION_SQL, LINE_REMARKS_SQL, PAYER_FINDINGS_SQL, lineDenialsSql, lineReasonsSql } from './classify/classify.sql.ts';
import { codeStatusSql, outdatedFindingsSql, unknownReferenceFindingsSql, unspecifiedFindingsSql } from './classify/rules/code-validity.sql.ts';
import { modifierFindingsSql } from './classify/rules/modifiers.sql.ts';
import { CROSSWALK_SQL, REVIEW_HISTORY, historyFindingsSql } from './classify/rules/history.sql.ts';
import { REVIEW_SCOPE } from './classify/rules/scope.ts';
import { CLAIM_ADJUSTMENT_SHARES_SQL } from './analysis/claim-adjustments.sql.ts';
import { FILE_LINE_MERGES_SQL, SOURCE_DISAGREEMENTS_SQL } from './analysis/merge-report.sql.ts';
import { DENIED_PATTERNS_SQL, POST_PAYMENT_DENIALS_SQL, REVIEW_CUBE_SQL, denialFactsSql } from './analytics/facts.sql.ts';
import { LINE_PATTERNS_SQL, SLICE_MONTHS_SQL } from './analytics/patterns.sql.ts';
import { ident, sql, type Sql } from './db/sql.ts';

/**
 * A table of one row per analysed line, written batch by batch: `select(from, to)`
 * gives the rows of lines line_id ∈ [from, to]. Rows written by one statement stay
 * uncompressed until it commits, so a million lines at once would need gigabytes.
 */
export interface BatchedTable {
  table: string;
  select: (from: number, to: number) => Sql;
}

/** Statements of Engine.refresh, in order: links, chains, classification, facts, patterns. */
export const REFRESH_STEPS: readonly (Sql | BatchedTable)[] = [
  LINE_IDENTITY_SQL,
  LINE_CHAINS_SQL,
  { table: 'analysis_lines', select: analysisLinesSql },
  DROP_REFRESH_TEMP_SQL,
  CLAIM_ADJUSTMENT_SHARES_SQL,
  FILE_LINE_MERGES_SQL,
  SOURCE_DISAGREEMENTS_SQL,
  { table: 'line_reasons', select: lineReasonsSql },
  LINE_REMARKS_SQL,
  { table: 'line_denials', select: lineDenialsSql },
  PAYER_FINDINGS_SQL,
  codeStatusSql(REVIEW_SCOPE),
  outdatedFindingsSql(REVIEW_SCOPE),
  unspecifiedFindingsSql(REVIEW_SCOPE),
  unknownReferenceFindingsSql(REVIEW_SCOPE),
  modifierFindingsSql(REVIEW_SCOPE),
  CROSSWALK_SQL,
  historyFindingsSql(REVIEW_SCOPE, sql`procedure_dx_crosswalk`, REVIEW_HISTORY),
  LINE_CLASSIFICATION_SQL,
  { table: 'denial_facts', select: denialFactsSql },
  POST_PAYMENT_DENIALS_SQL,
  LINE_PATTERNS_SQL,
  REVIEW_CUBE_SQL,
  DENIED_PATTERNS_SQL,
  SLICE_MONTHS_SQL,
];

/** The table with its columns and no rows. */
export const createEmptySql = (t: BatchedTable): Sql => sql`CREATE OR REPLACE TABLE ${ident(t.table)} AS ${t.select(1, 0)}`;
export const insertBatchSql = (t: BatchedTable, from: number, to: number): Sql => sql`INSERT INTO ${ident(t.table)} ${t.select(from, to)}`;

import { sql, type Sql } from '../../db/sql.ts';

/**
 * The lines a rule set runs over and where its findings go: the same code-data and modifier
 * rules (code-validity, modifiers, history) classify the review's denied lines and check an
 * outgoing batch (src/engine/check/), so a rule fixed for one is fixed for the other.
 */
export interface RuleScope {
  /** Prefix of the rule set's work tables: '' for the review, e.g. 'check_' for a batch. */
  prefix: Sql;
  /**
   * A query (parenthesised) or table of the lines to check, with analysis_lines' columns
   * line_id, claim_key, patient_account, provider, billed_procedure, modifiers, service_date, diagnoses.
   */
  lines: Sql;
  /** The lines billed beside them (same claim or patient): the same columns and is_reversal. */
  neighbours: Sql;
  /** The payer's reasons on the checked lines (line_id, group_code, carc); an outgoing batch has none. */
  reasons: Sql;
  /** The table the findings are inserted into (findings' columns). */
  findings: Sql;
  /**
   * Lines not sent yet: a rule that explains a denial already made (a modifier billed and the line
   * still denied) has nothing to say about them.
   */
  outgoing: boolean;
}

/** The review: the denied initial adjudications, with the payer's reasons. */
export const REVIEW_SCOPE: RuleScope = {
  prefix: sql``,
  lines: sql`(SELECT al.* FROM analysis_lines al JOIN line_denials d USING (line_id) WHERE d.denial_type IS NOT NULL)`,
  neighbours: sql`analysis_lines`,
  reasons: sql`line_reasons`,
  findings: sql`findings`,
  outgoing: false,
};

/** The payer's reasons of lines that have none yet (line_reasons' columns the rules read). */
export const NO_REASONS = sql`(SELECT NULL::BIGINT AS line_id, NULL::VARCHAR AS group_code, NULL::VARCHAR AS carc WHERE false)`;

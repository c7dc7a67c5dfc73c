import type { Db } from '../db/db.ts';
import type { Category } from '../classify/categories.ts';
import { MIN_PAID_LINES } from '../classify/rules/history.sql.ts';
import {
  crosswalkEvidenceLinesSql,
  crosswalkPayersSql,
  CROSSWALK_PROCEDURES_SQL,
  crosswalkRowsSql,
  crosswalkSummarySql,
  type CrosswalkPayerRow,
  type CrosswalkProcedureRow,
} from './crosswalk.sql.ts';

export interface CrosswalkSummary {
  procedure: string;
  lines: number;
  paid_lines: number;
  /** The crosswalk's measure (the classifier's too): paid lines that name a diagnosis. */
  paid_lines_with_diagnosis: number;
  denied_lines: number;
  unpaid_not_denied_lines: number;
  lines_without_diagnosis: number;
  mismatch_lines: number;
  history_evidence_lines: number;
  /** Denied lines classified as a mismatch or carrying the history evidence; the first of them are in evidence_lines. */
  evidence_line_count: number;
  /** Diagnoses (dotted) it was paid with, most paid lines first. */
  paid_with: string[];
  /** Diagnoses it was denied with whose category it was never paid with. */
  never_paid_with: string[];
  /** The classifier cites the history only for procedures paid on at least this many lines. */
  min_paid_lines: number;
  evidence_lines: {
    line_id: number;
    claim_id: string;
    line_number: number | null;
    service_date: string | null;
    payer: string;
    diagnoses: string[];
    category: Category;
    denied_amount: number;
    history_text: string | null;
  }[];
}

const EVIDENCE_LINES_SHOWN = 200;

export const normaliseProcedure = (procedure: string) => procedure.trim().toUpperCase();

export function crosswalkProcedures(db: Db) {
  return db.query<CrosswalkProcedureRow>(CROSSWALK_PROCEDURES_SQL);
}

/** One diagnosis billed with a procedure: its lines, paid and denied, and what the code means. */
export interface CrosswalkRow {
  dx: string;
  dx_category: string;
  lines: number;
  paid_lines: number;
  denied_lines: number;
  /** denied ÷ lines billed with this diagnosis */
  denial_rate: number;
  /** CDC short description; null for a code not in the loaded ICD-10-CM releases */
  description: string | null;
}

/** The diagnoses a procedure was billed with, at every payer (none named) or at those named. */
export function crosswalkRows(db: Db, procedure: string, payers: string[] = []) {
  return db.query<CrosswalkRow>(crosswalkRowsSql(normaliseProcedure(procedure), payers));
}

export function crosswalkPayers(db: Db, procedure: string) {
  return db.query<CrosswalkPayerRow>(crosswalkPayersSql(normaliseProcedure(procedure)));
}

export async function crosswalkSummary(db: Db, procedure: string): Promise<CrosswalkSummary> {
  const code = normaliseProcedure(procedure);
  const [totals] = await db.query<Omit<CrosswalkSummary, 'procedure' | 'min_paid_lines' | 'evidence_lines'>>(crosswalkSummarySql(code));
  const evidence = await db.query<CrosswalkSummary['evidence_lines'][number]>(crosswalkEvidenceLinesSql(code, EVIDENCE_LINES_SHOWN));
  return { procedure: code, ...totals, min_paid_lines: MIN_PAID_LINES, evidence_lines: evidence };
}

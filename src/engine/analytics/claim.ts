import type { Db } from '../db/db.ts';
import type { Category } from '../classify/categories.ts';
import { claimDiagnosesSql, claimDocumentsSql, claimLinesSql, claimUnansweredSql } from './claim.sql.ts';

interface Adjustment {
  group: string | null;
  reason: string;
  amount: number | null;
}

export interface ClaimDocument {
  claim_key: number;
  claim_id: string;
  source: 'claim' | 'remit' | 'claim+remit';
  file: string;
  format: string;
  status: string | null;
  status_label: string | null;
  payer: string | null;
  provider: string | null;
  patient_account: string | null;
  charge: number | null;
  paid: number | null;
  patient_responsibility: number | null;
  payer_claim_number: string | null;
  service_from: string | null;
  paid_date: string | null;
  flags: string[];
  adjustments: Adjustment[];
  remarks: string[];
}

export interface ClaimLine {
  line_id: number;
  claim_key: number;
  line_number: number | null;
  service_date: string | null;
  paid_date: string | null;
  payer: string | null;
  provider: string | null;
  procedure: string | null;
  billed_procedure: string | null;
  modifiers: string[];
  diagnoses: string[];
  units: number | null;
  billed: number | null;
  allowed: number | null;
  paid: number | null;
  claim_status: string | null;
  is_reversal: boolean;
  /** the adjudication every count and rate uses */
  is_initial: boolean;
  /** all adjudications of one billed line share a chain */
  chain_key: string;
  was_reversed: boolean;
  /** initial (counted) | reversal | correction | recoupment | secondary | copy | predetermination (analysis-lines.sql.ts) */
  adjudication_kind: string;
  /** 1 = the payer whose adjudication counts; 2, 3 … later payers (crossover, secondary insurance) */
  payer_sequence: number | null;
  adjudications: number;
  paid_later: number;
  payer_claim_number: string | null;
  matched_on: string | null;
  file: string;
  denied: boolean;
  denial_type: 'full' | 'partial' | null;
  denied_amount: number | null;
  category: Category | null;
  fix: string | null;
  adjustments: Adjustment[];
  remarks: string[];
}

export interface ClaimDetail {
  claim_id: string;
  documents: ClaimDocument[];
  diagnoses: { seq: number; code: string }[];
  lines: ClaimLine[];
  unanswered: { line_id: number; line_number: number | null; service_date: string | null; procedure: string | null; modifiers: string[]; billed: number | null; file: string }[];
}

/** The claim a line belongs to (all payers' documents of the same claim id); null for an unknown line. */
export async function claimDetail(db: Db, lineId: number): Promise<ClaimDetail | null> {
  const lines = await db.query<ClaimLine>(claimLinesSql(lineId));
  if (lines.length === 0) return null;
  const documents = await db.query<ClaimDocument>(claimDocumentsSql(lineId));
  return {
    claim_id: documents[0]?.claim_id ?? '',
    documents,
    diagnoses: await db.query<{ seq: number; code: string }>(claimDiagnosesSql(lineId)),
    lines,
    unanswered: await db.query(claimUnansweredSql(lineId)),
  };
}

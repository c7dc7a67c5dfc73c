/**
 * What a JavaScript-side parser (X12 835 / 837P) hands the loader: rows for the
 * canonical tables (see schema/canonical.sql.ts), with keys local to the file
 * (1, 2, 3 …). The loader offsets keys, inserts, and records rejects.
 *
 * Dates are 'YYYY-MM-DD' strings, money and units plain numbers, absent values null.
 * Field names are the column names, so the loader can insert them without a mapping.
 */
export interface ParsedFile {
  format: 'x12-835' | 'x12-837p';
  content: 'remit' | 'claim';
  /** Claims (CLP/CLM) seen, loaded or not: the unit of rows_read/loaded/rejected for X12. */
  rowsRead: number;
  /** File-level notes that do not reject anything, e.g. "no ISA envelope: default delimiters assumed". */
  warnings: string[];
  /** Each thing that could not be loaded: segment number (1-based, in file order) and why. */
  rejects: RejectRow[];
  /** Claims that were rejected as a whole (counted in rows_rejected). */
  claimsRejected: number;
  remittances: RemittanceRow[];
  providerAdjustments: ProviderAdjustmentRow[];
  claims: ClaimRow[];
  lines: LineRow[];
  adjustments: AdjustmentRow[];
  remarks: RemarkRow[];
  diagnoses: DiagnosisRow[];
}

export interface RejectRow {
  line: number | null;
  reason: string;
  excerpt: string | null;
}

export interface RemittanceRow {
  remit_id: number;
  payer: string | null;
  payer_id: string | null;
  payee: string | null;
  payee_npi: string | null;
  trace_number: string | null;
  payment_amount: number | null;
  payment_method: string | null;
  payment_date: string | null;
  provider_adjustment_total: number;
  balance_diff: number | null;
  /** payer id + trace number + BPR02 + payment date: the same payment loaded twice has the same key. */
  dedupe_key: string;
  source_line: number;
}

export interface ProviderAdjustmentRow {
  remit_id: number;
  provider_id: string | null;
  fiscal_period: string | null;
  reason: string | null;
  reference: string | null;
  amount: number;
}

export interface ClaimRow {
  claim_key: number;
  source: 'claim' | 'remit';
  claim_id: string;
  patient_account: string | null;
  patient_name: string | null;
  member_id: string | null;
  payer: string | null;
  payer_id: string | null;
  billing_provider: string | null;
  rendering_provider: string | null;
  total_charge: number | null;
  remit_id: number | null;
  status: string | null;
  paid: number | null;
  patient_responsibility: number | null;
  filing_indicator: string | null;
  payer_claim_number: string | null;
  /** 837P CLM05-3 (1 original, 7 replacement, 8 void); NULL elsewhere. */
  frequency_code: string | null;
  /** REF*F8 (837P loop 2300, 835 loop 2100): the payer's claim number of the original claim this one corrects. */
  original_claim_number: string | null;
  statement_from: string | null;
  statement_to: string | null;
  paid_date: string | null;
  balance_diff: number | null;
  flags: string[];
  source_line: number;
}

export interface LineRow {
  line_id: number;
  claim_key: number;
  source: 'claim' | 'remit';
  claim_id: string;
  line_number: number | null;
  line_control: string | null;
  service_date: string | null;
  service_date_end: string | null;
  payer: string | null;
  provider: string | null;
  procedure_qualifier: string | null;
  procedure: string | null;
  billed_procedure: string | null;
  modifiers: string[];
  units: number | null;
  billed: number | null;
  allowed: number | null;
  paid: number | null;
  claim_status: string | null;
  paid_date: string | null;
  dx_pointers: number[];
  balance_diff: number | null;
  flags: string[];
  source_line: number;
}

export interface AdjustmentRow {
  claim_key: number;
  line_id: number | null;
  level: 'line' | 'claim';
  group_code: string | null;
  carc: string;
  amount: number | null;
  quantity: number | null;
}

export interface RemarkRow {
  claim_key: number;
  line_id: number | null;
  level: 'line' | 'claim';
  code: string;
  source: 'LQ' | 'MOA' | 'MIA';
}

export interface DiagnosisRow {
  claim_key: number;
  seq: number;
  code: string;
  qualifier: string | null;
}

export function emptyParsedFile(format: ParsedFile['format'], content: ParsedFile['content']): ParsedFile {
  return {
    format,
    content,
    rowsRead: 0,
    warnings: [],
    rejects: [],
    claimsRejected: 0,
    remittances: [],
    providerAdjustments: [],
    claims: [],
    lines: [],
    adjustments: [],
    remarks: [],
    diagnoses: [],
  };
}

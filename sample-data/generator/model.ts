/**
 * The generator's model of the year: claims as billed, and every adjudication of
 * them as the payers' remittances report it. The three writers (CSV export, 837P,
 * 835) only format this model, so the files cannot disagree with each other.
 */
import type { Day } from './calendar.ts';
import type { Cents } from './money.ts';
import type { Patient } from './patients.ts';
import type { Payer, Provider } from './practice.ts';
import type { PlantedId } from './planted.ts';

export interface Referrer {
  last: string;
  first: string;
  npi: string;
}

export interface ServiceLine {
  lineNumber: number;
  procedure: string;
  modifiers: string[];
  units: number;
  charge: Cents;
  /** 1-based positions in the claim's diagnosis list. */
  pointers: number[];
  /** REF*6R line item control number, unique over the whole data set. */
  controlNumber: string;
  /** The planted coding problem this line carries, if any. */
  planted: PlantedId | null;
}

/**
 * Something about the claim as billed that makes a payer deny it whole, decided when
 * the claim is created (the billing office's mistake or missing data).
 */
export type BillingIssue =
  | 'coverage_terminated' // billed to a plan that had ended
  | 'not_this_payer' // Medi-Cal member enrolled in a managed-care plan
  | 'member_not_found' // member id keyed wrong
  | 'duplicate' // the same visit keyed twice
  | 'late_submission' // sent after the payer's filing limit
  | 'missing_referrer' // imaging without the referring provider
  | 'rendering_not_enrolled'; // provider's Medi-Cal enrollment lapsed

export interface Claim {
  /** Patient control number: CLM01 = CLP01 = export "Claim ID". */
  id: string;
  patient: Patient;
  payer: Payer;
  memberId: string;
  provider: Provider;
  referrer: Referrer | null;
  dos: Day;
  /** Date the claim went out (the 837's BHT date). */
  submitted: Day;
  /** ICD-10-CM codes without the dot, at most 4 (the export has four columns). */
  diagnoses: string[];
  lines: ServiceLine[];
  priorAuth: string | null;
  issue: BillingIssue | null;
  /** For a duplicate: the claim it repeats. */
  duplicateOf: string | null;
}

export type AdjustmentGroup = 'CO' | 'PR' | 'OA' | 'PI';

export interface Adjustment {
  group: AdjustmentGroup;
  reason: string;
  amount: Cents;
}

/** Where a denial belongs, as the generator intended it (the engine classifies on its own). */
export type DenialBucket =
  | 'outdated'
  | 'unspecified'
  | 'mismatch'
  | 'missing_modifier'
  | 'eligibility'
  | 'authorization'
  | 'duplicate'
  | 'timely_filing'
  | 'non_covered'
  | 'missing_information'
  | 'cob'
  | 'benefit_maximum'
  | 'bundling';

export interface LineAdjudication {
  line: ServiceLine;
  allowed: Cents;
  paid: Cents;
  adjustments: Adjustment[];
  remarks: string[];
  /** Set when the line is denied. */
  denial: DenialBucket | null;
}

export type AdjudicationKind = 'initial' | 'reversal' | 'correction';

export interface ClaimAdjudication {
  claim: Claim;
  kind: AdjudicationKind;
  /** CLP02: 1 processed as primary, 4 denied, 22 reversal of a previous payment. */
  status: '1' | '4' | '22';
  payerClaimNumber: string;
  lines: LineAdjudication[];
  /** Date the payer received the claim (835 DTM*050). */
  received: Day;
  payment: Payment;
}

/** PLB: a provider-level adjustment in a payment, not tied to one claim's lines. */
export interface ProviderAdjustment {
  /** PLB03-1 adjustment reason: L6 interest, WO overpayment recovery. */
  reason: 'L6' | 'WO';
  reference: string;
  /** Positive reduces the payment; negative (interest) increases it. */
  amount: Cents;
  note: string;
}

/** One check or EFT = one 835 transaction. */
export interface Payment {
  payer: Payer;
  date: Day;
  trace: string;
  claims: ClaimAdjudication[];
  providerAdjustments: ProviderAdjustment[];
}

export const lineChargeTotal = (claim: Claim): Cents => claim.lines.reduce((a, l) => a + l.charge, 0);

export const patientResponsibility = (line: LineAdjudication): Cents =>
  line.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amount, 0);

/**
 * The categories a denied line can land in. The four coding categories come
 * first (the product's reason to exist); the other buckets keep the coding
 * denials in context. README "What counts as a denial" says the same in words.
 */
export const CODING_CATEGORIES = ['outdated', 'missing_modifier', 'unspecified', 'mismatch'] as const;

/** Payer reasons that name a non-coding cause no corrected code would fix: they win over any other payer reason. */
export const HARD_ADMINISTRATIVE = ['eligibility', 'authorization', 'duplicate', 'timely_filing', 'cob'] as const;

export const OTHER_BUCKETS = [
  ...HARD_ADMINISTRATIVE,
  'bundling',
  'non_covered',
  'missing_info',
  // level of service, units or frequency, unlisted procedure code: coding-related, but not one of the four
  'other_coding',
  // denied without a specific reason (A1 alone, CLP02 = 4 without CAS, nothing paid and no code)
  'unknown',
  // a reason code our table does not know: its dollars are shown apart, never folded into another bucket
  'unmapped',
] as const;

/**
 * Reason-code buckets that are never a denial, alone or together, whether the line
 * is paid or at $0 (shared/notes/domain.md, checked against the X12 CARC list).
 */
export const NOT_DENIAL = [
  'contractual', // fee schedule, multiple-procedure rules, negotiated discount, sequestration
  'patient_responsibility', // deductible, coinsurance, copay, payment made to the patient
  'prior_payer', // a secondary payer's reduction for what the primary paid
  'capitation',
  'withhold',
  'regulatory', // legislated penalties and incentives (MIPS …)
  'reporting_only', // codes billed for required reporting, not for payment
  'predetermination', // an estimate, not an adjudication
] as const;

/** Among several denial reasons the payer gave, the first in this order decides. */
export const CATEGORY_PRECEDENCE = [...CODING_CATEGORIES, ...OTHER_BUCKETS] as const;
export const PAYER_PRECEDENCE = [...HARD_ADMINISTRATIVE, ...CODING_CATEGORIES, ...OTHER_BUCKETS.slice(HARD_ADMINISTRATIVE.length)] as const;

export type Category = (typeof CATEGORY_PRECEDENCE)[number];
export type NotDenialBucket = (typeof NOT_DENIAL)[number];
export type Bucket = Category | NotDenialBucket;

export const CATEGORY_LABELS: Record<Category, string> = {
  outdated: 'Outdated / invalid code',
  missing_modifier: 'Missing modifier',
  unspecified: 'Unspecified diagnosis',
  mismatch: 'Dx–procedure mismatch',
  eligibility: 'Eligibility / coverage',
  authorization: 'Authorization / referral',
  duplicate: 'Duplicate',
  timely_filing: 'Timely filing',
  cob: 'Coordination of benefits',
  bundling: 'Bundling',
  non_covered: 'Non-covered service',
  missing_info: 'Missing / invalid information',
  other_coding: 'Level of service / units / unlisted code',
  unknown: 'Denied, no specific reason',
  unmapped: 'Unmapped reason code',
};

export const NOT_DENIAL_LABELS: Record<NotDenialBucket, string> = {
  contractual: 'Contractual / fee schedule',
  patient_responsibility: 'Patient responsibility',
  prior_payer: 'Prior payer’s adjudication',
  capitation: 'Capitation',
  withhold: 'Managed-care withhold',
  regulatory: 'Legislated penalty or incentive',
  reporting_only: 'Reporting-only code',
  predetermination: 'Predetermination or pending (not adjudicated)',
};

export function isCodingCategory(c: string): boolean {
  return (CODING_CATEGORIES as readonly string[]).includes(c);
}

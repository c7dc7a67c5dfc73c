/**
 * The buckets a denied line can land in, in precedence order: when several
 * apply, the first wins. The four coding categories come first (the product's
 * reason to exist); 'contractual' and 'patient_responsibility' are not denials.
 */
export const CODING_CATEGORIES = ['outdated', 'missing_modifier', 'unspecified', 'mismatch'] as const;

/** Administrative reasons a coding finding must not override: fixing the code would not get the line paid. */
export const HARD_ADMINISTRATIVE = ['eligibility', 'authorization', 'duplicate', 'timely_filing', 'cob'] as const;

export const OTHER_BUCKETS = [
  ...HARD_ADMINISTRATIVE,
  'bundling',
  'non_covered',
  'missing_info',
  'pricing',
  'unknown',
] as const;

/**
 * Payer buckets that a finding from the code data may replace as the primary
 * category: the coding categories themselves and the vague ones. For the others
 * (hard-administrative, non-covered) the finding is kept as secondary; only an
 * 'outdated' code overrides 'non_covered' (a deleted code cannot be covered).
 */
export const REFINABLE = [...CODING_CATEGORIES, 'missing_info', 'unknown', 'pricing', 'bundling'] as const;

export const NOT_DENIAL = ['contractual', 'patient_responsibility'] as const;

export const CATEGORY_PRECEDENCE = [...CODING_CATEGORIES, ...OTHER_BUCKETS] as const;

export type Category = (typeof CATEGORY_PRECEDENCE)[number];
export type Bucket = Category | (typeof NOT_DENIAL)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  outdated: 'Outdated code',
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
  pricing: 'Pricing / contractual',
  unknown: 'Unknown reason',
};

export function isCodingCategory(c: string): boolean {
  return (CODING_CATEGORIES as readonly string[]).includes(c);
}

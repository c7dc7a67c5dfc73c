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
  'other_coding',
  'pricing',
  'unknown',
  'unmapped',
] as const;

/**
 * Which code-data findings may replace the payer's bucket as the primary category.
 * Coding and vague payer reasons are refined by any coding finding; bundling only
 * by a missing modifier (the pair was modifier-fixable); an outdated code also
 * overrides the remaining non-hard buckets (a deleted code cannot be covered).
 * Hard-administrative reasons are never overridden. Elsewhere the finding stays secondary.
 */
export const REFINED_BY_ANY_CODING = [...CODING_CATEGORIES, 'missing_info', 'unknown', 'pricing'] as const;
export const REFINED_BY_MISSING_MODIFIER = ['bundling'] as const;

export const NOT_DENIAL = [
  'contractual',
  'patient_responsibility',
  'prior_payer',
  'capitation',
  'withhold',
  'regulatory',
  'reporting_only',
  'predetermination',
] as const;
export type NotDenialBucket = (typeof NOT_DENIAL)[number];

export const CATEGORY_PRECEDENCE = [...CODING_CATEGORIES, ...OTHER_BUCKETS] as const;

export type Category = (typeof CATEGORY_PRECEDENCE)[number];
export type Bucket = Category | NotDenialBucket;

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
  other_coding: 'Other coding (level, units, unlisted code)',
  pricing: 'Pricing / contractual',
  unknown: 'Unknown reason',
  unmapped: 'Unmapped reason code',
};

export function isCodingCategory(c: string): boolean {
  return (CODING_CATEGORIES as readonly string[]).includes(c);
}

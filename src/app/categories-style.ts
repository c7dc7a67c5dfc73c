import { CATEGORY_PRECEDENCE, type Category } from '../engine/classify/categories.ts';

/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies) for the
 * four coding categories; the other buckets share muted blue-greys so the
 * coding denials stand out while the rest stays readable.
 */
export const CATEGORY_COLORS: Record<Category, string> = {
  outdated: '#D55E00',
  missing_modifier: '#0072B2',
  unspecified: '#E69F00',
  mismatch: '#CC79A7',
  eligibility: '#2F4B5E',
  authorization: '#3E6275',
  duplicate: '#52798C',
  timely_filing: '#6790A3',
  cob: '#7FA6B8',
  bundling: '#009E73',
  non_covered: '#8E8E8E',
  missing_info: '#A9A9A9',
  other_coding: '#56B4E9',
  pricing: '#C4C4C4',
  unknown: '#DADADA',
  unmapped: '#E8E8E8',
};

export const CATEGORIES = CATEGORY_PRECEDENCE;

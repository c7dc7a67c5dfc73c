import { CATEGORY_LABELS, CATEGORY_PRECEDENCE, type Category } from '../classify/categories.ts';
import type { WorksheetRow } from './sample.ts';

/** The auditor's answer for one worksheet row. */
export type Supports = 'yes' | 'no' | 'partly';
/** The auditor's finding: the denial's real cause, or 'none' (no error found). */
export type Finding = Category | 'none';

export interface AuditorReview {
  supports: Supports | null;
  correctCodes: string;
  finding: Finding | null;
  dollarsInError: number | null;
  notes: string;
}

/** Reviews by draw number (unique within a sample). */
export type Reviews = Record<number, AuditorReview>;

export const EMPTY_REVIEW: AuditorReview = { supports: null, correctCodes: '', finding: null, dollarsInError: null, notes: '' };
export const SUPPORTS: readonly Supports[] = ['yes', 'no', 'partly'];
export const FINDINGS: readonly Finding[] = [...CATEGORY_PRECEDENCE, 'none'];
export const FINDING_LABELS: Record<Finding, string> = { ...CATEGORY_LABELS, none: 'No error found' };
/** What our classification is called for a unit that was not denied. */
export const NOT_DENIED_LABEL = 'Not denied';

export interface ResultTally {
  units: number;
  /** Rows where "documentation supports codes" is answered. */
  reviewed: number;
  /** Reviewed rows answered "no" or "partly". */
  errors: number;
  errorRate: number | null;
  /** Rows with a finding category. */
  compared: number;
  /** …whose finding equals our category (a unit we did not classify as denied agrees with "No error found"). */
  agreed: number;
  agreementRate: number | null;
  dollarsInError: number;
  /** Billed on the reviewed rows: the base of the dollar error rate. */
  billedReviewed: number;
  dollarErrorRate: number | null;
}

export interface AuditResults extends ResultTally {
  /** By our category (null = not denied), in category precedence order. */
  byCategory: (ResultTally & { category: Category | null })[];
}

/** Agreement, error rate and dollars in error of a sample, overall and per category of ours. */
export function auditResults(rows: readonly WorksheetRow[], reviews: Reviews): AuditResults {
  const order = (c: Category | null) => (c == null ? CATEGORY_PRECEDENCE.length : CATEGORY_PRECEDENCE.indexOf(c));
  const categories = [...new Set(rows.map((r) => r.category))].sort((a, b) => order(a) - order(b));
  return {
    ...tally(rows, reviews),
    byCategory: categories.map((category) => ({ category, ...tally(rows.filter((r) => r.category === category), reviews) })),
  };
}

function tally(rows: readonly WorksheetRow[], reviews: Reviews): ResultTally {
  let reviewed = 0, errors = 0, compared = 0, agreed = 0, cents = 0, billedCents = 0;
  for (const row of rows) {
    const review = reviews[row.draw] ?? EMPTY_REVIEW;
    if (review.supports) {
      reviewed++;
      billedCents += Math.round(row.billed * 100);
      if (review.supports !== 'yes') errors++;
    }
    if (review.finding) {
      compared++;
      if (review.finding === (row.category ?? 'none')) agreed++;
    }
    if (review.dollarsInError != null) cents += Math.round(review.dollarsInError * 100);
  }
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    units: rows.length,
    reviewed,
    errors,
    errorRate: rate(errors, reviewed),
    compared,
    agreed,
    agreementRate: rate(agreed, compared),
    dollarsInError: cents / 100,
    billedReviewed: billedCents / 100,
    dollarErrorRate: rate(cents, billedCents),
  };
}

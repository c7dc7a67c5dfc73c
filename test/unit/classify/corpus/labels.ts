/**
 * The labels of the classifier corpus: the team's vocabulary (TEAM-BRIEF.md,
 * issue 16), written here on purpose instead of imported from the engine, so
 * that a change of the engine's categories cannot silently change what the
 * corpus expects.
 */
export const DENIAL_LABELS = [
  'outdated', 'missing_modifier', 'unspecified', 'mismatch',
  'eligibility', 'authorization', 'duplicate', 'timely_filing', 'cob', 'bundling',
  'non_covered', 'missing_info', 'other_coding', 'unknown', 'unmapped',
] as const;

export type DenialLabel = (typeof DENIAL_LABELS)[number];
export type Label = DenialLabel | 'not_denied';
export const LABELS: readonly Label[] = [...DENIAL_LABELS, 'not_denied'];

/** Why a not-denied line is not a denial (the brief's not-denial buckets). */
export const NOT_DENIAL_KINDS = [
  'contractual', 'patient_responsibility', 'prior_payer', 'capitation',
  'withhold', 'regulatory', 'reporting_only', 'predetermination',
] as const;
export type NotDenialKind = (typeof NOT_DENIAL_KINDS)[number];

export interface LineLabel {
  expect: Label;
  /** for not_denied lines: which not-denial reason explains the unpaid dollars */
  kind?: NotDenialKind;
  /** the reason a coder or auditor gives for the label */
  why: string;
  /** where the reason comes from: CARC/RARC list, ICD-10-CM or PFS file and date, NCCI, a guideline */
  source: string;
}

export function isLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

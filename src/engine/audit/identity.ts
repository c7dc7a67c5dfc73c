import type { AuditSample } from './sample.ts';

/**
 * A sample's identity: what was sampled from what, how and when. Printed above
 * the worksheet (CSV, print, CLI) and checked when a filled-in worksheet comes
 * back, so answers are never merged into another sample that happens to hold
 * the same claim ids.
 */
export const IDENTITY_TITLE = 'Denial Lens audit sample';

/**
 * The fields compared on import; the rest are shown only (the frame's wording
 * follows our labels, which may change: its fingerprint is what is compared).
 */
const CHECKED = ['Seed', 'Unit', 'Method', 'Strata sizes', 'Sample size', 'Frame size', 'Frame fingerprint (SHA-256)', 'Drawn at'] as const;

export function sampleIdentity(sample: AuditSample): [label: string, value: string][] {
  const { spec, frame } = sample;
  return [
    ['Seed', `${spec.seed}`],
    ['Frame', frame.description],
    ['Unit', spec.unit === 'claim' ? 'claim' : 'service line'],
    ['Method', spec.strata ? `stratified by ${spec.strata.by}` : 'simple random sample without replacement'],
    ['Allocation', spec.strata ? `${spec.strata.allocation} (largest remainder)` : 'none (one stratum)'],
    ['Strata sizes', spec.strata ? frame.strata.map((s) => `${s.name || '(blank)'}: ${s.sampleSize} of ${s.frameCount}`).join('; ') : `${sample.rows.length} of ${frame.count}`],
    ['Sample size', `${sample.rows.length}`],
    ['Frame size', `${frame.count}`],
    ['Frame fingerprint (SHA-256)', frame.fingerprint],
    ['Drawn at', sample.drawnAt],
    ['Blind review', spec.blind ? 'yes: our category, evidence and fix hidden until a finding is recorded' : 'no'],
  ];
}

/**
 * Compares the identity block read from a file with the sample's: the reasons it
 * is another sample (empty when it is this one). A file with no block is refused
 * too: its rows could belong to any sample.
 */
export function identityMismatches(sample: AuditSample, fromFile: ReadonlyMap<string, string>): string[] {
  if (fromFile.size === 0) {
    return [`the file has no "${IDENTITY_TITLE}" block above the table (seed, frame, fingerprint…): export the worksheet of this sample and fill that in`];
  }
  const ours = new Map(sampleIdentity(sample));
  const problems: string[] = [];
  for (const label of CHECKED) {
    const theirs = fromFile.get(normalLabel(label));
    const mine = ours.get(label)!;
    if (theirs === undefined) problems.push(`the file does not state the ${label.toLowerCase()}`);
    else if (theirs.trim() !== mine) problems.push(`${label}: the file says "${theirs.trim()}", this sample "${mine}"`);
  }
  return problems;
}

export const normalLabel = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

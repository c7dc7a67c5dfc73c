import { clopperPearson, type Interval } from './statistics.ts';
import { errorRate, projectDollars, type DollarStratum, type Projection, type RateEstimate } from './estimators.ts';
import { auditResults, EMPTY_REVIEW, FINDINGS, type AuditResults, type Finding, type Reviews } from './review.ts';
import type { AuditSample } from './sample.ts';

/**
 * A sample's results with their uncertainty (README "How the results are
 * computed"): the error rate of the frame, overall and per stratum, dollars in
 * error projected to the frame by two estimators, and the agreement between our
 * classification and the auditor's findings, each with its interval.
 */
export interface StratumResult {
  name: string;
  frameCount: number;
  sampleSize: number;
  reviewed: number;
  errors: number;
  rate: number | null;
  interval: Interval | null;
}

export interface AuditReport {
  level: number;
  /** Counts of the sample, overall and per category of ours. */
  tallies: AuditResults;
  errorRate: RateEstimate;
  /** Per stratum (one entry, named '', for a simple random sample). */
  strata: StratumResult[];
  agreement: { agreed: number; compared: number; rate: number | null; interval: Interval | null };
  /** The auditor's findings: units per finding category (with the dollars entered), in category order, "No error found" last. */
  findings: { finding: Finding; units: number; dollarsInError: number }[];
  dollars: {
    meanPerUnit: Projection | null;
    ratio: Projection | null;
    /** Units whose dollars enter the projection: reviewed, with an amount (blank counts as $0 when the codes are supported). */
    units: number;
    /** Draw numbers of units answered "no" or "partly" with no amount: left out of the projection until one is entered. */
    withoutAmount: number[];
    /** The sum of the amounts entered on the units above. */
    sampleTotal: number;
  };
}

export function auditReport(sample: AuditSample, reviews: Reviews, level: number): AuditReport {
  const tallies = auditResults(sample.rows, reviews);
  const review = (draw: number) => reviews[draw] ?? EMPTY_REVIEW;
  const strata = sample.frame.strata.map((s) => {
    const rows = sample.rows.filter((r) => r.stratum === s.name);
    const reviewed = rows.filter((r) => review(r.draw).supports);
    const errors = reviewed.filter((r) => review(r.draw).supports !== 'yes').length;
    return {
      name: s.name,
      frameCount: s.frameCount,
      frameBilled: s.frameBilled ?? null,
      sampleSize: rows.length,
      reviewed: reviewed.length,
      errors,
      rate: reviewed.length ? errors / reviewed.length : null,
      interval: reviewed.length ? clopperPearson(errors, reviewed.length, level) : null,
      dollarUnits: reviewed.flatMap((r) => {
        const { supports, dollarsInError } = review(r.draw);
        const y = dollarsInError ?? (supports === 'yes' ? 0 : null);
        return y == null ? [] : [{ y, x: r.billed }];
      }),
    };
  });
  const withoutAmount = sample.rows.filter((r) => {
    const { supports, dollarsInError } = review(r.draw);
    return supports && supports !== 'yes' && dollarsInError == null;
  });
  const dollarStrata: DollarStratum[] = strata.map((s) => ({ name: s.name, frameCount: s.frameCount, frameBilled: s.frameBilled, units: s.dollarUnits }));
  const units = strata.reduce((a, s) => a + s.dollarUnits.length, 0);
  return {
    level,
    tallies,
    errorRate: errorRate(strata.map((s) => ({ frameCount: s.frameCount, n: s.reviewed, errors: s.errors })), level),
    strata: strata.map(({ name, frameCount, sampleSize, reviewed, errors, rate, interval }) => ({ name, frameCount, sampleSize, reviewed, errors, rate, interval })),
    agreement: {
      agreed: tallies.agreed,
      compared: tallies.compared,
      rate: tallies.agreementRate,
      interval: tallies.compared ? clopperPearson(tallies.agreed, tallies.compared, level) : null,
    },
    findings: FINDINGS.flatMap((finding) => {
      const found = sample.rows.map((r) => review(r.draw)).filter((v) => v.finding === finding);
      return found.length ? [{ finding, units: found.length, dollarsInError: Math.round(found.reduce((a, v) => a + (v.dollarsInError ?? 0) * 100, 0)) / 100 }] : [];
    }),
    dollars: {
      meanPerUnit: projectDollars(dollarStrata, 'mean_per_unit', level),
      ratio: projectDollars(dollarStrata, 'ratio', level),
      units,
      withoutAmount: withoutAmount.map((r) => r.draw),
      sampleTotal: Math.round(strata.reduce((a, s) => a + s.dollarUnits.reduce((b, u) => b + u.y * 100, 0), 0)) / 100,
    },
  };
}

/** The assumptions behind the dollar projection, in words, for the page, the print and the CLI. */
export const DOLLAR_ASSUMPTIONS = [
  'units drawn at random without replacement from the frame (within each stratum)',
  "the auditor's amount is the unit's dollars in error; a unit whose codes are supported counts $0 when no amount is entered",
  'the interval uses Student t (n − 1 degrees of freedom; Satterthwaite for strata), which assumes the sample mean is close to normal: with many $0 units and a few large errors the true coverage can be lower',
];

import { checkLevel, clopperPearson, normalQuantile, studentTQuantile, type Interval } from './statistics.ts';

/**
 * The estimators of an audit: the sample size of an attribute review, the error
 * rate with its exact interval, and dollars in error projected to the frame
 * (mean-per-unit and ratio-to-billed, stratified or not). Formulas: Cochran,
 * Sampling Techniques (3rd ed., 1977), chapters 3, 5, 6; README "How the results
 * are computed" states them in prose.
 */

/** The levels an auditor picks from (as in RAT-STATS). */
export const CONFIDENCE_LEVELS = [0.8, 0.9, 0.95] as const;
/** Overpayment reviews demand the lower bound of the two-sided 90 % interval. */
export const CONSERVATIVE_LEVEL = 0.9;

export interface SampleSizeInput {
  /** The error rate expected (a guess, e.g. from a previous review), 0 < p < 1. */
  expectedRate: number;
  level: number;
  /** The half-width wanted, e.g. 0.10 for ± 10 percentage points. */
  precision: number;
  /** Units in the frame (N), for the finite-population correction. */
  frameSize: number;
}

/**
 * Units needed to estimate an error rate to ± precision at the confidence level:
 * n₀ = z² p(1−p) / d² (normal approximation), corrected for a finite frame
 * n = n₀ / (1 + (n₀ − 1)/N) (Cochran 1977, eq. 4.2 and 4.3), rounded up, never above N.
 */
export function attributeSampleSize({ expectedRate: p, level, precision: d, frameSize: N }: SampleSizeInput): { z: number; n0: number; n: number } {
  checkLevel(level);
  if (!(p > 0 && p < 1)) throw new Error(`the expected error rate must be between 0 and 1 (exclusive), got ${p}`);
  if (!(d > 0 && d < 1)) throw new Error(`the precision must be between 0 and 1 (0.10 = ± 10 points), got ${d}`);
  if (!(Number.isInteger(N) && N >= 1)) throw new Error(`the frame size must be a whole number of at least 1, got ${N}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const n0 = (z * z * p * (1 - p)) / (d * d);
  // n0 / (1 + (n0 − 1)/N) in the form that does not lose digits; a tiny epsilon keeps 278.000000001 at 278
  const n = Math.min(N, Math.ceil((N * n0) / (N - 1 + n0) - 1e-9));
  return { z, n0, n };
}

export interface SizeSupport {
  n: number;
  /** The normal-approximation half-width at the expected rate, with the finite-population correction. */
  halfWidth: number;
  /** The errors the expected rate predicts in n units (rounded), and their exact interval. */
  expectedErrors: number;
  exact: Interval;
  /** With no error found in n units, the exact upper bound: all a clean sample can claim. */
  upperIfNoErrors: number;
}

/** What a sample of n units can honestly say at this confidence, when the error rate is near the expected one. */
export function attributeSupport(n: number, expectedRate: number, level: number, frameSize: number): SizeSupport {
  checkLevel(level);
  const z = normalQuantile(1 - (1 - level) / 2);
  const fpc = frameSize > 1 ? Math.max(0, (frameSize - n) / (frameSize - 1)) : 0;
  const expectedErrors = Math.round(expectedRate * n);
  return {
    n,
    halfWidth: z * Math.sqrt(((expectedRate * (1 - expectedRate)) / n) * fpc),
    expectedErrors,
    exact: clopperPearson(expectedErrors, n, level),
    upperIfNoErrors: clopperPearson(0, n, level).upper,
  };
}

/** One stratum of a sample, as the estimators see it (a simple random sample is one stratum). */
export interface StratumObservations {
  name: string;
  /** N_h: units of the frame in this stratum. */
  frameCount: number;
  /** X_h: billed dollars of the frame's units in this stratum (null when unknown: no ratio estimate). */
  frameBilled: number | null;
}

export interface RateEstimate {
  /** Reviewed units and units with an error. */
  n: number;
  errors: number;
  /** The estimated rate of the frame (weighted by stratum size when stratified). */
  rate: number | null;
  interval: Interval | null;
  /** How the interval was computed, in words. */
  method: string;
}

export interface StratumErrors {
  frameCount: number;
  n: number;
  errors: number;
}

/**
 * The frame's error rate. One stratum: x/n with the exact Clopper–Pearson interval.
 * Strata: p̂ = Σ W_h p̂_h (W_h = N_h / N), v = Σ W_h² (1 − n_h/N_h) p̂_h(1 − p̂_h)/(n_h − 1)
 * (Cochran eq. 5A.6), and the Clopper–Pearson interval at the effective sample size
 * n* = min(n, p̂(1 − p̂)/v) · (t(n − 1)/t(n − H))², x* = n* p̂ (Korn & Graubard 1998,
 * Survey Methodology 24:193–201, with their degrees-of-freedom factor; R's
 * survey::svyciprop(method = "beta") does the same without the cap at n). A
 * stratum with no reviewed unit is left out of the frame the rate speaks for.
 */
export function errorRate(strata: readonly StratumErrors[], level: number): RateEstimate {
  const used = strata.filter((s) => s.n > 0);
  const n = used.reduce((a, s) => a + s.n, 0);
  const errors = used.reduce((a, s) => a + s.errors, 0);
  if (n === 0) return { n, errors, rate: null, interval: null, method: 'no unit reviewed yet' };
  const left = strata.length - used.length;
  const leftOut = left ? `; ${left} strata with no reviewed unit (${strata.reduce((a, s) => a + (s.n ? 0 : s.frameCount), 0)} frame units) left out` : '';
  if (strata.length === 1) {
    return { n, errors, rate: errors / n, interval: clopperPearson(errors, n, level), method: 'exact binomial (Clopper–Pearson)' };
  }
  const N = used.reduce((a, s) => a + s.frameCount, 0);
  let rate = 0;
  let variance = 0;
  for (const s of used) {
    const w = s.frameCount / N;
    const p = s.errors / s.n;
    rate += w * p;
    if (s.n < s.frameCount) {
      if (s.n < 2) {
        return { n, errors, rate, interval: null, method: `stratified: a stratum has a single reviewed unit, so its variance cannot be estimated${leftOut}` };
      }
      variance += (w * w * (1 - s.n / s.frameCount) * p * (1 - p)) / (s.n - 1);
    }
  }
  // Korn–Graubard's degrees-of-freedom factor: (t(n − 1) / t(n − H))², H = strata with reviewed units
  const tail = 1 - (1 - level) / 2;
  // (no degrees of freedom left only when every stratum holds one unit, reviewed whole: no sampling error)
  const dfFactor = n - used.length >= 1 ? (studentTQuantile(tail, n - 1) / studentTQuantile(tail, n - used.length)) ** 2 : 1;
  const effectiveN = (variance > 0 ? Math.min(n, (rate * (1 - rate)) / variance) : n) * dfFactor;
  return {
    n,
    errors,
    rate,
    interval: clopperPearson(rate * effectiveN, effectiveN, level),
    method: `stratified, weighted by stratum size; exact binomial (Clopper–Pearson) at the effective sample size ${effectiveN.toFixed(1)} (Korn–Graubard)${leftOut}`,
  };
}

/** A sampled unit's dollars: y = dollars in error, x = billed. */
export interface DollarObservation {
  y: number;
  x: number;
}

export interface DollarStratum extends StratumObservations {
  units: readonly DollarObservation[];
}

export type DollarMethod = 'mean_per_unit' | 'ratio';

export interface Projection {
  method: DollarMethod;
  /** Point estimate of the dollars in error in the frame (the strata with at least one unit). */
  estimate: number;
  standardError: number;
  /** Degrees of freedom of t: n − 1, or Satterthwaite's for strata. */
  df: number;
  level: number;
  /** The two-sided interval at `level` (null when the variance cannot be estimated). */
  interval: Interval | null;
  /** Lower bound of the two-sided 90 % interval: the conservative figure. */
  lower90: number | null;
  /** For the ratio estimator: dollars in error per billed dollar. */
  ratio: number | null;
  /** Units of the frame this projection speaks for, and those in strata without a sampled unit. */
  frameCovered: number;
  frameNotCovered: number;
  sampleSize: number;
  /** Why there is no interval, or other reservations, in words. */
  notes: string[];
}

/**
 * Dollars in error projected to the frame.
 *
 * Mean per unit: Ŷ = Σ N_h ȳ_h, v(Ŷ) = Σ N_h² (1 − n_h/N_h) s²_yh / n_h (Cochran eq. 5.10).
 *
 * Ratio to billed (the combined ratio estimator, Cochran §6.11, chosen over the
 * separate one because strata of a chart audit hold a handful of units):
 * R̂ = Σ N_h ȳ_h / Σ N_h x̄_h, Ŷ_R = R̂ X with X the frame's billed dollars, and
 * v = Σ N_h² (1 − n_h/N_h) s²_dh / n_h with d = y − R̂x (Cochran eq. 6.50).
 *
 * The interval is Ŷ ± t·√v: t with n − 1 degrees of freedom for one stratum, with
 * Satterthwaite's df = (Σ g_h)² / Σ g_h²/(n_h − 1), g_h the stratum's term of v
 * (Cochran eq. 5.16), for several. A stratum with one unit out of several leaves
 * the variance unknown: no interval, said in `notes`.
 */
export function projectDollars(strata: readonly DollarStratum[], method: DollarMethod, level: number): Projection | null {
  checkLevel(level);
  const used = strata.filter((s) => s.units.length > 0);
  const notes: string[] = [];
  const frameCovered = used.reduce((a, s) => a + s.frameCount, 0);
  const frameNotCovered = strata.reduce((a, s) => a + s.frameCount, 0) - frameCovered;
  const sampleSize = used.reduce((a, s) => a + s.units.length, 0);
  if (sampleSize === 0) return null;
  if (frameNotCovered > 0) notes.push(`${frameNotCovered} frame units are in strata with no reviewed unit and are not projected`);
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  let ratio: number | null = null;
  let estimate: number;
  if (method === 'ratio') {
    if (used.some((s) => s.frameBilled == null)) {
      notes.push("the frame's billed dollars are not known for this sample (drawn before they were recorded): draw it again");
      return null;
    }
    const yHat = used.reduce((a, s) => a + s.frameCount * mean(s.units.map((u) => u.y)), 0);
    const xHat = used.reduce((a, s) => a + s.frameCount * mean(s.units.map((u) => u.x)), 0);
    if (xHat === 0) {
      notes.push('the reviewed units billed nothing: no ratio to billed');
      return null;
    }
    ratio = yHat / xHat;
    estimate = ratio * used.reduce((a, s) => a + (s.frameBilled ?? 0), 0);
  } else {
    estimate = used.reduce((a, s) => a + s.frameCount * mean(s.units.map((u) => u.y)), 0);
  }

  const terms: { g: number; n: number }[] = [];
  let varianceKnown = true;
  for (const s of used) {
    const n = s.units.length;
    if (n >= s.frameCount) continue; // the whole stratum was reviewed: no sampling error
    if (n < 2) {
      varianceKnown = false;
      notes.push(`stratum ${s.name || '(whole frame)'} has one reviewed unit: its variance, hence the interval, cannot be estimated`);
      continue;
    }
    const values = ratio == null ? s.units.map((u) => u.y) : s.units.map((u) => u.y - (ratio as number) * u.x);
    const m = mean(values);
    const s2 = values.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1);
    terms.push({ g: (s.frameCount * s.frameCount * (1 - n / s.frameCount) * s2) / n, n });
  }
  const variance = terms.reduce((a, t) => a + t.g, 0);
  const standardError = Math.sqrt(variance);
  const df =
    used.length === 1
      ? sampleSize - 1
      : variance > 0
        ? variance ** 2 / terms.reduce((a, t) => a + t.g ** 2 / (t.n - 1), 0)
        : sampleSize - used.length;
  const bounds = (lvl: number): Interval | null => {
    if (!varianceKnown) return null;
    if (variance === 0) return { lower: estimate, upper: estimate };
    const t = studentTQuantile(1 - (1 - lvl) / 2, df);
    return { lower: estimate - t * standardError, upper: estimate + t * standardError };
  };
  if (varianceKnown && variance === 0 && frameCovered > sampleSize) {
    notes.push('every reviewed unit gives the same figure, so the sample shows no spread: the interval is a single point and understates the uncertainty');
  }
  return {
    method,
    estimate,
    standardError,
    df,
    level,
    interval: bounds(level),
    lower90: bounds(CONSERVATIVE_LEVEL)?.lower ?? null,
    ratio,
    frameCovered,
    frameNotCovered,
    sampleSize,
    notes,
  };
}

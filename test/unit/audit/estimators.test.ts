import { describe, it, expect } from 'vitest';
import { attributeSampleSize, attributeSupport, errorRate, projectDollars, type DollarStratum } from '../../../src/engine/audit/estimators.ts';

/** Figures in this file are worked out by hand in the comments (and were re-checked with scipy 1.17, not with this code). */

describe('sample size of an attribute review', () => {
  // Krejcie & Morgan (1970), "Determining sample size for research activities", Educational and
  // Psychological Measurement 30:607–610, Table 1: p = 0.5, d = 0.05, 95 % (χ² = 3.841 = 1.96²).
  it.each([
    [100, 80],
    [1000, 278],
    [10000, 370],
  ])('frame of %i → %i units (Krejcie & Morgan table 1)', (N, n) => {
    expect(attributeSampleSize({ expectedRate: 0.5, level: 0.95, precision: 0.05, frameSize: N }).n).toBe(n);
  });

  it('n₀ = z²p(1−p)/d²: p = 10 %, ± 10 points at 90 % → 1.6449² · 0.09 / 0.01 = 24.35; a frame of 60 → 17.3 → 18', () => {
    const r = attributeSampleSize({ expectedRate: 0.1, level: 0.9, precision: 0.1, frameSize: 60 });
    expect(r.z).toBeCloseTo(1.644854, 6);
    expect(r.n0).toBeCloseTo(24.35, 2);
    // 60 · 24.35 / (59 + 24.35) = 17.53 → 18
    expect(r.n).toBe(18);
    // 80 %: z = 1.2816 → n₀ = 1.6424 · 0.09 / 0.01 = 14.78, a large frame → 15
    expect(attributeSampleSize({ expectedRate: 0.1, level: 0.8, precision: 0.1, frameSize: 1_000_000 }).n).toBe(15);
    // never more than the frame
    expect(attributeSampleSize({ expectedRate: 0.5, level: 0.95, precision: 0.01, frameSize: 12 }).n).toBe(12);
  });

  it('refuses a rate, precision or frame that makes no sense', () => {
    expect(() => attributeSampleSize({ expectedRate: 0, level: 0.9, precision: 0.1, frameSize: 10 })).toThrow(/expected error rate/);
    expect(() => attributeSampleSize({ expectedRate: 0.2, level: 0.9, precision: 10, frameSize: 10 })).toThrow(/precision/);
    expect(() => attributeSampleSize({ expectedRate: 0.2, level: 0.9, precision: 0.1, frameSize: 0 })).toThrow(/frame size/);
  });

  it('what 10, 15 and 20 charts support at 95 %, expecting 20 % errors in a frame of 400', () => {
    const [ten, fifteen, twenty] = [10, 15, 20].map((n) => attributeSupport(n, 0.2, 0.95, 400));
    // ± 1.96 · √(0.16/10 · 390/399) = ± 0.2451
    expect(ten.halfWidth).toBeCloseTo(1.959964 * Math.sqrt((0.16 / 10) * (390 / 399)), 6);
    expect(ten.halfWidth).toBeCloseTo(0.2451, 4);
    expect(fifteen.expectedErrors).toBe(3);
    // 3 of 15 at 95 %: R binom.test(3, 15)$conf.int = 0.04331201 0.48089113
    expect(fifteen.exact.lower).toBeCloseTo(0.04331201, 7);
    expect(fifteen.exact.upper).toBeCloseTo(0.48089113, 7);
    // no error in 20: the upper bound is 1 − 0.025^(1/20) = 0.1684
    expect(twenty.upperIfNoErrors).toBeCloseTo(0.168433, 6);
    expect(ten.upperIfNoErrors).toBeCloseTo(0.308497, 6);
  });
});

describe('error rate', () => {
  it('one stratum: x/n with the Clopper–Pearson interval (2 of 15 at 95 %: 0.0166–0.4046)', () => {
    const r = errorRate([{ frameCount: 300, n: 15, errors: 2 }], 0.95);
    expect(r.rate).toBeCloseTo(2 / 15, 12);
    expect(r.interval!.lower).toBeCloseTo(0.01657591, 7);
    expect(r.interval!.upper).toBeCloseTo(0.4046027, 7);
    expect(errorRate([{ frameCount: 300, n: 0, errors: 0 }], 0.95).rate).toBeNull();
  });

  it('strata: weighted by stratum size, with the effective sample size', () => {
    // A: N 100, 2 errors in 5; B: N 300, 1 error in 10. W = 0.25, 0.75.
    // p̂ = 0.25 · 0.4 + 0.75 · 0.1 = 0.175 (the unweighted 3/15 = 0.2 would be wrong)
    // v = 0.0625 · 0.95 · 0.24/4 + 0.5625 · (290/300) · 0.09/9 = 0.0035625 + 0.0054375 = 0.009
    // n* = 0.175 · 0.825 / 0.009 = 16.04 → capped at n = 15, times Korn–Graubard's (t(0.95, 14)/t(0.95, 13))²
    // = (1.761/1.771)² (NIST table) = 0.9887 → n* ≈ 14.84, x* = 0.175 n* ≈ 2.597
    const r = errorRate([{ frameCount: 100, n: 5, errors: 2 }, { frameCount: 300, n: 10, errors: 1 }], 0.9);
    expect(r.rate).toBeCloseTo(0.175, 12);
    expect(r.n).toBe(15);
    expect(r.errors).toBe(3);
    expect(r.method).toMatch(/effective sample size 14\.8/);
    // the Clopper–Pearson bounds there (scipy: n* = 14.83742, beta.ppf(0.05, x*, n* − x* + 1) = 0.043134, beta.ppf(0.95, x* + 1, n* − x*) = 0.413498)
    expect(r.interval!.lower).toBeCloseTo(0.043134, 6);
    expect(r.interval!.upper).toBeCloseTo(0.413498, 6);
  });

  it('a stratum with no reviewed unit is left out of the weights, and said', () => {
    // only A counts: p̂ = 2/5; W_A = 1 within the strata reviewed
    const r = errorRate([{ frameCount: 100, n: 5, errors: 2 }, { frameCount: 300, n: 0, errors: 0 }], 0.9);
    expect(r.rate).toBeCloseTo(0.4, 12);
    expect(r.method).toMatch(/1 strata with no reviewed unit \(300 frame units\) left out/);
  });

  it('a stratum with one reviewed unit (of several) leaves no interval, and says why', () => {
    const r = errorRate([{ frameCount: 100, n: 1, errors: 1 }, { frameCount: 300, n: 10, errors: 1 }], 0.9);
    expect(r.interval).toBeNull();
    expect(r.method).toMatch(/single reviewed unit/);
  });
});

const srs = (frameCount: number, y: number[], x: number[] = y.map(() => 100), frameBilled: number | null = null): DollarStratum[] => [
  { name: '', frameCount, frameBilled, units: y.map((v, i) => ({ y: v, x: x[i] })) },
];

describe('dollars in error projected to the frame', () => {
  it('n = 10, mean per unit: Ŷ = 200 · 20 = 4000; lower 90 % bound with t(0.95, 9) = 1.833', () => {
    // y: six zeros, 50, 100, 30, 20: Σ = 200, ȳ = 20; Σ(y − ȳ)² = 6·400 + 900 + 6400 + 100 + 0 = 9800, s² = 9800/9
    // v = 200² · (1 − 10/200) · (9800/9)/10 = 4 137 777.8; SE = 2034.15
    const p = projectDollars(srs(200, [0, 0, 0, 50, 0, 100, 0, 0, 30, 20]), 'mean_per_unit', 0.95)!;
    expect(p.estimate).toBeCloseTo(4000, 9);
    expect(p.standardError).toBeCloseTo(Math.sqrt(40000 * 0.95 * (9800 / 9) / 10), 9);
    expect(p.df).toBe(9);
    // NIST table: t(0.95, 9) = 1.833, t(0.975, 9) = 2.262 (three decimals, so within 0.0005 · SE)
    expect(Math.abs(p.lower90! - (4000 - 1.833 * 2034.15))).toBeLessThan(0.0005 * 2034.15 + 0.01);
    expect(Math.abs(p.interval!.lower - (4000 - 2.262 * 2034.15))).toBeLessThan(0.0005 * 2034.15 + 0.01);
    expect(Math.abs(p.interval!.upper - (4000 + 2.262 * 2034.15))).toBeLessThan(0.0005 * 2034.15 + 0.01);
    expect(p.frameCovered).toBe(200);
  });

  it('n = 15, ratio to billed: R̂ = 300/2200, Ŷ = R̂ · 60 000 = 8181.82; lower 90 % with t(0.95, 14) = 1.761', () => {
    const y = [0, 0, 25, 0, 100, 0, 0, 50, 0, 0, 75, 0, 0, 10, 40];
    const x = [100, 200, 100, 150, 400, 80, 120, 200, 90, 60, 300, 50, 70, 100, 180];
    const p = projectDollars(srs(300, y, x, 60000), 'ratio', 0.9)!;
    expect(p.ratio).toBeCloseTo(3 / 22, 12);
    expect(p.estimate).toBeCloseTo(8181.818, 3);
    // d = y − R̂x; v = 300² · (1 − 15/300) · s²_d / 15; s²_d by hand from the residuals:
    const r = 3 / 22;
    const d = y.map((v, i) => v - r * x[i]);
    const dMean = d.reduce((a, b) => a + b, 0) / 15;
    const s2 = d.reduce((a, v) => a + (v - dMean) ** 2, 0) / 14;
    expect(p.standardError).toBeCloseTo(Math.sqrt((90000 * 0.95 * s2) / 15), 9);
    expect(p.standardError).toBeCloseTo(1590.864, 2); // scipy
    expect(p.df).toBe(14);
    expect(Math.abs(p.lower90! - (8181.818 - 1.761 * 1590.864))).toBeLessThan(0.0005 * 1590.864 + 0.01);
    // at 90 % the interval's lower bound is the conservative figure
    expect(p.interval!.lower).toBeCloseTo(p.lower90!, 9);
  });

  it('n = 20, mean per unit: Ŷ = 500 · 25 = 12 500, SE 4613.48, lower 90 % with t(0.95, 19) = 1.729', () => {
    // y: twelve zeros, 40, 60, 80, 100, 20, 40, 150, 10: Σ = 500; Σ(y − 25)² = 7500 + 26 200 = 33 700, s² = 33 700/19
    // v = 500² · 0.96 · (33 700/19)/20 = 21 284 210.5
    const p = projectDollars(srs(500, [...Array(12).fill(0), 40, 60, 80, 100, 20, 40, 150, 10]), 'mean_per_unit', 0.95)!;
    expect(p.estimate).toBeCloseTo(12500, 9);
    expect(p.standardError).toBeCloseTo(Math.sqrt(21284210.526), 3);
    expect(Math.abs(p.lower90! - (12500 - 1.729 * 4613.48))).toBeLessThan(0.0005 * 4613.48 + 0.01);
  });

  // Two strata, worked by hand:
  //  A: N 100, billed 24 000; y = 0, 50, 100, 0, 25 (ȳ 35, s² 7000/4 = 1750); x = 100, 200, 400, 50, 250 (x̄ 200)
  //  B: N 40, billed 9000;    y = 200, 0, 100, 100 (ȳ 100, s² 20 000/3);       x = 300, 100, 200, 400 (x̄ 250)
  const STRATA: DollarStratum[] = [
    { name: 'A', frameCount: 100, frameBilled: 24000, units: [[0, 100], [50, 200], [100, 400], [0, 50], [25, 250]].map(([y, x]) => ({ y, x })) },
    { name: 'B', frameCount: 40, frameBilled: 9000, units: [[200, 300], [0, 100], [100, 200], [100, 400]].map(([y, x]) => ({ y, x })) },
  ];

  it('stratified mean per unit: Ŷ = 100 · 35 + 40 · 100 = 7500; Satterthwaite df 7.0; lower 90 % = 2966.6', () => {
    // v_A = 100² · 0.95 · 1750/5 = 3 325 000; v_B = 40² · 0.9 · (20 000/3)/4 = 2 400 000; v = 5 725 000, SE 2392.70
    // df = 5 725 000² / (3 325 000²/4 + 2 400 000²/3) = 6.9975
    const p = projectDollars(STRATA, 'mean_per_unit', 0.9)!;
    expect(p.estimate).toBeCloseTo(7500, 9);
    expect(p.standardError).toBeCloseTo(Math.sqrt(5725000), 6);
    expect(p.df).toBeCloseTo(6.9975, 4);
    // t(0.95, 6.9975) = 1.89468 (scipy); the table's t(0.95, 7) = 1.895
    expect(p.lower90!).toBeCloseTo(2966.60, 1);
    expect(Math.abs(p.lower90! - (7500 - 1.895 * 2392.7))).toBeLessThan(1);
    expect(p.sampleSize).toBe(9);
  });

  it('stratified ratio (combined): R̂ = 7500 / (100 · 200 + 40 · 250) = 0.25, Ŷ = 0.25 · 33 000 = 8250', () => {
    // d = y − 0.25x: A −25, 0, 0, −12.5, −37.5 (mean −15, Σ dev² 1062.5, s² 265.625); B 125, −25, 50, 0 (mean 37.5, Σ dev² 13 125, s² 4375)
    // v = 100² · 0.95 · 265.625/5 + 40² · 0.9 · 4375/4 = 504 687.5 + 1 575 000 = 2 079 687.5; SE 1442.11
    // df = 2 079 687.5² / (504 687.5²/4 + 1 575 000²/3) = 4.8566
    const p = projectDollars(STRATA, 'ratio', 0.9)!;
    expect(p.ratio).toBeCloseTo(0.25, 12);
    expect(p.estimate).toBeCloseTo(8250, 9);
    expect(p.standardError).toBeCloseTo(Math.sqrt(2079687.5), 6);
    expect(p.df).toBeCloseTo(4.8566, 4);
    expect(p.lower90!).toBeCloseTo(5325.02, 1); // 8250 − t(0.95, 4.8566) 2.0282 · 1442.11 (scipy)
  });

  it('a stratum with no reviewed unit is left out and said; one with a single unit leaves no interval', () => {
    const withEmpty = [...STRATA, { name: 'C', frameCount: 60, frameBilled: 5000, units: [] }];
    const p = projectDollars(withEmpty, 'mean_per_unit', 0.9)!;
    expect(p.estimate).toBeCloseTo(7500, 9);
    expect(p.frameCovered).toBe(140);
    expect(p.frameNotCovered).toBe(60);
    expect(p.notes.join(' ')).toMatch(/60 frame units are in strata with no reviewed unit/);

    const single = [STRATA[0], { ...STRATA[1], units: [{ y: 100, x: 200 }] }];
    const q = projectDollars(single, 'mean_per_unit', 0.9)!;
    expect(q.estimate).toBeCloseTo(3500 + 4000, 9);
    expect(q.interval).toBeNull();
    expect(q.lower90).toBeNull();
    expect(q.notes.join(' ')).toMatch(/stratum B has one reviewed unit/);
  });

  it('a whole stratum reviewed adds no sampling error; no billed total → no ratio estimate', () => {
    const whole: DollarStratum[] = [{ name: 'A', frameCount: 3, frameBilled: 600, units: [{ y: 10, x: 100 }, { y: 0, x: 200 }, { y: 30, x: 300 }] }];
    const p = projectDollars(whole, 'mean_per_unit', 0.9)!;
    expect(p.estimate).toBeCloseTo(40, 12);
    expect(p.interval).toEqual({ lower: 40, upper: 40 });
    expect(projectDollars(srs(100, [1, 2, 3]), 'ratio', 0.9)).toBeNull();
    expect(projectDollars(srs(100, []), 'mean_per_unit', 0.9)).toBeNull();
  });
});

import { describe, it, expect } from 'vitest';
import { betaQuantile, betaRegularized, clopperPearson, logGamma, normalQuantile, studentTCdf, studentTQuantile } from '../../../src/engine/audit/statistics.ts';

/** P(X ≥ x) and P(X ≤ x) for X ~ Binomial(n, p), summed term by term: independent of the incomplete beta. */
function binomialTails(x: number, n: number, p: number): { atLeast: number; atMost: number } {
  let atLeast = 0;
  let atMost = 0;
  for (let k = 0; k <= n; k++) {
    let choose = 1;
    for (let i = 1; i <= k; i++) choose = (choose * (n - k + i)) / i;
    const term = choose * p ** k * (1 - p) ** (n - k);
    if (k >= x) atLeast += term;
    if (k <= x) atMost += term;
  }
  return { atLeast, atMost };
}

describe('gamma and incomplete beta', () => {
  it('ln Γ at integers and halves: Γ(n) = (n−1)!, Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(21)).toBeCloseTo(Math.log(2432902008176640000), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('I_x(a, b) equals the binomial sum it stands for: I_p(k, n−k+1) = P(Binomial(n, p) ≥ k)', () => {
    for (const [k, n, p] of [[1, 10, 0.1], [2, 15, 0.2], [7, 20, 0.35], [19, 20, 0.9], [3, 50, 0.02]]) {
      expect(betaRegularized(p, k, n - k + 1)).toBeCloseTo(binomialTails(k, n, p).atLeast, 13);
    }
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1−x)^b
    expect(betaRegularized(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaRegularized(0.3, 4.5, 1)).toBeCloseTo(0.3 ** 4.5, 15);
    expect(betaRegularized(0.3, 1, 7)).toBeCloseTo(1 - 0.7 ** 7, 15);
  });

  it('the inverse returns the x it was given, across the range, including lopsided shapes', () => {
    for (const [a, b] of [[0.5, 0.5], [1, 30], [30, 1], [2, 14], [3.7, 120.2], [200, 3]]) {
      for (const x of [1e-6, 0.01, 0.2, 0.5, 0.83, 0.999]) {
        const p = betaRegularized(x, a, b);
        if (p < 1e-300 || p > 1 - 1e-15) continue;
        const q = betaQuantile(p, a, b);
        // (near 1, p itself is only known to the spacing of doubles, 1.1e-16)
        expect(Math.abs(betaRegularized(q, a, b) - p)).toBeLessThan(1e-9 * Math.min(p, 1 - p) + 4.5e-16);
        // where the distribution is not flat at its ends, x itself comes back
        if (p > 1e-8 && p < 1 - 1e-8) expect(q).toBeCloseTo(x, 9);
      }
    }
  });

  it('refuses parameters outside their domain', () => {
    expect(() => betaRegularized(0.5, 0, 1)).toThrow(/positive/);
    expect(() => betaRegularized(1.5, 1, 1)).toThrow(/\[0, 1\]/);
    expect(() => clopperPearson(3, 2, 0.95)).toThrow(/0 ≤ x ≤ n/);
    expect(() => clopperPearson(1, 10, 95)).toThrow(/confidence level/);
  });
});

describe('Clopper–Pearson exact interval', () => {
  it('2 errors in 15 at 95 %: 0.0166 to 0.4046 (R binom.test(2, 15)$conf.int: 0.01657591 0.40460270)', () => {
    const { lower, upper } = clopperPearson(2, 15, 0.95);
    expect(lower).toBeCloseTo(0.01657591, 7);
    expect(upper).toBeCloseTo(0.4046027, 7);
    // and by definition: P(X ≥ 2 | p = lower) = P(X ≤ 2 | p = upper) = 2.5 %
    expect(binomialTails(2, 15, lower).atLeast).toBeCloseTo(0.025, 10);
    expect(binomialTails(2, 15, upper).atMost).toBeCloseTo(0.025, 10);
  });

  it('at n = 10, 15, 20 and 80 / 90 / 95 %, each bound solves its binomial tail equation', () => {
    for (const n of [10, 15, 20]) {
      for (const level of [0.8, 0.9, 0.95]) {
        for (let x = 1; x < n; x++) {
          const { lower, upper } = clopperPearson(x, n, level);
          expect(binomialTails(x, n, lower).atLeast).toBeCloseTo((1 - level) / 2, 10);
          expect(binomialTails(x, n, upper).atMost).toBeCloseTo((1 - level) / 2, 10);
        }
      }
    }
  });

  it('the ends have closed forms: 0 of n → upper 1 − (α/2)^(1/n); n of n → lower (α/2)^(1/n)', () => {
    // 0 of 10 at 95 %: 1 − 0.025^(1/10) = 0.3085 (the usual table value 0.308)
    expect(clopperPearson(0, 10, 0.95)).toEqual({ lower: 0, upper: expect.closeTo(0.308497, 6) });
    expect(clopperPearson(0, 20, 0.95).upper).toBeCloseTo(1 - 0.025 ** (1 / 20), 12); // 0.1684
    expect(clopperPearson(0, 15, 0.9).upper).toBeCloseTo(1 - 0.05 ** (1 / 15), 12); // 0.1810
    expect(clopperPearson(15, 15, 0.95)).toEqual({ lower: expect.closeTo(0.025 ** (1 / 15), 12), upper: 1 });
    // 1 of n: lower = 1 − (1 − α/2)^(1/n)
    expect(clopperPearson(1, 10, 0.95).lower).toBeCloseTo(1 - 0.975 ** (1 / 10), 12); // 0.00253
  });
});

describe('Student t and normal quantiles', () => {
  // Upper critical values from the NIST/SEMATECH e-Handbook of Statistical Methods,
  // table 1.3.6.7.2 (three decimals), for the sizes an audit uses: n = 10, 15, 20 → df 9, 14, 19.
  const TABLE: [df: number, p: number, t: number][] = [
    [9, 0.95, 1.833], [9, 0.975, 2.262], [9, 0.9, 1.383],
    [14, 0.95, 1.761], [14, 0.975, 2.145], [14, 0.9, 1.345],
    [19, 0.95, 1.729], [19, 0.975, 2.093], [19, 0.9, 1.328],
    [1, 0.975, 12.706], [2, 0.95, 2.92], [4, 0.95, 2.132], [7, 0.95, 1.895], [30, 0.975, 2.042], [100, 0.95, 1.66],
  ];
  it.each(TABLE)('t(df %i) at %f is %f (NIST table)', (df, p, t) => {
    expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThanOrEqual(0.0005 + 1e-12);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 12);
    expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
  });

  it('fractional degrees of freedom (Satterthwaite) fall between the whole ones; df = 1 is the Cauchy', () => {
    const t = studentTQuantile(0.95, 6.9975);
    expect(t).toBeGreaterThan(studentTQuantile(0.95, 7));
    expect(t).toBeLessThan(studentTQuantile(0.95, 6));
    expect(studentTQuantile(0.9, 1)).toBeCloseTo(Math.tan(Math.PI * 0.4), 10); // 3.0777
  });

  it('normal quantiles: 1.2816, 1.6449, 1.9600 (NIST table 1.3.6.7.1), and symmetric', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361341, 5);
    expect(normalQuantile(0.2)).toBeCloseTo(-normalQuantile(0.8), 14);
  });
});

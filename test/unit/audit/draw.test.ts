import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../../../src/engine/random/prng.ts';
import { allocate } from '../../../src/engine/audit/allocate.ts';
import { drawPositions, planDraw } from '../../../src/engine/audit/draw.ts';

describe('mulberry32', () => {
  // Computed with Tommy Ettinger's C original (uint32_t z = (*s += 0x6D2B79F5u); …) compiled with gcc,
  // not with our port: the first five 32-bit outputs for four seeds.
  const KNOWN: Record<number, number[]> = {
    0: [1144304738, 1416247, 958946056, 627933444, 2007157716],
    1: [2693262067, 11749833, 2265367787, 4213581821, 4159151403],
    42: [2581720956, 1925393290, 3661312704, 2876485805, 750819978],
    4294967295: [3850105811, 813802916, 3073704848, 4054706436, 3630262831],
  };
  it.each(Object.entries(KNOWN))('seed %s gives the reference outputs', (seed, outputs) => {
    const random = mulberry32(Number(seed));
    expect(outputs.map(() => random() * 2 ** 32)).toEqual(outputs);
  });
});

describe('partial Fisher–Yates', () => {
  it('draws distinct positions inside the frame, the same ones for the same seed', () => {
    const a = drawPositions(mulberry32(7), 1000, 50);
    expect(new Set(a).size).toBe(50);
    expect(a.every((p) => Number.isInteger(p) && p >= 0 && p < 1000)).toBe(true);
    expect(drawPositions(mulberry32(7), 1000, 50)).toEqual(a);
    expect(drawPositions(mulberry32(8), 1000, 50)).not.toEqual(a);
  });

  it('is the textbook array shuffle (as written in the README), with only swapped slots kept', () => {
    const frame = 37;
    const random = mulberry32(2026);
    const a = Array.from({ length: frame }, (_, i) => i);
    for (let i = 0; i < 12; i++) {
      const j = i + Math.floor(random() * (frame - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    expect(drawPositions(mulberry32(2026), frame, 12)).toEqual(a.slice(0, 12));
  });

  it('a smaller sample is the start of a larger one with the same seed; a whole-frame draw is a permutation', () => {
    expect(drawPositions(mulberry32(42), 500, 20).slice(0, 10)).toEqual(drawPositions(mulberry32(42), 500, 10));
    expect([...drawPositions(mulberry32(42), 9, 30)].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('picks every position about equally often', () => {
    const counts = new Array(10).fill(0);
    const random = mulberry32(1);
    for (let k = 0; k < 20000; k++) for (const p of drawPositions(random, 10, 3)) counts[p]++;
    // expected 6000 each; binomial sd ≈ 65
    for (const c of counts) expect(Math.abs(c - 6000)).toBeLessThan(350);
  });
});

describe('allocation', () => {
  const strata = (...sizes: number[]) => sizes.map((frameCount, i) => ({ name: `s${i}`, frameCount }));

  it('proportional: whole parts, then the largest remainders', () => {
    // quotas 15·{181,200,120,167,429,86}/1183 = 2.29, 2.54, 1.52, 2.12, 5.44, 1.09
    expect(allocate(strata(181, 200, 120, 167, 429, 86), 15, 'proportional')).toEqual([2, 3, 2, 2, 5, 1]);
    // a small stratum can get nothing
    expect(allocate(strata(1, 98, 1), 10, 'proportional')).toEqual([0, 10, 0]);
  });

  it('proportional ties go to the larger stratum, then to name order', () => {
    // quotas 1.5 and 1.5 and 0 → one extra unit: equal remainders and sizes → first by name
    expect(allocate(strata(10, 10), 3, 'proportional')).toEqual([2, 1]);
    // quotas 4·{3,5}/8 = 1.5, 2.5: equal remainders → the larger stratum
    expect(allocate(strata(3, 5), 4, 'proportional')).toEqual([1, 3]);
  });

  it('equal: the same share each; small strata taken whole and the rest shared again', () => {
    expect(allocate(strata(50, 50, 50), 15, 'equal')).toEqual([5, 5, 5]);
    // 16/3 = 5 r 1 → the extra unit to the largest stratum
    expect(allocate(strata(40, 60, 50), 16, 'equal')).toEqual([5, 6, 5]);
    // s0 has 2 < 15/3: taken whole; 13 left for two strata → 7 and 6 (the extra to the larger)
    expect(allocate(strata(2, 30, 40), 15, 'equal')).toEqual([2, 6, 7]);
    // cascading caps: 20/4 = 5 → s0 (1) whole; 19/3 = 6.3 → s1 (6) whole; 13/2 = 6.5 → 7 and 6
    expect(allocate(strata(1, 6, 100, 100), 20, 'equal')).toEqual([1, 6, 7, 6]);
  });

  it('always sums to the sample size (or the whole frame) and never exceeds a stratum', () => {
    const random = mulberry32(99);
    for (let k = 0; k < 500; k++) {
      const sizes = Array.from({ length: 1 + Math.floor(random() * 6) }, () => 1 + Math.floor(random() * 40));
      const total = sizes.reduce((a, b) => a + b, 0);
      const n = 1 + Math.floor(random() * 60);
      for (const mode of ['proportional', 'equal'] as const) {
        const got = allocate(strata(...sizes), n, mode);
        expect(got.reduce((a, b) => a + b, 0)).toBe(Math.min(n, total));
        got.forEach((g, h) => expect(g).toBeLessThanOrEqual(sizes[h]));
      }
    }
  });

  it('a stratified plan draws each stratum its allocated number of distinct positions, strata in order, one generator', () => {
    const s = strata(40, 60, 50);
    const { sizes, picks } = planDraw(s, { seed: 42, size: 16, strata: { by: 'payer', allocation: 'equal' } });
    expect(sizes).toEqual([5, 6, 5]);
    expect(picks.map((p) => p.stratum)).toEqual([...Array(5).fill('s0'), ...Array(6).fill('s1'), ...Array(5).fill('s2')]);
    expect(picks.map((p) => p.draw)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const random = mulberry32(42);
    const expected = [...drawPositions(random, 40, 5), ...drawPositions(random, 60, 6), ...drawPositions(random, 50, 5)];
    expect(picks.map((p) => p.pos)).toEqual(expected);
  });
});

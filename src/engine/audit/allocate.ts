import type { Allocation } from './spec.ts';

export interface Stratum {
  name: string;
  frameCount: number;
}

/**
 * How many units each stratum contributes to a sample of `size` (README, "How a
 * sample is drawn"). Strata come in name order. Quotas:
 *  - proportional: size × N_h / N;
 *  - equal: size / H, where a stratum smaller than its share is taken whole and
 *    the rest is shared equally among the others (repeated until all fit).
 * Each stratum gets the whole part of its quota; the units left over go one each
 * to the largest remainders (ties: the larger stratum, then name order).
 * Integer arithmetic throughout, so ties are exact. A size at or above the frame
 * count takes every unit.
 */
export function allocate(strata: readonly Stratum[], size: number, allocation: Allocation): number[] {
  const total = strata.reduce((sum, s) => sum + s.frameCount, 0);
  if (size >= total) return strata.map((s) => s.frameCount);
  // quota of stratum h = numerator[h] / denominator (same denominator for all open strata)
  const whole = new Array<number>(strata.length).fill(0);
  const remainder = new Array<number>(strata.length).fill(0);
  if (allocation === 'proportional') {
    strata.forEach((s, h) => {
      whole[h] = Math.floor((size * s.frameCount) / total);
      remainder[h] = (size * s.frameCount) % total;
    });
  } else {
    let open = strata.map((_, h) => h);
    let left = size;
    for (;;) {
      const capped = open.filter((h) => strata[h].frameCount * open.length <= left);
      if (capped.length === 0) break;
      for (const h of capped) {
        whole[h] = strata[h].frameCount;
        left -= strata[h].frameCount;
      }
      open = open.filter((h) => !capped.includes(h));
    }
    for (const h of open) {
      whole[h] = Math.floor(left / open.length);
      remainder[h] = left % open.length;
    }
  }
  let leftover = size - whole.reduce((a, b) => a + b, 0);
  const byRemainder = strata
    .map((_, h) => h)
    .filter((h) => remainder[h] > 0)
    .sort((a, b) => remainder[b] - remainder[a] || strata[b].frameCount - strata[a].frameCount || a - b);
  for (const h of byRemainder) {
    if (leftover === 0) break;
    whole[h] += 1;
    leftover -= 1;
  }
  return whole;
}

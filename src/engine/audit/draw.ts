import { mulberry32, randomInt } from '../random/prng.ts';
import { allocate, type Stratum } from './allocate.ts';
import type { SampleSpec } from './spec.ts';

/**
 * `size` distinct positions out of 0 … frameCount−1 by a partial Fisher–Yates
 * shuffle: for i = 0 … size−1, j = i + ⌊u·(frameCount − i)⌋, swap a[i] and a[j],
 * and a[i] is the i-th unit drawn. Only the swapped slots are remembered, so a
 * frame of a million lines costs no more than the sample. The first k positions
 * of a draw are the draw of size k with the same seed.
 */
export function drawPositions(random: () => number, frameCount: number, size: number): number[] {
  const swapped = new Map<number, number>();
  const at = (i: number) => swapped.get(i) ?? i;
  const drawn: number[] = [];
  for (let i = 0; i < Math.min(size, frameCount); i++) {
    const j = i + randomInt(random, frameCount - i);
    drawn.push(at(j));
    swapped.set(j, at(i));
  }
  return drawn;
}

export interface DrawnPosition {
  stratum: string;
  /** 0-based position within the stratum's part of the ordered frame. */
  pos: number;
  /** 1-based order of drawing over the whole sample. */
  draw: number;
}

/**
 * The whole draw: one mulberry32 generator seeded with spec.seed, used stratum
 * after stratum in name order (a simple random sample is one stratum).
 */
export function planDraw(strata: readonly Stratum[], spec: Pick<SampleSpec, 'seed' | 'size' | 'strata'>): {
  sizes: number[];
  picks: DrawnPosition[];
} {
  const sizes = spec.strata
    ? allocate(strata, spec.size, spec.strata.allocation)
    : strata.map((s) => Math.min(spec.size, s.frameCount));
  const random = mulberry32(spec.seed);
  const picks: DrawnPosition[] = [];
  strata.forEach((s, h) => {
    for (const pos of drawPositions(random, s.frameCount, sizes[h])) picks.push({ stratum: s.name, pos, draw: picks.length + 1 });
  });
  return { sizes, picks };
}

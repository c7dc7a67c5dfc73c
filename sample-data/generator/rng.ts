import { mulberry32, randomInt } from '../../src/engine/random/prng.ts';

/** A seeded random stream with the few draws the generator needs. */
export interface Rng {
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/**
 * One independent stream per sub-model (patients, encounters, adjudication …), each
 * seeded from the base seed and the stream's name. A change in one model then does
 * not reshuffle the random draws of every other one.
 */
export function createRng(seed: number, stream: string): Rng {
  const next = mulberry32((seed ^ fnv1a(stream)) >>> 0);
  return {
    next,
    int: (lo, hi) => lo + randomInt(next, hi - lo + 1),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[randomInt(next, items.length)];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
  };
}

/** FNV-1a 32-bit hash of a string: stable across platforms, used only to derive seeds. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

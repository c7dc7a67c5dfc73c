/**
 * Mulberry32: a 32-bit seeded PRNG (Tommy Ettinger, public domain). Chosen because
 * it is five lines long, so an outside auditor can re-implement it and reproduce
 * a sample or the synthetic data exactly; it is not for cryptography.
 * The README ("How a sample is drawn") gives the same algorithm in prose.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

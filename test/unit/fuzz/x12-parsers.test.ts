import { describe, expect, it } from 'vitest';
import { parse835, parse837p, parseX12 } from '../../../src/engine/ingest/x12/parse-x12.ts';
import { mulberry32, randomInt } from '../../../src/engine/random/prng.ts';
import { claimSeeds, remitSeeds, type Seed } from './corpus.ts';
import { X12_MUTATIONS, mutate } from './mutate.ts';
import { describeCase, parsedFileProblems } from './check.ts';
import { keepCrasher } from './crashers.ts';

/** A parse of one of these small files that takes longer than this is a hang (they take ~1 ms). */
const MAX_PARSE_MS = 2_000;

function fuzz(label: string, seeds: Seed[], cases: number, seed: number) {
  const random = mulberry32(seed);
  const failures: string[] = [];
  let loaded = 0;
  let rejected = 0;
  for (let n = 0; n < cases; n++) {
    const source = seeds[randomInt(random, seeds.length)];
    const { bytes, names } = mutate(source.bytes, X12_MUTATIONS, random);
    // the generic entry point mostly; the specific ones as the loader would never call them, but a caller could
    const parser = n % 10 === 0 ? (label === '835' ? parse835 : parse837p) : parseX12;
    const started = performance.now();
    let problems: string[];
    try {
      const parsed = parser(bytes);
      problems = parsedFileProblems(parsed);
      if (parsed.claims.length > 0) loaded++;
      if (parsed.rejects.length > 0 || parsed.claimsRejected > 0) rejected++;
    } catch (error) {
      problems = [`threw ${error instanceof Error ? error.stack : String(error)}`];
    }
    const ms = performance.now() - started;
    if (ms > MAX_PARSE_MS) problems.push(`took ${Math.round(ms)} ms`);
    if (problems.length) failures.push(`${describeCase(source, n, names, problems)} → ${keepCrasher(`${label}-${seed}-${n}`, bytes)}`);
  }
  return { failures, loaded, rejected };
}

describe('X12 parsers under seeded mutation of real files', () => {
  it('835: 4,500 mutated remittances load and/or reject with reasons, never throw or hang', () => {
    const { failures, loaded, rejected } = fuzz('835', remitSeeds(), 4_500, 835_2026);
    expect(failures).toEqual([]);
    // the mutations must leave many files loadable and damage many: both paths are exercised
    expect(loaded).toBeGreaterThan(1_000);
    expect(rejected).toBeGreaterThan(1_000);
  });

  it('837P: 3,500 mutated claim files load and/or reject with reasons, never throw or hang', () => {
    const { failures, loaded, rejected } = fuzz('837p', claimSeeds(), 3_500, 837_2026);
    expect(failures).toEqual([]);
    expect(loaded).toBeGreaterThan(800);
    expect(rejected).toBeGreaterThan(800);
  });
});

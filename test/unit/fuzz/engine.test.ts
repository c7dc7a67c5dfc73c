import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../../src/engine/engine.ts';
import type { FileLoadResult } from '../../../src/engine/ingest/file-load-result.ts';
import type { HeaderMapping } from '../../../src/engine/ingest/csv/header-mapping.ts';
import { mulberry32, randomInt } from '../../../src/engine/random/prng.ts';
import { openTestEngine } from '../helpers.ts';
import { FUZZ_FIXTURES, claimSeeds, csvSeeds, remitSeeds, type Seed } from './corpus.ts';
import { CSV_MUTATIONS, X12_MUTATIONS, mutate, type Random } from './mutate.ts';
import { describeCase } from './check.ts';
import { keepCrasher } from './crashers.ts';

/** A load of one of these small files that takes longer than this is a hang (they take ~50 ms). */
const MAX_LOAD_MS = 10_000;
const REFRESH_EVERY = 40;

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine();
}, 120_000);
afterAll(async () => {
  await engine?.db.close();
});

/** What the engine must say about any file: loaded (every row accounted for) or refused with a reason — never an internal error. */
async function outcomeProblems(result: FileLoadResult): Promise<string[]> {
  const problems: string[] = [];
  if (!['loaded', 'rejected', 'needs-mapping', 'duplicate'].includes(result.status)) problems.push(`status ${result.status}`);
  if (result.message.startsWith('could not be loaded:') || /Internal parser error/.test(result.message)) problems.push(`internal error: ${result.message}`);
  if (result.message.length < 10) problems.push(`no reason: ${result.message}`);
  // with every required column found, only a mapping the file's values refuse (mapping-check.ts) is asked about again
  if (result.status === 'needs-mapping' && !result.proposal?.missing.length && !/ not fit the file: /.test(result.message)) {
    problems.push('needs a mapping but nothing is missing and the values fit');
  }
  if (result.status === 'loaded') {
    if (result.rowsRead !== result.rowsLoaded + result.rowsRejected) problems.push(`rows read ${result.rowsRead} ≠ loaded ${result.rowsLoaded} + rejected ${result.rowsRejected}`);
    const [{ n, blank }] = await engine.db.query<{ n: number; blank: number }>(
      sql`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE length(reason) < 10)::INTEGER AS blank FROM rejects WHERE file_id = ${result.fileId}`,
    );
    if (result.rowsRejected > 0 && n === 0) problems.push(`${result.rowsRejected} rows rejected without a reject row`);
    if (blank > 0) problems.push(`${blank} rejects without a reason`);
  }
  return problems;
}

/** Maps every missing required column to a random column, as a user in a hurry might. */
function hastyMapping(result: FileLoadResult, random: Random): HeaderMapping {
  const proposal = result.proposal!;
  const mapping: HeaderMapping = { ...proposal.mapping };
  for (const field of proposal.missing) mapping[field] = randomInt(random, Math.max(1, proposal.headers.length));
  return mapping;
}

async function fuzzThroughEngine(label: string, seeds: Seed[], mutations: typeof CSV_MUTATIONS, cases: number, seed: number, ext: string) {
  const random = mulberry32(seed);
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  for (let n = 0; n < cases; n++) {
    const source = seeds[randomInt(random, seeds.length)];
    const { bytes, names } = mutate(source.bytes, mutations, random);
    const name = `${label}-${n}${ext}`;
    const started = performance.now();
    let problems: string[] = [];
    try {
      let result = await engine.loadFile({ name, bytes });
      problems = await outcomeProblems(result);
      if (result.status === 'needs-mapping' && problems.length === 0) {
        result = await engine.loadFile({ name, bytes }, { mapping: hastyMapping(result, random) });
        problems = await outcomeProblems(result);
      }
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      if ((n + 1) % REFRESH_EVERY === 0) await engine.refresh();
    } catch (error) {
      problems.push(`threw ${error instanceof Error ? error.stack : String(error)}`);
    }
    if (performance.now() - started > MAX_LOAD_MS) problems.push(`took ${Math.round(performance.now() - started)} ms`);
    if (problems.length) failures.push(`${describeCase(source, n, names, problems)} → ${keepCrasher(name, bytes)}`);
  }
  await engine.refresh(); // classification over everything the fuzzing loaded
  return { failures, statuses };
}

describe('the whole engine on mutated files (one shared engine: files accumulate, as in a session)', () => {
  it('CSV exports: 240 mutated exports load with every row accounted for, or are refused with a reason', async () => {
    const { failures, statuses } = await fuzzThroughEngine('csv', csvSeeds(), CSV_MUTATIONS, 240, 2401, '.csv');
    expect(failures).toEqual([]);
    expect(statuses.loaded).toBeGreaterThan(100);
  }, 600_000);

  it('X12: 80 mutated 835 / 837P files load or are refused with a reason', async () => {
    const { failures, statuses } = await fuzzThroughEngine('x12', [...remitSeeds(), ...claimSeeds()], X12_MUTATIONS, 80, 1208, '.x12');
    expect(failures).toEqual([]);
    expect(statuses.loaded).toBeGreaterThan(20);
  }, 600_000);

  it('an export saved as Excel "CSV (Macintosh)" (bare CR line ends) loads every row', async () => {
    const mac = new TextDecoder().decode(csvSeeds()[0].bytes).replaceAll('\r\n', '\r');
    const result = await engine.loadFile({ name: 'mac.csv', bytes: new TextEncoder().encode(mac) });
    expect(result).toMatchObject({ status: 'loaded', rowsRead: 60, rowsLoaded: 60, rowsRejected: 0 });
  });

  it('every crasher found so far (test/fixtures/fuzz) loads or is refused with a reason', async () => {
    for (const file of readdirSync(FUZZ_FIXTURES).filter((f) => !f.startsWith('.') && f !== 'README.md').sort()) {
      const result = await engine.loadFile({ name: `fixture-${file}`, bytes: new Uint8Array(readFileSync(path.join(FUZZ_FIXTURES, file))) });
      expect(await outcomeProblems(result), file).toEqual([]);
    }
    await engine.refresh();
  }, 120_000);
});

import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Report } from '../../../src/engine/analytics/report.ts';

const run = promisify(execFile);
const CSV = 'sample-data/claims-export-2025-10_2026-09.csv';
const analyze = async (...args: string[]) => (await run('npx', ['tsx', 'src/cli/analyze.ts', ...args], { maxBuffer: 512 * 1024 * 1024 })).stdout;

describe('npm run analyze -- … --sample', () => {
  it('prints the same sample for the same seed and frame, run after run, and from the 835 + 837P files too', async () => {
    const first = JSON.parse(await analyze(CSV, '--sample', '15', '--seed', '42', '--json')) as Report;
    const second = JSON.parse(await analyze(CSV, '--sample', '15', '--seed', '42', '--json')) as Report;
    const { drawnAt, ...sample } = first.sample!;
    expect(Date.parse(drawnAt)).not.toBeNaN();
    expect({ ...second.sample!, drawnAt: undefined }).toEqual({ ...sample, drawnAt: undefined });
    expect(sample.spec).toEqual({ filters: {}, deniedOnly: true, unit: 'claim', size: 15, seed: 42, strata: null });
    expect(sample.rows).toHaveLength(15);
    // the frame: every claim with a denied initial adjudication in the JSON's own lines
    const denied = new Set(first.lines.filter((l) => l.denied).map((l) => l.claimId));
    expect(sample.frame.count).toBe(denied.size);
    for (const row of sample.rows) expect(denied.has(row.claimId)).toBe(true);

    // the same claims and adjudications, loaded from 95 X12 files instead of one CSV (other keys, other order)
    const text = await analyze('sample-data/835', 'sample-data/837p', '--sample', '15', '--seed', '42');
    expect(text).toContain(`Audit sample: 15 of ${sample.frame.count} — denied claims (initial adjudications)`);
    expect(text).toContain(`frame fingerprint (SHA-256) ${sample.frame.fingerprint}`);
    const drawn = [...text.matchAll(/^\s+(\d+)\s{2}(\S+)/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(drawn).toEqual(sample.rows.map((r) => [r.draw, r.claimId]));
  }, 240_000);

  it('stratifies and filters from the command line, and refuses bad options', async () => {
    const text = await analyze(CSV, '--sample', '12', '--seed', '7', '--unit', 'line', '--strata', 'payer', '--allocation', 'equal', '--month', '2026-09', '--payer', 'Medicare Part B', '--payer', 'Medi-Cal');
    expect(text).toContain('denied service lines (initial adjudications) · date of service in 2026-09 · payer Medicare Part B or Medi-Cal');
    expect(text).toContain('stratified by payer, equal allocation (largest remainder); seed 7');
    expect(text).toMatch(/stratum Medi-Cal: 6 of \d+/);
    expect(text).toMatch(/stratum Medicare Part B: 6 of \d+/);
    await expect(analyze(CSV, '--sample', '10', '--seed', '4294967296')).rejects.toThrow(/--seed must be a whole number from 0 to 4294967295/);
    await expect(analyze(CSV, '--sample', '10', '--strata', 'zip')).rejects.toThrow(/--strata must be category or payer or provider/);
  }, 120_000);
});

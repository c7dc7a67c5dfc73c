import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readSpreadsheetCsv } from '../../../src/engine/audit/read-csv.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

  it('prints the results of a filled-in worksheet (--worksheet), and refuses one of another sample', async () => {
    const first = JSON.parse(await analyze(CSV, '--sample', '10', '--seed', '5', '--quarter', '2026-Q2', '--json')) as Report;
    const sample = first.sample!;
    expect(sample.frame.description).toContain('date of service 2026-04-01 to 2026-06-30');
    // the auditor's answers, written into the worksheet the app exports (same code path: engine.worksheetCsv)
    const { worksheetCsv } = await import('../../../src/engine/audit/worksheet-csv.ts');
    const reviews = Object.fromEntries(sample.rows.map((r) => [r.draw, { supports: r.draw <= 3 ? 'no' : 'yes', correctCodes: '', finding: null, dollarsInError: r.draw <= 3 ? 50 : null, notes: '' }]));
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-'));
    const file = path.join(dir, 'filled.csv');
    writeFileSync(file, worksheetCsv(sample, reviews as never));
    const frameFile = path.join(dir, 'frame.csv');
    const text = await analyze(CSV, '--sample', '10', '--seed', '5', '--quarter', '2026-Q2', '--worksheet', file, '--confidence', '95', '--frame-csv', frameFile);
    // the frame file: every unit, whose keys hash to the fingerprint
    const frame = readSpreadsheetCsv(readFileSync(frameFile), 'Claim ID');
    const headerAt = frame.findIndex((r) => r.includes('Claim ID'));
    const keys = frame.slice(headerAt + 1).filter((r) => r.length > 1).map((r) => r.at(-1)!);
    expect(keys).toHaveLength(sample.frame.count);
    expect(createHash('sha256').update(keys.map((k) => `${k}\n`).join('')).digest('hex')).toBe(sample.frame.fingerprint);
    // 3 of 10 at 95 %: R binom.test(3, 10)$conf.int = 0.06673951 0.65245285
    expect(text).toContain('Error rate: 30.0 % (3 of 10); 95 %: 6.7 % – 65.2 % — exact binomial (Clopper–Pearson)');
    // mean per unit: N · 150/10 = 15 N
    expect(text).toContain(`mean per unit: ${(15 * sample.frame.count).toLocaleString('en-US', { style: 'currency', currency: 'USD' })};`);
    expect(text).toContain(`Frame fingerprint (SHA-256): ${sample.frame.fingerprint}`);
    await expect(analyze(CSV, '--sample', '10', '--seed', '6', '--quarter', '2026-Q2', '--worksheet', file)).rejects.toThrow(/not from this sample.*Seed: the file says "5", this sample "6"/);
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

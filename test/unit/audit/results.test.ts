import { describe, it, expect, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { openTestEngine, csvFile } from '../helpers.ts';
import { exportCsv, denied, type TestLine } from '../classify/export-builder.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { AuditSample } from '../../../src/engine/audit/sample.ts';
import type { Reviews } from '../../../src/engine/audit/review.ts';
import { quarterPeriod, describeFrame, type SampleSpec } from '../../../src/engine/audit/spec.ts';
import { readSpreadsheetCsv } from '../../../src/engine/audit/read-csv.ts';
import { BLIND } from '../../../src/engine/audit/worksheet-csv.ts';

/**
 * 40 claims: claim n (1…40) has date of service 2026-0(1 + n % 6)-10, payer A (odd n) or B (even n),
 * one denied line billed 100 + n; claims with n % 4 = 0 have a second, paid line billed 50.
 */
function claim(n: number): TestLine[] {
  const base = { claim: `K${String(n).padStart(2, '0')}`, dos: `2026-0${1 + (n % 6)}-10`, payer: n % 2 ? 'A' : 'B', dx: ['M54.50'] };
  const lines: TestLine[] = [denied('CO-18', { ...base, cpt: '99213', billed: 100 + n })];
  if (n % 4 === 0) lines.push({ ...base, cpt: '97110', billed: 50, paid: 40, adj: 'CO-45 10.00' });
  return lines;
}
const CLAIMS = Array.from({ length: 40 }, (_, i) => claim(i + 1));
const billedOf = (n: number) => 100 + n + (n % 4 === 0 ? 50 : 0);

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine({ reference: false });
  expect((await engine.loadFiles([csvFile('k.csv', exportCsv(CLAIMS.flat()))])).map((r) => r.status)).toEqual(['loaded']);
});

const SRS: SampleSpec = { filters: {}, deniedOnly: true, unit: 'claim', size: 10, seed: 42, strata: null };
const BY_PAYER: SampleSpec = { ...SRS, strata: { by: 'payer', allocation: 'equal' } };
const numberOf = (claimId: string) => Number(claimId.slice(1));

describe('the frame', () => {
  it("records each stratum's billed dollars: a claim's is all its lines (by hand: A = Σ odd n of 100 + n, B = Σ even n of 100 + n, + 50 per n % 4 = 0)", async () => {
    const summary = await engine.sampleFrame(BY_PAYER);
    // A: 20 claims, 2000 + (1 + 3 + … + 39 = 400) = 2400; B: 2000 + (2 + 4 + … + 40 = 420) + 10 · 50 = 2920
    expect(summary.strata.map((s) => [s.name, s.frameCount, s.frameBilled])).toEqual([['A', 20, 2400], ['B', 20, 2920]]);
    const lines = await engine.sampleFrame({ ...SRS, unit: 'line' });
    // line unit: only the denied lines are in the frame: 4000 + 820
    expect(lines.strata.map((s) => s.frameBilled)).toEqual([4820]);
  });

  it('takes a quarter or any from–to range of dates of service, both ends included', async () => {
    expect(quarterPeriod('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterPeriod('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterPeriod('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(() => quarterPeriod('2026-Q5')).toThrow(/YYYY-Qn/);
    // months 1 + n % 6 ∈ {1, 2, 3} ⇔ n % 6 ∈ {0, 1, 2}: n = 1, 2, 6, 7, 8, 12, 13, 14, 18, … → 20 claims of 40? count by hand below
    const inQ1 = Array.from({ length: 40 }, (_, i) => i + 1).filter((n) => n % 6 <= 2);
    const q1 = await engine.drawSample({ ...SRS, size: 100, period: quarterPeriod('2026-Q1') });
    expect(q1.frame.count).toBe(inQ1.length);
    expect(q1.rows.map((r) => numberOf(r.claimId)).sort((a, b) => a - b)).toEqual(inQ1);
    expect(q1.frame.description).toBe('denied claims (initial adjudications) · date of service 2026-01-01 to 2026-03-31');
    // a range ending on a date of service includes it: 2026-02-10 … 2026-04-10 → months 2, 3, 4 ⇔ n % 6 ∈ {1, 2, 3}
    const range = await engine.sampleFrame({ ...SRS, period: { from: '2026-02-10', to: '2026-04-10' } });
    expect(range.count).toBe(Array.from({ length: 40 }, (_, i) => i + 1).filter((n) => [1, 2, 3].includes(n % 6)).length);
    const narrow = await engine.sampleFrame({ ...SRS, period: { from: '2026-02-11', to: '2026-04-09' } });
    expect(narrow.count).toBe(Array.from({ length: 40 }, (_, i) => i + 1).filter((n) => n % 6 === 2).length);
  });

  it('refuses a period that is not two real dates in order', async () => {
    await expect(engine.sampleFrame({ ...SRS, period: { from: '2026-02-30', to: '2026-03-01' } })).rejects.toThrow(/real date/);
    await expect(engine.sampleFrame({ ...SRS, period: { from: '2026-03-01', to: '2026-02-01' } })).rejects.toThrow(/starts after it ends/);
    await expect(engine.sampleFrame({ ...SRS, period: { from: "2026-01-01' OR 1=1 --", to: '2026-02-01' } })).rejects.toThrow(/YYYY-MM-DD/);
    expect(describeFrame({ ...SRS, filters: { basis: 'remit' }, period: { from: '2026-01-01', to: '2026-01-31' } })).toContain('remittance date 2026-01-01 to 2026-01-31');
  });

  it('exports as CSV: every unit in frame order, its stratum and position, its key; SHA-256 of the keys is the fingerprint', async () => {
    for (const spec of [BY_PAYER, { ...SRS, unit: 'line' as const }]) {
      const sample = await engine.drawSample(spec);
      const records = readSpreadsheetCsv(new TextEncoder().encode(await engine.frameCsv(spec)), 'Claim ID');
      expect(records[0][0]).toBe('Denial Lens audit frame');
      expect(records.find((r) => r[0] === 'Frame fingerprint (SHA-256)')![1]).toBe(sample.frame.fingerprint);
      const headerAt = records.findIndex((r) => r.includes('Claim ID'));
      const header = records[headerAt];
      const units = records.slice(headerAt + 1).filter((r) => r.length > 1);
      expect(units).toHaveLength(sample.frame.count);
      const keys = units.map((u) => u[header.indexOf('Unit key (hashed for the fingerprint)')]);
      expect(createHash('sha256').update(keys.map((k) => `${k}\n`).join('')).digest('hex')).toBe(sample.frame.fingerprint);
      // the draw, redone from the file: each drawn unit is the unit at its stratum and position
      for (const row of sample.rows) {
        const unit = units.find((u) => u[header.indexOf('Claim ID')] === row.claimId && (spec.unit === 'claim' || u[header.indexOf('Line #')] === String(row.lineNumber)))!;
        expect(unit[header.indexOf('Stratum')]).toBe(row.stratum);
      }
      expect(units.map((u) => Number(u[0]))).toEqual(units.map((_, i) => i + 1));
    }
  });
});

describe('results of a filled-in sample', () => {
  let sample: AuditSample;
  let reviews: Reviews;
  beforeAll(async () => {
    sample = await engine.drawSample(SRS);
    // every third drawn unit (draw 1, 4, 7, 10) is an error of $20; the others are supported with no amount (= $0)
    reviews = Object.fromEntries(
      sample.rows.map((r) => [r.draw, { supports: r.draw % 3 === 1 ? 'no' : 'yes', correctCodes: '', finding: r.draw % 3 === 1 ? 'mismatch' : 'none', dollarsInError: r.draw % 3 === 1 ? 20 : null, notes: '' }]),
    ) as Reviews;
  });

  it('a simple random sample of 10: 4 errors, Clopper–Pearson; $80 → 40 · 8 = $320 projected, t with 9 df', () => {
    const r = engine.auditResults(sample, reviews, 0.95);
    expect(r.errorRate).toMatchObject({ n: 10, errors: 4, rate: 0.4 });
    // R binom.test(4, 10)$conf.int: 0.1215523 0.7376219
    expect(r.errorRate.interval!.lower).toBeCloseTo(0.1215523, 6);
    expect(r.errorRate.interval!.upper).toBeCloseTo(0.7376219, 6);
    // agreement: our category is duplicate (CARC 18, exact duplicate claim/service) everywhere; findings are mismatch or none → 0 of 10 agree
    expect(r.agreement).toMatchObject({ agreed: 0, compared: 10, rate: 0 });
    expect(r.agreement.interval!.upper).toBeCloseTo(1 - 0.025 ** (1 / 10), 9);
    const mpu = r.dollars.meanPerUnit!;
    expect(mpu.estimate).toBeCloseTo(320, 9);
    // y: four 20s, six 0s: ȳ 8, s² = (4 · 144 + 6 · 64)/9 = 960/9; v = 40² · (1 − 10/40) · (960/9)/10 = 12 800; SE 113.14
    expect(mpu.standardError).toBeCloseTo(Math.sqrt(12800), 9);
    expect(Math.abs(mpu.lower90! - (320 - 1.833 * Math.sqrt(12800)))).toBeLessThan(0.0005 * 113.14 + 0.01);
    // ratio: R̂ = 80 / Σ billed of the 10 drawn claims; Ŷ = R̂ · 5320 (the frame's billed)
    const billed = sample.rows.reduce((a, row) => a + billedOf(numberOf(row.claimId)), 0);
    expect(r.dollars.ratio!.estimate).toBeCloseTo((80 / billed) * 5320, 6);
    expect(r.findings).toEqual([{ finding: 'mismatch', units: 4, dollarsInError: 80 }, { finding: 'none', units: 6, dollarsInError: 0 }]);
    expect(r.dollars.withoutAmount).toEqual([]);
  });

  it('an error without an amount is left out of the projection and named', () => {
    const partial = { ...reviews, 4: { ...reviews[4], dollarsInError: null } };
    const r = engine.auditResults(sample, partial, 0.9);
    expect(r.dollars.withoutAmount).toEqual([4]);
    expect(r.dollars.units).toBe(9);
    expect(r.dollars.meanPerUnit!.sampleSize).toBe(9);
    expect(r.errorRate.errors).toBe(4);
  });

  it('stratified by payer: each stratum its exact interval, the frame rate weighted by stratum size', async () => {
    const strat = await engine.drawSample(BY_PAYER);
    expect(strat.frame.strata.map((s) => s.sampleSize)).toEqual([5, 5]);
    // payer A: every unit an error; payer B: none
    const all = Object.fromEntries(strat.rows.map((r) => [r.draw, { supports: r.stratum === 'A' ? 'no' : 'yes', correctCodes: '', finding: null, dollarsInError: r.stratum === 'A' ? 10 : 0, notes: '' }])) as Reviews;
    const r = engine.auditResults(strat, all, 0.9);
    expect(r.strata.map((s) => [s.name, s.reviewed, s.errors])).toEqual([['A', 5, 5], ['B', 5, 0]]);
    // 5 of 5 at 90 %: lower = 0.05^(1/5) = 0.5493; 0 of 5: upper = 1 − 0.05^(1/5) = 0.4507
    expect(r.strata[0].interval!.lower).toBeCloseTo(0.05 ** (1 / 5), 9);
    expect(r.strata[1].interval!.upper).toBeCloseTo(1 - 0.05 ** (1 / 5), 9);
    expect(r.errorRate.rate).toBeCloseTo(0.5, 12); // 20/40 · 1 + 20/40 · 0
    // no spread within either stratum: the projection is exact, and the page says so
    expect(r.dollars.meanPerUnit!.estimate).toBeCloseTo(200, 9); // 20 · 10 + 20 · 0
    expect(r.dollars.meanPerUnit!.notes.join(' ')).toMatch(/no spread/);
  });
});

describe('the worksheet knows its sample', () => {
  it('refuses a worksheet of another sample with the reasons, and takes its own', async () => {
    const mine = await engine.drawSample(SRS);
    const other = await engine.drawSample({ ...SRS, seed: 43 });
    // the two samples share claim ids: merging by claim id would have "worked"
    expect(mine.rows.some((r) => other.rows.some((o) => o.claimId === r.claimId))).toBe(true);
    const fromOther = new TextEncoder().encode(engine.worksheetCsv(other, {}));
    expect(() => engine.readWorksheetCsv(mine, {}, fromOther)).toThrow(/not from this sample.*Seed: the file says "43", this sample "42"/);
    const sameSeedOtherTime = { ...mine, drawnAt: '2020-01-01T00:00:00.000Z' };
    expect(() => engine.readWorksheetCsv(mine, {}, new TextEncoder().encode(engine.worksheetCsv(sameSeedOtherTime, {})))).toThrow(/Drawn at/);
    const own = engine.readWorksheetCsv(mine, {}, new TextEncoder().encode(engine.worksheetCsv(mine, {})));
    expect(own.matched).toBe(10);
    // a table without the block: refused, not merged
    const bare = engine.worksheetCsv(mine, {}).split('\r\n').slice(13).join('\r\n');
    expect(() => engine.readWorksheetCsv(mine, {}, new TextEncoder().encode(bare))).toThrow(/no "Denial Lens audit sample" block/);
  });

  it('blind review hides our category, evidence and fix until a finding is recorded, and says so in the identity', async () => {
    const blind = await engine.drawSample({ ...SRS, blind: true });
    const [first, second] = blind.rows;
    const csv = engine.worksheetCsv(blind, { [first.draw]: { supports: 'no', correctCodes: '', finding: 'mismatch', dollarsInError: 5, notes: '' } });
    const records = readSpreadsheetCsv(new TextEncoder().encode(csv), 'Claim ID');
    expect(records.find((r) => r[0] === 'Blind review')![1]).toMatch(/^yes/);
    const header = records.find((r) => r.includes('Claim ID'))!;
    const rowOf = (claimId: string) => records.find((r) => r[header.indexOf('Claim ID')] === claimId)!;
    expect(rowOf(first.claimId)[header.indexOf('Our category')]).toBe('Duplicate') // CARC 18: exact duplicate claim/service;
    expect(rowOf(second.claimId)[header.indexOf('Our category')]).toBe(BLIND);
    expect(rowOf(second.claimId)[header.indexOf('Evidence')]).toBe(BLIND);
    expect(rowOf(second.claimId)[header.indexOf('Suggested fix')]).toBe(BLIND);
    // stratified by category, the stratum is our category: hidden too
    const byCategory = await engine.drawSample({ ...SRS, blind: true, strata: { by: 'category', allocation: 'proportional' } });
    const rows = readSpreadsheetCsv(new TextEncoder().encode(engine.worksheetCsv(byCategory, {})), 'Claim ID');
    const at = rows.findIndex((r) => r.includes('Claim ID'));
    expect(rows.slice(at + 1).filter((r) => r.length > 1).map((r) => r[rows[at].indexOf('Stratum')])).toEqual(Array(10).fill(BLIND));
    // the draw itself is the same as without blind review
    expect(blind.rows.map((r) => r.claimId)).toEqual((await engine.drawSample(SRS)).rows.map((r) => r.claimId));
  });
});

import { readFileSync } from 'node:fs';
import { sql } from '../../../src/engine/db/sql.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../helpers.ts';
import { FIXTURES, HAS_SHARED, SHARED_REFERENCE, icdStatus } from './helpers.ts';

const PTP = { kind: 'ncci-ptp' as const, name: 'ccipra-v999r0-f9.txt', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'ncci-ptp-hand-made.txt'))) };
const FY2025_ZIP = path.join(SHARED_REFERENCE, 'icd10cm/fy2025/ICD10-CM_Code_Descriptions_2025.zip');

/** One order-file line in the CDC fixed-width layout. */
const orderLine = (order: number, code: string, billable: boolean, text: string) =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${text.slice(0, 60).padEnd(60)} ${text}`;
const orderFile = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

/** The whole derived ICD-10-CM table, to compare before and after. */
const icdTable = (engine: Awaited<ReturnType<typeof openTestEngine>>) =>
  engine.db.query(sql`SELECT count(*)::INTEGER AS n, sum(hash(code, billable, valid_from, valid_to, unspecified, laterality, replacements, short_desc, origin))::VARCHAR AS h FROM ref_icd10cm`);

describe('reference import through the engine', () => {
  it('tells the outcome per file (ICD-10-CM and NCCI PTP in one batch), re-classifies, and takes the data out again', async () => {
    const engine = await openTestEngine({ reference: false });
    const fy2027 = orderFile([orderLine(1, 'A00', false, 'Cholera'), orderLine(2, 'A000', true, 'Cholera due to Vibrio cholerae 01, biovar cholerae')]);
    const outcomes = await engine.importReference([
      { kind: 'icd10cm', name: 'icd10cm-order-2027.txt', bytes: fy2027 },
      PTP,
      { kind: 'icd10cm', name: 'notes.txt', bytes: orderFile(['not an order file']) },
      { kind: 'ncci-ptp', name: 'empty.txt', bytes: new TextEncoder().encode('CPT only copyright\r\n') },
      { kind: 'ncci-ptp', name: 'ccipra-v999r0-f9.txt', bytes: PTP.bytes },
    ]);
    expect(outcomes.map((o) => [o.kind, o.name, o.status])).toEqual([
      ['icd10cm', 'icd10cm-order-2027.txt', 'loaded'],
      ['ncci-ptp', 'ccipra-v999r0-f9.txt', 'loaded'],
      ['icd10cm', 'notes.txt', 'rejected'],
      ['ncci-ptp', 'empty.txt', 'rejected'],
      ['ncci-ptp', 'ccipra-v999r0-f9.txt', 'rejected'],
    ]);
    expect(outcomes[0]).toMatchObject({ loaded: [{ release: 'FY2027', detectedBy: 'file name', codes: 1, headers: 1 }], skipped: [], rejected: [] });
    expect(outcomes[1]).toMatchObject({ result: { loaded: 4, headerLines: 6, blankLines: 1 } });
    if (outcomes[1].kind !== 'ncci-ptp') throw new Error('expected the PTP outcome');
    expect(outcomes[1].result!.rejected.map((r) => r.line)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(outcomes[2]).toMatchObject({ rejected: [{ file: 'notes.txt', lines: [{ line: 1 }] }] });
    expect(outcomes[3]).toMatchObject({ result: null, error: 'empty.txt: no PTP edit rows found (is this an NCCI PTP text file?)' });
    expect(outcomes[4]).toMatchObject({ error: 'another file of this import has the same name; import it on its own' });
    expect((await icdStatus(engine.db, 'A000', '2026-10-01')).status).toBe('valid');
    const overview = await engine.referenceOverview();
    expect(overview.releases).toMatchObject([{ release: 'FY2027', origin: 'imported', billable_codes: 1, headers: 1, effective_from: '2026-10-01', effective_to: '2027-09-30' }]);
    expect(overview.ncci).toEqual([
      { source: 'ccipra-v999r0-f9.txt', version: 'v999r0', edits: 4, not_deleted: 3, first_effective: '1996-01-01', last_effective: '2023-01-01' },
    ]);

    await engine.removeImportedReference([
      { kind: 'icd10cm', name: 'icd10cm-order-2027.txt', releases: ['FY2027'] },
      { kind: 'ncci-ptp', name: 'ccipra-v999r0-f9.txt', releases: [] },
    ]);
    const after = await engine.referenceOverview();
    expect([after.releases, after.ncci, after.icd10cm.intervals]).toEqual([[], [], 0]);
    expect((await icdStatus(engine.db, 'A000', '2026-10-01')).status).toBe('unknown');
  }, 60_000);

  it.skipIf(!HAS_SHARED)('skips the shipped FY2025 zip, loads it as the April update when the user says so, and removes it to the shipped table', async () => {
    const engine = await openTestEngine();
    const shipped = await icdTable(engine);
    const zip = { kind: 'icd10cm' as const, name: 'ICD10-CM_Code_Descriptions_2025.zip', bytes: new Uint8Array(readFileSync(FY2025_ZIP)) };
    const [skipped] = await engine.importReference([zip]);
    expect(skipped).toMatchObject({
      status: 'skipped',
      loaded: [],
      skipped: [{ file: 'ICD10-CM_Code_Descriptions_2025.zip:icd10cm-order-2025.txt', release: 'FY2025', reason: 'FY2025 is already loaded with the same codes' }],
    });
    expect(await icdTable(engine)).toEqual(shipped);

    const [loaded] = await engine.importReference([{ ...zip, release: { fiscalYear: 2025, update: 'april' } }]);
    expect(loaded).toMatchObject({ status: 'loaded', loaded: [{ release: 'FY2025-APR', detectedBy: 'user', codes: 74260, headers: 23324, warnings: [] }] });
    const releases = (await engine.referenceOverview()).releases.map((r) => [r.release, r.effective_from, r.effective_to, r.origin]);
    expect(releases.slice(-4)).toEqual([
      ['FY2025', '2024-10-01', '2025-03-31', 'shipped'],
      ['FY2025-APR', '2025-04-01', '2025-09-30', 'imported'],
      ['FY2026', '2025-10-01', '2026-09-30', 'shipped'],
      ['FY2027', '2026-10-01', '2027-09-30', 'shipped'],
    ]);
    // same codes: the intervals run on through FY2025-APR, and now draw on an imported release
    expect(await icdStatus(engine.db, 'M5450', '2025-05-01')).toMatchObject({ status: 'valid', valid_from: '2021-10-01', valid_to: null });
    expect(await engine.db.query(sql`SELECT origin FROM ref_icd10cm WHERE code = 'M5450'`)).toEqual([{ origin: 'imported' }]);

    await engine.removeImportedReference([{ kind: 'icd10cm', name: zip.name, releases: ['FY2025-APR'] }]);
    expect(await icdTable(engine)).toEqual(shipped);
  }, 180_000);
});

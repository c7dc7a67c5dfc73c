import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.ts';
import { addConversions, addRelease, deriveIcd10cm } from '../../../src/engine/reference/icd10cm/derive.ts';
import type { OrderRecord } from '../../../src/engine/reference/icd10cm/order-file.ts';
import { zipEntries } from '../../../src/engine/reference/files/zip.ts';
import type { BilledCodeChange } from '../../../src/engine/reference/code-set-changes.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { FIXTURES, HAS_SHARED, SHARED_REFERENCE } from './helpers.ts';

const CSV_HEADER = 'Claim ID,Line #,DOS,Payer,Rendering Provider,CPT/HCPCS,Modifiers,Diagnosis Codes,Billed Amt,Paid Amt,Adj Codes,Remark Codes,Check Date,Claim Status';
const record = (code: string, billable: boolean, text: string): OrderRecord => ({ code, billable, shortDesc: text, longDesc: text });
const byCode = (changes: BilledCodeChange[]) => Object.fromEntries(changes.map((c) => [c.code, c]));

describe('code-set checklist on a tiny synthetic release (always runs)', () => {
  /**
   * Two invented releases, FY2030 (2029-10-01) and FY2031 (2030-10-01). FY2031 deletes A001
   * (a conversion fact names A002 for it), adds A002 under A00, and turns B011 into a header
   * over the new B0110 / B0111; B020 and C100 do not change. By hand, for the lines below
   * (last date of service 2030-09-20, so the last 12 months start 2029-09-21):
   * - A001 deleted → A002: S2 and S3 (S1 of 2029-06-01 is older than 12 months): 2 lines,
   *   2 claims, $300, providers LEE and KIM, payers Alpha and Beacon, S3 denied (CO-16);
   * - B011 expanded → B0110, B0111: S4, $80, KIM, Beacon;
   * - A009 gains A002 beside it: S5, $50;
   * - B020 (S6) and A000 (not billed) are not listed.
   */
  let engine: Engine;
  beforeAll(async () => {
    engine = await openTestEngine({ reference: false });
    const fy2030 = [
      record('A00', false, 'Cholera'), record('A000', true, 'Cholera one'), record('A001', true, 'Cholera two'), record('A009', true, 'Cholera, unspecified'),
      record('B01', false, 'Varicella'), record('B010', true, 'Varicella one'), record('B011', true, 'Varicella two'),
      record('B02', false, 'Zoster'), record('B020', true, 'Zoster one'), record('C10', false, 'Other'), record('C100', true, 'Other one'),
    ];
    const fy2031 = [
      record('A00', false, 'Cholera'), record('A000', true, 'Cholera one'), record('A002', true, 'Cholera three'), record('A009', true, 'Cholera, unspecified'),
      record('B01', false, 'Varicella'), record('B010', true, 'Varicella one'), record('B011', false, 'Varicella two'),
      record('B0110', true, 'Varicella two, left'), record('B0111', true, 'Varicella two, right'),
      record('B02', false, 'Zoster'), record('B020', true, 'Zoster one'), record('C10', false, 'Other'), record('C100', true, 'Other one'),
    ];
    await addRelease(engine.db, { fiscalYear: 2030, update: 'october', source: 'synthetic FY2030', origin: 'imported' }, fy2030);
    await addRelease(engine.db, { fiscalYear: 2031, update: 'october', source: 'synthetic FY2031', origin: 'imported' }, fy2031);
    await addConversions(engine.db, [{ effective: '2030-10-01', previousCode: 'A001', currentCode: 'A002' }], 'synthetic conversion');
    await deriveIcd10cm(engine.db);
    const lines = [
      'S1,1,06/01/2029,Alpha Health,"LEE, ANN",99213,,A00.1,100.00,80.00,CO-45 20.00,,06/21/2029,',
      'S2,1,10/02/2029,Alpha Health,"LEE, ANN",99213,,A00.1,100.00,80.00,CO-45 20.00,,10/22/2029,',
      'S3,1,03/04/2030,Beacon Care,"KIM, BO",99214,,A00.1,200.00,0.00,CO-16 200.00,,03/24/2030,',
      'S4,1,04/05/2030,Beacon Care,"KIM, BO",99212,,B01.1,80.00,60.00,CO-45 20.00,,04/25/2030,',
      'S5,1,06/06/2030,Alpha Health,"LEE, ANN",99212,,A00.9,50.00,40.00,CO-45 10.00,,06/26/2030,',
      'S6,1,09/20/2030,Alpha Health,"LEE, ANN",99212,,B02.0,70.00,50.00,CO-45 20.00,,10/10/2030,',
    ];
    const [result] = await engine.loadFiles([csvFile('synthetic.csv', [CSV_HEADER, ...lines].join('\r\n'))]);
    expect(result.status).toBe('loaded');
  }, 60_000);

  it('lists what the newer release deletes, expands and adds beside, with the practice’s volume', async () => {
    const report = await engine.codeSetChanges();
    expect([report.last_date, report.from_date]).toEqual(['2030-09-20', '2029-09-21']);
    expect(report.icd10cm_releases.map((r) => [r.release, r.effective_from])).toEqual([['FY2031', '2030-10-01']]);
    const c = byCode(report.changes);
    expect(Object.keys(c).sort()).toEqual(['A001', 'A009', 'B011']);
    expect(c.A001).toMatchObject({
      code_system: 'ICD-10-CM', change: 'deleted', release: 'FY2031', effective: '2030-10-01',
      replacements: [{ code: 'A002', short_desc: 'Cholera three' }],
      lines: 2, claims: 2, billed: 300, denied_lines: 1, providers: ['KIM, BO', 'LEE, ANN'], payers: ['Alpha Health', 'Beacon Care'],
      first_date: '2029-10-02', last_date: '2030-03-04',
    });
    expect(c.B011).toMatchObject({ change: 'expanded', replacements: [{ code: 'B0110', short_desc: 'Varicella two, left' }, { code: 'B0111', short_desc: 'Varicella two, right' }], lines: 1, billed: 80 });
    expect(c.A009).toMatchObject({ change: 'new_alternatives', replacements: [{ code: 'A002', short_desc: 'Cholera three' }], lines: 1, billed: 50 });
    expect(report.procedure_note).toMatch(/no CMS fee-schedule release taking effect after 2030-09-20 is loaded \(none is loaded\)/);
    expect(report.procedure_note).toMatch(/AMA CPT and CMS HCPCS annual files, which this app does not read/);
  });

  it('gives the check every change taking effect on or after a date, billed or not', async () => {
    const all = await engine.codeChanges('2030-10-01');
    // A000 and A009 gain A002 beside them; A001 deleted; B011 expanded
    expect(all.map((c) => [c.code, c.change]).sort()).toEqual([['A000', 'new_alternatives'], ['A001', 'deleted'], ['A009', 'new_alternatives'], ['B011', 'expanded']]);
    expect(await engine.codeChanges('2030-10-02')).toEqual([]);
  });

  it('warns about dates of service no loaded release answers for, naming the release to import', async () => {
    const gapEngine = await openTestEngine({ reference: false });
    await addRelease(gapEngine.db, { fiscalYear: 2031, update: 'october', source: 'synthetic FY2031', origin: 'imported' }, [record('A00', false, 'Cholera'), record('A000', true, 'Cholera one')]);
    await deriveIcd10cm(gapEngine.db);
    await gapEngine.loadFiles([csvFile('late.csv', [CSV_HEADER,
      'L1,1,09/30/2031,Alpha Health,"LEE, ANN",99213,,A00.0,100.00,80.00,CO-45 20.00,,10/20/2031,',
      'L2,1,10/01/2031,Alpha Health,"LEE, ANN",99213,,A00.0,100.00,80.00,CO-45 20.00,,10/21/2031,',
      'L3,1,11/15/2031,Alpha Health,"LEE, ANN",99213,,A00.0,100.00,80.00,CO-45 20.00,,12/05/2031,',
    ].join('\r\n'))]);
    // FY2031 answers to 2031-09-30: L2 and L3 are past it, in FY2032
    expect(await gapEngine.referenceGaps()).toEqual([{
      code_system: 'ICD-10-CM', release: 'FY2032', effective: '2031-10-01', lines: 2, first_date: '2031-10-01', last_date: '2031-11-15',
      text: 'ICD-10-CM FY2032 took effect 2031-10-01: 2 lines dated 2031-10-01 to 2031-11-15 have diagnosis codes no loaded release answers for (shown as "unknown to reference"). Import the FY2032 ICD-10-CM order file (CDC/CMS) on the Reference page to check the codes billed since.',
    }]);
  }, 60_000);
});

describe('procedure codes: a code the newer fee-schedule release no longer lists', () => {
  /**
   * test/fixtures/reference/pprrvu-hand-made.csv is RVU26A (2026-01-01) and lists 17110, 20610,
   * 29881, 73560, 86153 and 99213 (its 99214 and 36415 rows are rejected); the shipped RVU25D
   * lists 99213, 99214 and 36415. Lines of Oct–Dec 2025, by hand: 99214 twice ($150 + $150,
   * one claim each), 36415 once ($20), 99213 once (still listed).
   */
  it('lists 99214 and 36415 with their volume and says what a fee-schedule file cannot tell', async () => {
    const engine = await openTestEngine();
    await engine.importReference([{ kind: 'pfs', name: 'pprrvu-hand-made.csv', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'pprrvu-hand-made.csv'))) }]);
    await engine.loadFiles([csvFile('q4.csv', [CSV_HEADER,
      'Q1,1,10/06/2025,Alpha Health,"LEE, ANN",99214,,I10,150.00,120.00,CO-45 30.00,,10/26/2025,',
      'Q2,1,11/06/2025,Beacon Care,"KIM, BO",99214,,I10,150.00,120.00,CO-45 30.00,,11/26/2025,',
      'Q2,2,11/06/2025,Beacon Care,"KIM, BO",36415,,I10,20.00,15.00,CO-45 5.00,,11/26/2025,',
      'Q3,1,12/08/2025,Alpha Health,"LEE, ANN",99213,,I10,100.00,80.00,CO-45 20.00,,12/28/2025,',
    ].join('\r\n'))]);
    const report = await engine.codeSetChanges();
    expect(report.pfs_releases.map((r) => r.release)).toEqual(['RVU26A']);
    const procedures = report.changes.filter((c) => c.code_system === 'CPT/HCPCS');
    expect(procedures.map((c) => [c.code, c.change, c.release, c.effective, c.lines, c.claims, c.billed])).toEqual([
      ['99214', 'not_in_fee_schedule', 'CMS PFS RVU26A', '2026-01-01', 2, 2, 300],
      ['36415', 'not_in_fee_schedule', 'CMS PFS RVU26A', '2026-01-01', 1, 1, 20],
    ]);
    expect(report.procedure_note).toMatch(/^Procedure codes: billed codes the CMS fee-schedule release RVU26A no longer lists are shown\./);
  }, 60_000);
});

describe.skipIf(!HAS_SHARED)('FY2027 against a fixture, facts from the CDC/CMS order files in ../shared', () => {
  /** An order file as code → billable, read here with nothing of the engine but the zip reader. */
  async function orderCodes(zip: string, member: RegExp): Promise<Map<string, boolean>> {
    const entry = zipEntries(new Uint8Array(readFileSync(path.join(SHARED_REFERENCE, 'icd10cm', zip)))).find((e) => member.test(e.name))!;
    const text = new TextDecoder().decode(await entry.read());
    return new Map(text.split(/\r?\n/).filter((l) => l.length > 15).map((l) => [l.slice(6, 13).trim(), l[14] === '1']));
  }

  /**
   * test/fixtures/reference/code-set-fy2027.csv: dates of service 2025-09-15 .. 2026-09-28, so
   * the last 12 months are 2025-09-29 .. 2026-09-28 (P01 is older). Counted by hand:
   * M72.2 on P02, P03 (2 lines of one claim): 3 lines, 2 claims, $370, 1 denied (P03 line 1);
   * I42.0 on P04 ($60); S23.420A on P05 ($100); L02.232 on P06 ($200); Z68.1 on P08 ($100);
   * I10 and E11.9 are billable in both years and gain no code beside them.
   */
  it('finds the kind of change and the new codes the order files show', async () => {
    const fy2026 = await orderCodes('fy2026/icd10cm-Code_Descriptions-2026.zip', /icd10cm-order-2026\.txt$/);
    const fy2027 = await orderCodes('fy2027/icd10cm-order-2027.zip', /icd10cm-order-2027\.txt$/);
    const newBillable = [...fy2027].filter(([code, billable]) => billable && !fy2026.get(code)).map(([code]) => code);
    const expected = (code: string) => {
      if (!fy2027.has(code)) return { change: 'deleted', codes: [] as string[] };
      if (!fy2027.get(code)) return { change: 'expanded', codes: newBillable.filter((n) => n.startsWith(code)).sort() };
      return null;
    };

    const engine = await openTestEngine();
    const [result] = await engine.loadFiles([csvFile('code-set-fy2027.csv', readFileSync(path.join(FIXTURES, 'code-set-fy2027.csv'), 'utf8'))]);
    expect(result.status).toBe('loaded');
    const report = await engine.codeSetChanges();
    expect([report.last_date, report.from_date]).toEqual(['2026-09-28', '2025-09-29']);
    const c = byCode(report.changes);
    for (const code of ['M722', 'I420', 'S23420A', 'Z681']) {
      const want = expected(code)!;
      expect([code, c[code]?.change, c[code]?.replacements.map((r) => r.code)]).toEqual([code, want.change, want.codes]);
      expect(c[code]).toMatchObject({ release: 'FY2027', effective: '2026-10-01' });
    }
    // the files: M72.2 and I42.0 become headers, S23.420A is gone; no conversion table for FY2027 is loaded, so no replacement is named for it
    expect(expected('M722')!.codes).toEqual(['M7220', 'M7221', 'M7222']);
    expect(expected('S23420A')).toEqual({ change: 'deleted', codes: [] });
    // L02.232 stays billable; the only new billable code under L02.23 is L02.237
    expect(newBillable.filter((n) => n.startsWith('L0223'))).toEqual(['L02237']);
    expect(c.L02232).toMatchObject({ change: 'new_alternatives', replacements: [{ code: 'L02237', short_desc: 'Carbuncle of flank' }], lines: 1, billed: 200 });
    expect(c.M722).toMatchObject({ lines: 3, claims: 2, billed: 370, denied_lines: 1, providers: ['KIM, BO', 'LEE, ANN'], payers: ['Alpha Health', 'Beacon Care'], first_date: '2025-10-06', last_date: '2025-11-12' });
    expect([c.I420.billed, c.S23420A.billed, c.Z681.billed]).toEqual([60, 100, 100]);
    expect(c.I10).toBeUndefined();
    expect(c.E119).toBeUndefined();
    expect(Object.keys(c).sort()).toEqual(['I420', 'L02232', 'M722', 'S23420A', 'Z681']);
    const csv = await engine.codeSetChangesCsv();
    expect(csv).toContain('ICD-10-CM,M72.2,Plantar fascial fibromatosis,"Expanded: now a heading, bill a new code under it",FY2027,2026-10-01,');
  }, 120_000);
});

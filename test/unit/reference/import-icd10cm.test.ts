import { readFileSync } from 'node:fs';
import { sql } from '../../../src/engine/db/sql.ts';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/engine/db/db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { zipEntries } from '../../../src/engine/reference/files/zip.ts';
import { importIcd10cmRelease } from '../../../src/engine/reference/icd10cm/import.ts';
import { loadShippedReference } from '../../../src/engine/reference/load-reference.ts';
import { icd10cmCoverageSql } from '../../../src/engine/reference/lookups.sql.ts';
import { readShippedReferenceFiles } from '../../../src/engine/reference/shipped-files-node.ts';
import { FIXTURES, HAS_SHARED, SHARED_REFERENCE, icdStatus, pairsRelation } from './helpers.ts';

const ICD = path.join(SHARED_REFERENCE, 'icd10cm');
const file = (relative: string) => ({ name: path.basename(relative), bytes: new Uint8Array(readFileSync(path.join(ICD, relative))) });

/** One order-file line in the CDC fixed-width layout. */
const orderLine = (order: number, code: string, billable: boolean, text: string) =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${text.slice(0, 60).padEnd(60)} ${text}`;

async function shippedDb(): Promise<Db> {
  const db = await createNodeDb();
  await loadShippedReference(db, await readShippedReferenceFiles());
  return db;
}

describe('ICD-10-CM importer: bad input', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createNodeDb();
  }, 30_000);

  it('rejects a file whose lines do not follow the order-file layout, with line numbers, and loads nothing', async () => {
    const text = [
      orderLine(1, 'A00', false, 'Cholera'),
      orderLine(2, 'A000', true, 'Cholera due to Vibrio cholerae 01, biovar cholerae'),
      'A001    Cholera due to Vibrio cholerae 01, biovar eltor',
      orderLine(4, 'A009', true, 'Cholera, unspecified').replace(' 1 ', ' 7 '),
    ].join('\r\n');
    const result = await importIcd10cmRelease(db, [{ name: 'icd10cm-order-2027.txt', bytes: new TextEncoder().encode(text) }]);
    expect(result.loaded).toEqual([]);
    expect(result.rejected).toEqual([
      {
        file: 'icd10cm-order-2027.txt',
        reason: '2 line(s) do not follow the ICD-10-CM order-file layout; nothing was loaded from this file',
        lines: [
          { line: 3, reason: 'line too short for the order-file layout (55 characters, at least 78 expected)' },
          { line: 4, reason: 'column 15: flag "7" is not 0 or 1' },
        ],
      },
    ]);
    expect(await db.query(sql`SELECT * FROM ref_icd10cm_releases`)).toEqual([]);
  });

  it('says what is wrong with a codes file, a zip without an order file, and an undated file', async () => {
    const result = await importIcd10cmRelease(db, [
      { name: 'icd10cm-codes-2026.txt', bytes: new TextEncoder().encode('A000    Cholera due to Vibrio cholerae 01, biovar cholerae\r\n') },
      { name: 'members.zip', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'members.zip'))) },
      { name: 'my-codes.txt', bytes: new TextEncoder().encode(`${orderLine(1, 'A00', false, 'Cholera')}\r\n${orderLine(2, 'A000', true, 'Cholera due to Vibrio cholerae 01, biovar cholerae')}\r\n`) },
    ]);
    expect(result.rejected.map((r) => [r.file, r.reason])).toEqual([
      ['icd10cm-codes-2026.txt', 'this is a "codes" file (billable codes only); import the order file (icd10cm-order-…), which also lists the headers'],
      ['members.zip', 'no ICD-10-CM order file (icd10cm-order-*.txt / icd10cm_order_*.txt) or conversion table in this zip'],
      ['my-codes.txt', 'neither the content nor the file names tell which fiscal year this is; choose the release'],
    ]);
    expect(result.loaded).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED)('ICD-10-CM importer: official releases', () => {
  it('imports the FY2025 and FY2026 zips (and the FY2026 conversion table) into an empty database', async () => {
    const db = await createNodeDb();
    const result = await importIcd10cmRelease(db, [
      file('fy2026/icd10cm-Code_Descriptions-2026.zip'),
      file('fy2025/ICD10-CM_Code_Descriptions_2025.zip'),
      file('fy2026/ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx'),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.loaded.map(({ file: f, release, effectiveFrom, detectedBy, headers, codes }) => ({ f, release, effectiveFrom, detectedBy, headers, codes }))).toEqual([
      { f: 'ICD10-CM_Code_Descriptions_2025.zip:icd10cm-order-2025.txt', release: 'FY2025', effectiveFrom: '2024-10-01', detectedBy: 'hash', headers: 23324, codes: 74260 },
      { f: 'icd10cm-Code_Descriptions-2026.zip:icd10cm-order-2026.txt', release: 'FY2026', effectiveFrom: '2025-10-01', detectedBy: 'hash', headers: 23467, codes: 74719 },
    ]);
    expect(result.conversions).toEqual([{ file: 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx', rows: expect.any(Number) }]);
    expect(await db.query(sql`SELECT release, effective_from, effective_to, origin FROM ref_icd10cm_releases ORDER BY effective_from`)).toEqual([
      { release: 'FY2025', effective_from: '2024-10-01', effective_to: '2025-09-30', origin: 'imported' },
      { release: 'FY2026', effective_from: '2025-10-01', effective_to: '2026-09-30', origin: 'imported' },
    ]);
    const [counts] = await db.query(sql`
      SELECT count(*) FILTER (WHERE billable AND valid_to IS NULL)::INTEGER AS codes_2026,
             count(*) FILTER (WHERE NOT billable AND valid_to IS NULL)::INTEGER AS headers_2026,
             count(*) FILTER (WHERE billable AND valid_from = DATE '2024-10-01')::INTEGER AS codes_2025
      FROM ref_icd10cm`);
    expect(counts).toEqual({ codes_2026: 74719, headers_2026: 23467, codes_2025: 74260 });
    // deleted 2025-10-01; the successors come from the CDC conversion table
    expect(await icdStatus(db, 'S301XXA', '2025-10-01')).toMatchObject({
      status: 'deleted', valid_to: '2025-09-30', replacements: ['S3011XA', 'S3012XA', 'S3013XA'],
    });
    expect(await icdStatus(db, 'QA00101', '2025-10-01')).toMatchObject({ status: 'valid', valid_from: '2025-10-01' });
    expect((await icdStatus(db, 'M5450', '2024-09-30')).status).toBe('unknown'); // FY2024 not loaded
    expect(await icdStatus(db, 'M25569', '2025-01-01')).toMatchObject({ unspecified: true, laterality: 'unspecified' });
  }, 120_000);

  it('recognises releases already shipped by their content, whatever their names', async () => {
    const db = await shippedDb();
    const result = await importIcd10cmRelease(db, [
      { ...file('fy2024/icd10cm-CodesDescriptions-2024.zip'), name: 'icd10cm-Codes-Descriptions-April-2024.zip' },
      file('fy2025/ICD10-CM_Code_Descriptions_2025.zip'),
      file('fy2022-april-update/2022-code-descriptions-tabular-order-updated-02012022.zip'),
      file('icd10cm-order-2022.txt'),
      file('fy2027/icd10cm-order-2027.zip'),
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.loaded).toEqual([]);
    expect(result.skipped).toEqual([
      { file: 'icd10cm-order-2022.txt', release: 'FY2022', reason: 'FY2022 is already loaded with the same codes' },
      {
        file: '2022-code-descriptions-tabular-order-updated-02012022.zip:Code Descriptions/icd10cm_order_2022.txt',
        release: 'FY2022-APR',
        reason: 'FY2022-APR is already loaded with the same codes',
      },
      {
        file: 'icd10cm-Codes-Descriptions-April-2024.zip:icd10cm-order-2024.txt',
        release: 'FY2024-APR',
        reason: 'same codes as the loaded FY2024: nothing changes (choose the release to load it as FY2024-APR anyway)',
      },
      { file: 'ICD10-CM_Code_Descriptions_2025.zip:icd10cm-order-2025.txt', release: 'FY2025', reason: 'FY2025 is already loaded with the same codes' },
      { file: 'icd10cm-order-2027.zip:icd10cm-order-2027.txt', release: 'FY2027', reason: 'FY2027 is already loaded with the same codes' },
    ]);
  }, 120_000);

  // the April 2026 update changed no code (fy2026-april-update/NOTE.md): its order file is FY2026's
  it('skips an April 2026 order file with the FY2026 content as the shipped FY2026', async () => {
    const db = await shippedDb();
    const zip = zipEntries(file('fy2026/icd10cm-Code_Descriptions-2026.zip').bytes);
    const fy2026 = await zip.find((e) => e.name === 'icd10cm-order-2026.txt')!.read();
    const result = await importIcd10cmRelease(db, [{ name: 'icd10cm-order-April-1-2026.txt', bytes: fy2026 }]);
    expect(result.rejected).toEqual([]);
    expect(result.loaded).toEqual([]);
    expect(result.skipped).toEqual([
      {
        file: 'icd10cm-order-April-1-2026.txt',
        release: 'FY2026',
        reason: 'FY2026 is already loaded with the same codes',
      },
    ]);
  }, 120_000);

  describe('a release newer than the shipped ones (a synthetic FY2028 built from the FY2027 file)', () => {
    let db: Db;
    let fy2028: Uint8Array;
    beforeAll(async () => {
      db = await shippedDb();
      const zip = zipEntries(file('fy2027/icd10cm-order-2027.zip').bytes);
      const fy2027 = new TextDecoder().decode(await zip.find((e) => e.name === 'icd10cm-order-2027.txt')!.read());
      const lines = fy2027
        .split('\r\n')
        .filter((line) => line !== '' && line.slice(6, 13).trimEnd() !== 'R058')
        .map((line) => (line.slice(6, 13).trimEnd() === 'M5459' ? `${line.slice(0, 14)}0${line.slice(15)}` : line));
      lines.push(
        orderLine(99001, 'M54590', true, 'Other low back pain, acute (synthetic test code)'),
        orderLine(99002, 'M54599', true, 'Other low back pain, unspecified (synthetic test code)'),
        orderLine(99003, 'QA01', true, 'Synthetic test code for an FY2028 addition'),
      );
      fy2028 = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    }, 120_000);

    it('refuses it under a wrong year and asks for a choice when the name has none', async () => {
      const result = await importIcd10cmRelease(db, [
        { name: 'icd10cm-order-2024.txt', bytes: fy2028 },
        { name: 'order-file.txt', bytes: fy2028 },
      ]);
      expect(result.loaded).toEqual([]);
      expect(result.rejected).toEqual([
        { file: 'order-file.txt', reason: 'neither the content nor the file names tell which fiscal year this is; choose the release' },
        {
          file: 'icd10cm-order-2024.txt',
          reason: 'differs from the shipped FY2024; the shipped official release is kept',
        },
      ]);
      const older = await importIcd10cmRelease(db, [{ name: 'icd10cm-order-2020.txt', bytes: fy2028 }]);
      expect(older.rejected).toEqual([
        {
          file: 'icd10cm-order-2020.txt',
          reason:
            'the file name says FY2020, but its codes are closer to FY2021-JAN than to FY2021, so it looks later than FY2020; choose the release if the name is right',
        },
      ]);
      expect(older.loaded).toEqual([]);
    }, 120_000);

    it('loads it by its file name and derives the FY2028 changes with the shipped history', async () => {
      const result = await importIcd10cmRelease(db, [{ name: 'icd10cm-order-2028.txt', bytes: fy2028 }]);
      expect(result.rejected).toEqual([]);
      expect(result.loaded).toEqual([
        {
          file: 'icd10cm-order-2028.txt', release: 'FY2028', fiscalYear: 2028, effectiveFrom: '2027-10-01', detectedBy: 'file name',
          headers: 23525, codes: 74880, warnings: [],
        },
      ]);
      expect(await icdStatus(db, 'M5459', '2027-09-30')).toMatchObject({ status: 'valid' });
      expect(await icdStatus(db, 'M5459', '2027-10-01')).toMatchObject({
        status: 'header', billable_until: '2027-09-30', replacements: ['M54590', 'M54599'],
      });
      expect(await icdStatus(db, 'R058', '2027-10-01')).toMatchObject({ status: 'deleted', valid_to: '2027-09-30', replacements: null });
      expect(await icdStatus(db, 'QA01', '2027-09-30')).toMatchObject({ status: 'not_yet_valid', valid_from: '2027-10-01' });
      expect(await icdStatus(db, 'M54599', '2027-10-01')).toMatchObject({ status: 'valid', unspecified: true });
      // the shipped history is untouched
      expect(await icdStatus(db, 'M545', '2021-10-01')).toMatchObject({ status: 'header', replacements: ['M5450', 'M5451', 'M5459'] });
      expect(await db.query(sql`SELECT valid_to, origin FROM ref_icd10cm WHERE code = 'M545' ORDER BY valid_from`)).toEqual([
        { valid_to: '2021-09-30', origin: 'shipped' },
        { valid_to: null, origin: 'imported' },
      ]);
      const coverage = await db.query(icd10cmCoverageSql(pairsRelation([['x', '2027-09-30'], ['x', '2027-10-01'], ['x', '2028-10-01']])));
      expect(coverage.map((c) => [c.fiscal_year, c.covered, c.releases])).toEqual([
        [2027, true, ['FY2027']],
        [2028, true, ['FY2028']],
        [2029, false, null],
      ]);
    }, 120_000);

    it('keeps the imported release when the shipped files are loaded again (app restart)', async () => {
      await loadShippedReference(db, await readShippedReferenceFiles());
      expect((await db.query<{ release: string }>(sql`SELECT release FROM ref_icd10cm_releases ORDER BY effective_from`)).at(-1)).toEqual({ release: 'FY2028' });
      expect(await icdStatus(db, 'M5459', '2027-10-01')).toMatchObject({ status: 'header', replacements: ['M54590', 'M54599'] });
      expect(await icdStatus(db, 'M5459', '2022-01-01')).toMatchObject({ status: 'valid', valid_from: '2021-10-01' });
    }, 120_000);

    it('takes the user choice over the name, with a warning when the content disagrees', async () => {
      const result = await importIcd10cmRelease(db, [{ name: 'icd10cm-order-2028.txt', bytes: fy2028, release: { fiscalYear: 2020, update: 'october' } }]);
      expect(result.rejected).toEqual([]);
      expect(result.loaded).toMatchObject([
        { release: 'FY2020', effectiveFrom: '2019-10-01', detectedBy: 'user', warnings: ['its codes are closer to FY2021-JAN than to FY2021, so it looks later than FY2020'] },
      ]);
    }, 120_000);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import type { Db } from '../../../src/engine/db/db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { deriveIcd10cm, restoreReleaseCodes } from '../../../src/engine/reference/icd10cm/derive.ts';
import { loadShippedReference } from '../../../src/engine/reference/load-reference.ts';
import { icd10cmCoverageSql, icd10cmStatusSql } from '../../../src/engine/reference/lookups.sql.ts';
import { readShippedReferenceFiles } from '../../../src/engine/reference/shipped-files-node.ts';
import { icdStatus, pairsRelation } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
  await loadShippedReference(db, await readShippedReferenceFiles());
}, 60_000);

describe('shipped ICD-10-CM reference', () => {
  it('has M54.5 billable until 2021-09-30 and a header from 2021-10-01, replaced by M54.50/51/59', async () => {
    expect(await db.query(sql`SELECT billable, valid_from, valid_to, replacements FROM ref_icd10cm WHERE code = 'M545' ORDER BY valid_from`)).toEqual([
      { billable: true, valid_from: '2020-10-01', valid_to: '2021-09-30', replacements: ['M5450', 'M5451', 'M5459'] },
      { billable: false, valid_from: '2021-10-01', valid_to: null, replacements: null },
    ]);
    expect((await icdStatus(db, 'M545', '2021-09-30')).status).toBe('valid');
    expect(await icdStatus(db, 'M54.5', '2021-10-01')).toMatchObject({
      status: 'header',
      valid_from: '2021-10-01',
      billable_until: '2021-09-30',
      replacements: ['M5450', 'M5451', 'M5459'],
    });
    expect(await icdStatus(db, 'm54.50', '2021-10-01')).toMatchObject({ status: 'valid', unspecified: true, laterality: null });
    expect(await icdStatus(db, 'M5451', '2021-10-01')).toMatchObject({ status: 'valid', unspecified: false });
  });

  it('flags unspecified codes and unspecified laterality: M25.569 next to M25.561 (right) and M25.562 (left)', async () => {
    expect(await icdStatus(db, 'M25569', '2024-05-01')).toMatchObject({ status: 'valid', unspecified: true, laterality: 'unspecified' });
    expect(await icdStatus(db, 'M25561', '2024-05-01')).toMatchObject({ unspecified: false, laterality: 'right' });
    expect(await icdStatus(db, 'M25562', '2024-05-01')).toMatchObject({ unspecified: false, laterality: 'left' });
    expect(await icdStatus(db, 'H25813', '2024-05-01')).toMatchObject({ laterality: 'bilateral' });
    // every code under S82.10 is an "unspecified fracture", but its category S82 has specific
    // fractures (FY2024 order file lines 61492 and 61544: S82.101A, S82.111A "Displaced fracture of right tibial spine")
    expect(await icdStatus(db, 'S82101A', '2024-05-01')).toMatchObject({ unspecified: true, laterality: 'right' });
    // R69 "Illness, unspecified" is the only code of its category (FY2024 order line 30699)
    expect(await icdStatus(db, 'R69', '2024-05-01')).toMatchObject({ status: 'valid', unspecified: false });
    // the 7th character "not applicable or unspecified" (fetus) is not an unspecified code
    expect(await icdStatus(db, 'O321XX0', '2024-05-01')).toMatchObject({ status: 'valid', unspecified: false });
  });

  it('replaces R05 by R05.1-R05.9 from FY2022', async () => {
    expect(await icdStatus(db, 'R05', '2021-09-30')).toMatchObject({ status: 'valid' });
    expect(await icdStatus(db, 'R05', '2022-02-15')).toMatchObject({
      status: 'header',
      billable_until: '2021-09-30',
      replacements: ['R051', 'R052', 'R053', 'R054', 'R058', 'R059'],
    });
    expect(await icdStatus(db, 'R051', '2021-09-30')).toMatchObject({ status: 'not_yet_valid', valid_from: '2021-10-01' });
  });

  it('knows the mid-year updates: Z28.3 a header from 2022-04-01, Y07.01 from 2023-04-01, January 2021 codes', async () => {
    expect(await icdStatus(db, 'Z283', '2022-03-31')).toMatchObject({ status: 'valid', valid_to: '2022-03-31' });
    expect(await icdStatus(db, 'Z283', '2022-04-01')).toMatchObject({
      status: 'header',
      billable_until: '2022-03-31',
      replacements: ['Z28310', 'Z28311', 'Z2839'],
    });
    expect(await icdStatus(db, 'Z28310', '2022-03-31')).toMatchObject({ status: 'not_yet_valid', valid_from: '2022-04-01' });
    expect(await icdStatus(db, 'Y0701', '2023-03-31')).toMatchObject({ status: 'valid' });
    const y0701 = await icdStatus(db, 'Y0701', '2023-04-01');
    expect(y0701).toMatchObject({ status: 'header', billable_until: '2023-03-31' });
    expect(y0701.replacements).toEqual(expect.arrayContaining(['Y07010', 'Y07011']));
    expect(await icdStatus(db, 'J1282', '2020-12-31')).toMatchObject({ status: 'not_yet_valid', valid_from: '2021-01-01' });
    expect(await icdStatus(db, 'J1282', '2021-01-01')).toMatchObject({ status: 'valid' });
    expect(await icdStatus(db, 'M358', '2020-12-31')).toMatchObject({ status: 'valid' });
    expect(await icdStatus(db, 'M358', '2021-01-01')).toMatchObject({ status: 'header', replacements: ['M3581', 'M3589'] });
  });

  it('reports codes deleted outright with their last day and the CDC conversion-table successors', async () => {
    expect(await icdStatus(db, 'T8132XA', '2024-09-30')).toMatchObject({ status: 'valid' });
    expect(await icdStatus(db, 'T8132XA', '2024-10-01')).toMatchObject({
      status: 'deleted',
      valid_to: '2024-09-30',
      billable_until: '2024-09-30',
      replacements: ['T81320A', 'T81321A', 'T81328A', 'T81329A'],
    });
  });

  it('has FY2026 additions valid from 2025-10-01', async () => {
    expect(await icdStatus(db, 'QA00101', '2025-09-30')).toMatchObject({ status: 'not_yet_valid', valid_from: '2025-10-01' });
    expect(await icdStatus(db, 'QA00101', '2025-10-01')).toMatchObject({ status: 'valid', valid_to: null });
  });

  // FY2027 order addenda (icd10cm/fy2027/icd10cm-order-addenda-2027.txt): line 6 "Add: 1 D6911
  // Glanzmann thrombasthenia"; lines 4-5 "Delete: 1 D691" + "Add: 0 D691" (D69.1 becomes a header
  // over D69.11 and D69.19, lines 6-7); line 170 "Delete: 1 S23420A" (sprain of sternoclavicular joint)
  it('has the FY2027 changes from 2026-10-01: an addition, a code turned header, a deletion', async () => {
    expect(await icdStatus(db, 'D6911', '2026-09-30')).toMatchObject({ status: 'not_yet_valid', valid_from: '2026-10-01' });
    expect(await icdStatus(db, 'D6911', '2026-10-01')).toMatchObject({ status: 'valid', valid_to: null, short_desc: 'Glanzmann thrombasthenia' });
    expect(await icdStatus(db, 'D691', '2026-09-30')).toMatchObject({ status: 'valid', valid_to: '2026-09-30' });
    expect(await icdStatus(db, 'D69.1', '2026-10-01')).toMatchObject({
      status: 'header', valid_from: '2026-10-01', billable_until: '2026-09-30', replacements: ['D6911', 'D6919'],
    });
    expect(await icdStatus(db, 'S23420A', '2026-09-30')).toMatchObject({ status: 'valid' });
    expect(await icdStatus(db, 'S23420A', '2026-10-01')).toMatchObject({ status: 'deleted', valid_to: '2026-09-30', billable_until: '2026-09-30' });
  });

  it('matches the official FY2027 counts (fy2027/SOURCES-fy2027.md: 74879 codes, 23524 headers)', async () => {
    const [counts] = await db.query(sql`
      SELECT count(*) FILTER (WHERE billable)::INTEGER AS codes, count(*) FILTER (WHERE NOT billable)::INTEGER AS headers
      FROM ref_icd10cm WHERE DATE '2026-10-01' BETWEEN valid_from AND coalesce(valid_to, DATE '2026-10-01')`);
    expect(counts).toEqual({ codes: 74879, headers: 23524 });
  });

  it('answers unknown only outside the loaded releases; a code in no release is invalid on a covered date', async () => {
    expect((await icdStatus(db, 'M545', '2020-09-30')).status).toBe('unknown');
    expect((await icdStatus(db, 'M5450', '2027-10-01')).status).toBe('unknown');
    expect((await icdStatus(db, 'M545', null)).status).toBe('unknown');
    expect(await icdStatus(db, 'ZZZ99', '2023-01-01')).toMatchObject({ status: 'invalid', valid_from: null, replacements: null, problem: 'not_a_code' });
    expect(await icdStatus(db, 'ZZZ99', '2020-09-30')).toMatchObject({ status: 'unknown', problem: null });
  });

  it('matches the official FY2026 counts (SOURCES.md: 74719 codes, 23467 headers)', async () => {
    const [counts] = await db.query(sql`
      SELECT count(*) FILTER (WHERE billable)::INTEGER AS codes, count(*) FILTER (WHERE NOT billable)::INTEGER AS headers
      FROM ref_icd10cm WHERE DATE '2025-10-01' BETWEEN valid_from AND coalesce(valid_to, DATE '2025-10-01')`);
    expect(counts).toEqual({ codes: 74719, headers: 23467 });
    const [fy2021] = await db.query(sql`
      SELECT count(*) FILTER (WHERE billable)::INTEGER AS codes FROM ref_icd10cm
      WHERE DATE '2020-10-01' BETWEEN valid_from AND coalesce(valid_to, DATE '2020-10-01')`);
    expect(fy2021).toEqual({ codes: 72616 }); // January 2021 file (72621) minus 6 additions plus M35.8
  });

  it('lists contiguous releases FY2021 (2020-10-01) to FY2027 (until 2027-09-30)', async () => {
    const releases = await db.query<{ release: string; effective_from: string; effective_to: string }>(
      sql`SELECT release, effective_from, effective_to FROM ref_icd10cm_releases ORDER BY effective_from`,
    );
    expect(releases.map((r) => r.release)).toEqual([
      'FY2021', 'FY2021-JAN', 'FY2022', 'FY2022-APR', 'FY2023', 'FY2023-APR', 'FY2024', 'FY2025', 'FY2026', 'FY2027',
    ]);
    expect(releases[0].effective_from).toBe('2020-10-01');
    // the April 2026 update changed no code (fy2026-april-update/NOTE.md): FY2026 answers until FY2027
    expect(releases.find((r) => r.release === 'FY2026')!.effective_to).toBe('2026-09-30');
    expect(releases.at(-1)!.effective_to).toBe('2027-09-30');
    for (let i = 1; i < releases.length; i++) {
      const dayAfter = new Date(Date.parse(`${releases[i - 1].effective_to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(releases[i].effective_from).toBe(dayAfter);
    }
  });

  it('lists the fiscal years the dates of service need and whether they are covered', async () => {
    const dates = pairsRelation([
      ['x', '2020-09-30'],
      ['x', '2021-06-01'],
      ['y', '2021-06-01'],
      ['x', '2022-05-05'],
      ['x', '2026-10-05'],
      ['x', '2027-10-05'],
      ['x', null],
    ]);
    expect(await db.query(icd10cmCoverageSql(dates))).toEqual([
      { fiscal_year: 2020, lines: 1, first_date: '2020-09-30', last_date: '2020-09-30', uncovered_lines: 1, covered: false, releases: null },
      { fiscal_year: 2021, lines: 2, first_date: '2021-06-01', last_date: '2021-06-01', uncovered_lines: 0, covered: true, releases: ['FY2021', 'FY2021-JAN'] },
      { fiscal_year: 2022, lines: 1, first_date: '2022-05-05', last_date: '2022-05-05', uncovered_lines: 0, covered: true, releases: ['FY2022', 'FY2022-APR'] },
      { fiscal_year: 2027, lines: 1, first_date: '2026-10-05', last_date: '2026-10-05', uncovered_lines: 0, covered: true, releases: ['FY2027'] },
      { fiscal_year: 2028, lines: 1, first_date: '2027-10-05', last_date: '2027-10-05', uncovered_lines: 1, covered: false, releases: null },
    ]);
  });

  it('looks up a million service lines with one join', async () => {
    await db.exec(sql`
      CREATE OR REPLACE TEMP TABLE lines AS
      SELECT c.code, DATE '2020-10-01' + ((i * 7919) % 2700)::INTEGER AS service_date
      FROM range(1000000) r(i)
      JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM (SELECT DISTINCT code FROM ref_icd10cm)) c
        ON c.n = (i * 104729) % 98000`);
    const started = performance.now();
    const summary = await db.query<{ status: string; n: number }>(
      sql`SELECT status, count(*)::INTEGER AS n FROM (${icd10cmStatusSql(sql`lines`)}) GROUP BY status ORDER BY status`,
    );
    const ms = performance.now() - started;
    console.log(`status of 1M lines: ${ms.toFixed(0)} ms`, summary);
    const byStatus = Object.fromEntries(summary.map((r) => [r.status, r.n]));
    expect(byStatus.valid).toBeGreaterThan(0);
    expect(byStatus.header).toBeGreaterThan(0);
    expect(byStatus.unknown).toBeGreaterThan(0); // dates after 2027-09-30
    const [{ distinct_pairs }] = await db.query(sql`SELECT count(*)::INTEGER AS distinct_pairs FROM (SELECT DISTINCT code, service_date FROM lines)`);
    expect(summary.reduce((sum, r) => sum + r.n, 0)).toBe(distinct_pairs);
  }, 300_000);

  it('derives the same table again from its releases (what an import does first)', async () => {
    await loadShippedReference(db, await readShippedReferenceFiles()); // idempotent
    await db.exec(sql`CREATE OR REPLACE TEMP TABLE shipped_copy AS SELECT * FROM ref_icd10cm`);
    await restoreReleaseCodes(db);
    await deriveIcd10cm(db);
    const [diff] = await db.query(sql`
      SELECT (SELECT count(*) FROM (SELECT * FROM shipped_copy EXCEPT ALL SELECT * FROM ref_icd10cm))::INTEGER AS missing,
             (SELECT count(*) FROM (SELECT * FROM ref_icd10cm EXCEPT ALL SELECT * FROM shipped_copy))::INTEGER AS extra,
             (SELECT count(*) FROM ref_icd10cm)::INTEGER AS n`);
    expect(diff).toEqual({ missing: 0, extra: 0, n: expect.any(Number) });
    expect(diff.n).toBeGreaterThan(98_000);
  }, 60_000);
});

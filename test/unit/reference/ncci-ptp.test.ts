import { readFileSync } from 'node:fs';
import { sql } from '../../../src/engine/db/sql.ts';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/engine/db/db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { ncciPtpEditsSql } from '../../../src/engine/reference/lookups.sql.ts';
import { importNcciPtp } from '../../../src/engine/reference/ncci/import-ptp.ts';
import { FIXTURES, HAS_SHARED, SHARED_REFERENCE } from './helpers.ts';

const EXCERPT = path.join(SHARED_REFERENCE, 'ncci/practitioner-ptp-v322r0-f1.excerpt.txt');

let db: Db;
beforeEach(async () => {
  db = await createNodeDb();
}, 30_000);

describe('NCCI PTP importer', () => {
  it.skipIf(!HAS_SHARED)('loads the 35 edits of the CMS v32.2 excerpt (CRLF, AMA notice header)', async () => {
    const result = await importNcciPtp(db, { name: 'ccipra-v322r0-f1.excerpt.txt', bytes: new Uint8Array(readFileSync(EXCERPT)) });
    expect(result).toEqual({ loaded: 35, rejected: [], headerLines: 6, blankLines: 0, replaced: [] });
    const rows = await db.query(sql`SELECT column1, column2, effective, deleted, modifier_indicator, rationale FROM ref_ncci_ptp ORDER BY column1, column2`);
    expect(rows[0]).toEqual({
      column1: '0001A', column2: '0591T', effective: '2022-01-01', deleted: '2023-12-31', modifier_indicator: '1',
      rationale: 'CPT Manual or CMS manual coding instruction',
    });
    expect(rows.find((r) => r.column1 === '0001A' && r.column2 === '90473')).toMatchObject({
      effective: '2022-01-01', deleted: '2022-01-01', modifier_indicator: '9',
    });
    expect(rows.find((r) => r.column1 === '0001U' && r.column2 === '0034U')).toMatchObject({ effective: '2018-07-01', deleted: null });
    const [indicators] = await db.query(sql`
      SELECT count(*) FILTER (WHERE modifier_indicator = '0')::INTEGER AS "0", count(*) FILTER (WHERE modifier_indicator = '1')::INTEGER AS "1",
             count(*) FILTER (WHERE modifier_indicator = '9')::INTEGER AS "9", count(*) FILTER (WHERE deleted IS NULL)::INTEGER AS open
      FROM ref_ncci_ptp`);
    expect(indicators).toEqual({ '0': 5, '1': 25, '9': 5, open: 3 });
    // importing the same file again replaces its rows instead of doubling them
    expect((await importNcciPtp(db, { name: 'ccipra-v322r0-f1.excerpt.txt', bytes: new Uint8Array(readFileSync(EXCERPT)) })).loaded).toBe(35);
    const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ref_ncci_ptp`);
    expect(n).toBe(35);
  });

  it('rejects bad rows with their line and reason and loads the rest (LF, blank line, no final newline)', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'ncci-ptp-hand-made.txt')));
    const result = await importNcciPtp(db, { name: 'ccipra-v999r0-f9.txt', bytes });
    const file = 'ccipra-v999r0-f9.txt';
    expect(result).toEqual({
      loaded: 4,
      headerLines: 6,
      blankLines: 1,
      replaced: [],
      rejected: [
        { line: 10, file, reason: 'column 2 "3641" is not a 5-character CPT/HCPCS code' },
        { line: 11, file, reason: 'effective date "20200230" is not a YYYYMMDD date' },
        { line: 12, file, reason: 'deletion date "2020" is not a YYYYMMDD date or "*"' },
        { line: 13, file, reason: 'modifier indicator "2" is not 0, 1 or 9' },
        { line: 14, file, reason: 'expected 7 tab-separated columns, found 4' },
        { line: 15, file, reason: 'column 3 must be "*" or empty, found "yes"' },
        { line: 16, file, reason: 'duplicate of line 7 (97140/97530, same effective date)' },
      ],
    });
    // 18 lines = 6 header + 1 blank + 4 loaded + 7 rejected
    expect(await db.query(sql`SELECT column1, column2, effective, deleted, modifier_indicator, rationale FROM ref_ncci_ptp ORDER BY column1, effective`)).toEqual([
      { column1: '20610', column2: 'J1030', effective: '2021-04-01', deleted: null, modifier_indicator: '1', rationale: null },
      { column1: '97140', column2: '97530', effective: '2020-01-01', deleted: null, modifier_indicator: '1', rationale: 'Mutually exclusive procedures' },
      { column1: '97140', column2: '97530', effective: '2023-01-01', deleted: null, modifier_indicator: '0', rationale: 'same pair, later effective date: a separate edit' },
      { column1: '99213', column2: '36415', effective: '1996-01-01', deleted: '2010-12-31', modifier_indicator: '0', rationale: 'Standards of medical / surgical practice' },
    ]);
  });

  it('replaces an earlier quarterly version of the same part, and refuses a file with no edits', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'ncci-ptp-hand-made.txt')));
    await importNcciPtp(db, { name: 'ccipra-v321r0-f9.txt', bytes });
    const result = await importNcciPtp(db, { name: 'ccipra-v322r0-f9.txt', bytes });
    expect(result.replaced).toEqual(['ccipra-v321r0-f9.txt']);
    expect(await db.query(sql`SELECT source, count(*)::INTEGER AS n FROM ref_ncci_ptp GROUP BY source`)).toEqual([{ source: 'ccipra-v322r0-f9.txt', n: 4 }]);
    await expect(importNcciPtp(db, { name: 'notes.txt', bytes: new TextEncoder().encode('just\r\nsome text\r\n') })).rejects.toThrow(/no PTP edit rows/);
  });

  it('finds the edits active on a date of service for pairs billed in either order', async () => {
    await importNcciPtp(db, { name: 'hand-made.txt', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'ncci-ptp-hand-made.txt'))) });
    await db.exec(sql`CREATE TABLE pairs AS SELECT * FROM (VALUES
      ('97530', '97140', DATE '2022-06-01'), ('97140', '97530', DATE '2023-06-01'), ('99213', '36415', DATE '2011-01-01'),
      ('36415', '99213', DATE '2010-12-31'), ('20610', 'J1030', DATE '2021-03-31')) t(procedure_a, procedure_b, service_date)`);
    const edits = await db.query(sql`SELECT procedure_a, procedure_b, service_date, column1, effective, modifier_indicator FROM (${ncciPtpEditsSql(sql`pairs`)}) ORDER BY service_date, effective`);
    expect(edits).toEqual([
      { procedure_a: '36415', procedure_b: '99213', service_date: '2010-12-31', column1: '99213', effective: '1996-01-01', modifier_indicator: '0' },
      { procedure_a: '97530', procedure_b: '97140', service_date: '2022-06-01', column1: '97140', effective: '2020-01-01', modifier_indicator: '1' },
      { procedure_a: '97140', procedure_b: '97530', service_date: '2023-06-01', column1: '97140', effective: '2020-01-01', modifier_indicator: '1' },
      { procedure_a: '97140', procedure_b: '97530', service_date: '2023-06-01', column1: '97140', effective: '2023-01-01', modifier_indicator: '0' },
    ]);
  });
});

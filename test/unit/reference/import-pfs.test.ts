import { readFileSync } from 'node:fs';
import { sql } from '../../../src/engine/db/sql.ts';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/engine/db/db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { importReferenceFiles, removeImportedReference } from '../../../src/engine/reference/import-reference.ts';
import { loadShippedReference } from '../../../src/engine/reference/load-reference.ts';
import { importPfs, releaseFromName } from '../../../src/engine/reference/pfs/import-pfs.ts';
import { pfsIndicatorsSql } from '../../../src/engine/reference/pfs/pfs.sql.ts';
import { readShippedReferenceFiles } from '../../../src/engine/reference/shipped-files-node.ts';
import { FIXTURES, pairsRelation } from './helpers.ts';

/**
 * Hand-made PPRRVU files in CMS's two layouts (test/fixtures/reference): codes and indicators
 * invented for the tests, descriptions are placeholders. pprrvu-hand-made.csv is titled "2026 …
 * January Release" (RVU26A); PPRRVU26_APR-hand-made.txt is named for April 2026 (RVU26B).
 */
const CSV = { name: 'pprrvu-hand-made.csv', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'pprrvu-hand-made.csv'))) };
const TXT = { name: 'PPRRVU26_APR-hand-made.txt', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'PPRRVU26_APR-hand-made.txt'))) };

let db: Db;

const intervals = (code: string) =>
  db.query(sql`SELECT global_days, bilateral, valid_from, valid_to, source FROM ref_pfs WHERE code = ${code} ORDER BY valid_from`);
const on = async (code: string, date: string) => (await db.query(pfsIndicatorsSql(pairsRelation([[code, date]]))))[0];

describe('PFS indicator import', () => {
  beforeEach(async () => {
    db = await createNodeDb();
    await loadShippedReference(db, await readShippedReferenceFiles());
  }, 60_000);

  it('reads the csv layout: release from the title, modifier-less rows (else -26), every bad line with its reason', async () => {
    const result = await importPfs(db, CSV);
    const file = CSV.name;
    expect(result).toEqual({
      release: 'RVU26A', effectiveFrom: '2026-01-01', codes: 6, rows: 9, headerLines: 8, blankLines: 2,
      rejected: [
        { line: 17, file, reason: 'HCPCS "ABCD" is not a 5-character code' },
        { line: 18, file, reason: 'global days "9X9" is not one of 000/010/090/MMM/XXX/YYY/ZZZ' },
        { line: 19, file, reason: 'bilateral-surgery indicator "" is not a digit' },
        { line: 20, file, reason: 'duplicate of line 16 (99213)' },
        { line: 21, file, reason: '6 columns: the header has 20 or more' },
      ],
    });
    // 17110 is 010 in every shipped release (pprrvu_2025_Q4_RVU25D.csv.gz) and 000 in the hand-made January 2026 file
    expect(await intervals('17110')).toEqual([
      { global_days: '010', bilateral: '0', valid_from: '2020-01-01', valid_to: '2025-12-31', source: 'CMS PFS RVU20A–RVU25D' },
      { global_days: '000', bilateral: '0', valid_from: '2026-01-01', valid_to: null, source: 'CMS PFS RVU26A' },
    ]);
    expect(await intervals('20610')).toEqual([
      { global_days: '000', bilateral: '1', valid_from: '2020-01-01', valid_to: null, source: 'CMS PFS RVU20A–RVU26A' },
    ]);
    expect(await on('86153', '2026-02-01')).toMatchObject({ global_days: 'XXX', release: 'RVU26A', past_quarter: false });
    // a code the new release does not list is not in the fee schedule from its first day
    expect(await on('11042', '2025-12-31')).toMatchObject({ global_days: '000' });
    expect(await on('11042', '2026-02-01')).toMatchObject({ global_days: null, release: 'RVU26A' });
    expect(await db.query(sql`SELECT release, effective_from, codes, origin FROM ref_pfs_releases WHERE origin = 'imported'`)).toEqual([
      { release: 'RVU26A', effective_from: '2026-01-01', codes: 6, origin: 'imported' },
    ]);
  });

  it('reads the fixed-width txt layout (release from the file name) after the csv, and replaces a release imported again', async () => {
    await importPfs(db, CSV);
    const result = await importPfs(db, TXT);
    expect(result).toMatchObject({ release: 'RVU26B', effectiveFrom: '2026-04-01', codes: 4, rows: 4, headerLines: 2, blankLines: 1 });
    expect(result.rejected).toEqual([
      { line: 8, file: TXT.name, reason: '16 characters: a fixed-width PPRRVU row has at least 117' },
      { line: 9, file: TXT.name, reason: 'global days "999" is not one of 000/010/090/MMM/XXX/YYY/ZZZ' },
    ]);
    expect(await intervals('17110')).toEqual([
      { global_days: '010', bilateral: '0', valid_from: '2020-01-01', valid_to: '2025-12-31', source: 'CMS PFS RVU20A–RVU25D' },
      { global_days: '000', bilateral: '0', valid_from: '2026-01-01', valid_to: '2026-03-31', source: 'CMS PFS RVU26A' },
      { global_days: '010', bilateral: '0', valid_from: '2026-04-01', valid_to: null, source: 'CMS PFS RVU26B' },
    ]);
    // 73560 is listed only with -26 in the txt: that row stands for the code
    expect(await on('73560', '2026-05-01')).toMatchObject({ global_days: 'XXX', bilateral: '3', release: 'RVU26B' });
    expect((await importPfs(db, CSV)).release).toBe('RVU26A');
    const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ref_pfs_release_codes`);
    expect(n).toBe(6 + 4);
  });

  it('reads the PPRRVU member of an RVU zip', async () => {
    const zip = { name: 'rvu26b-hand-made.zip', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'rvu26b-hand-made.zip'))) };
    const result = await importPfs(db, zip);
    expect(result).toMatchObject({ release: 'RVU26B', effectiveFrom: '2026-04-01', codes: 4 });
    expect(result.rejected[0]).toMatchObject({ line: 8, file: 'rvu26b-hand-made.zip:PPRRVU26_APR.txt' });
  });

  it('tells the outcome per file, skips a shipped release, and takes an imported one out again', async () => {
    const shipped = { name: 'PPRRVU2025_Oct.txt', bytes: TXT.bytes };
    const garbage = { name: 'notes.csv', bytes: new TextEncoder().encode('a,b,c\n1,2,3\n') };
    const outcomes = await importReferenceFiles(db, [
      { kind: 'pfs', ...CSV },
      { kind: 'pfs', ...shipped },
      { kind: 'pfs', ...garbage },
    ]);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([[CSV.name, 'loaded'], [shipped.name, 'skipped'], [garbage.name, 'rejected']]);
    expect(outcomes[1]).toMatchObject({ result: { release: null, skipped: 'RVU25D is shipped with Denial Lens already (as RVU25D)' } });
    expect(outcomes[2]).toMatchObject({ result: null, error: 'no "HCPCS,MOD,DESCRIPTION" header line: not a CMS PPRRVU file' });
    await removeImportedReference(db, [{ kind: 'pfs', name: CSV.name, releases: ['RVU26A'] }]);
    expect(await intervals('17110')).toEqual([
      { global_days: '010', bilateral: '0', valid_from: '2020-01-01', valid_to: null, source: 'CMS PFS RVU20A–RVU25D' },
    ]);
    expect(await db.query(sql`SELECT count(*)::INTEGER AS n FROM ref_pfs_releases`)).toEqual([{ n: 21 }]);
  });
});

describe('PFS release names', () => {
  it('names a release from CMS file names', () => {
    expect(releaseFromName('PPRRVU26_JAN.txt')).toEqual({ name: 'RVU26A', effectiveFrom: '2026-01-01' });
    expect(releaseFromName('PPRRVU2026_Jul_nonQPP.csv')).toEqual({ name: 'RVU26C', effectiveFrom: '2026-07-01' });
    expect(releaseFromName('rvu26d.zip:PPRRVU.txt')).toEqual({ name: 'RVU26D', effectiveFrom: '2026-10-01' });
    expect(releaseFromName('fee-schedule.txt')).toBeNull();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { sql } from '../../../src/engine/db/sql.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/engine/db/db.ts';
import { createNodeDb } from '../../../src/engine/db/node-db.ts';
import { loadShippedReference } from '../../../src/engine/reference/load-reference.ts';
import { pfsIndicatorsSql } from '../../../src/engine/reference/pfs/pfs.sql.ts';
import { readShippedReferenceFiles } from '../../../src/engine/reference/shipped-files-node.ts';
import { pairsRelation } from './helpers.ts';

/**
 * The shipped fee-schedule indicators against the CMS PPRRVU extracts they were built from
 * (../shared/reference-data/cms-pfs-indicators: _spotchecks.csv, and rows read from the
 * release files). In a worktree under /work/wt, ../shared is two levels up.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PFS_SOURCE = ['../shared', '../../shared'].map((d) => path.resolve(ROOT, d, 'reference-data/cms-pfs-indicators')).find((d) => existsSync(d));

let db: Db;
beforeAll(async () => {
  db = await createNodeDb();
  await loadShippedReference(db, await readShippedReferenceFiles());
}, 60_000);

interface Indicators {
  code: string;
  service_date: string;
  global_days: string | null;
  bilateral: string | null;
  release: string | null;
  release_from: string | null;
  past_quarter: boolean;
}

async function indicators(code: string, date: string): Promise<Indicators> {
  const rows = await db.query<Indicators>(pfsIndicatorsSql(pairsRelation([[code, date]])));
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Plain CSV with quoted fields and no commas inside them (the extracts' format). */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
  return lines.map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i]])));
}

describe('shipped CMS PFS indicators', () => {
  it.skipIf(!PFS_SOURCE)('agree with _spotchecks.csv in every release, on the release’s effective date', async () => {
    const spot = csvRows(readFileSync(path.join(PFS_SOURCE!, '_spotchecks.csv'), 'utf8'));
    const releases = await db.query<{ release: string; effective_from: string }>(sql`SELECT release, effective_from FROM ref_pfs_releases ORDER BY effective_from`);
    expect(releases.map((r) => r.release)).toEqual(spot.map((s) => s.file.split('_')[2]));
    for (const [i, row] of spot.entries()) {
      const date = releases[i].effective_from;
      const at = async (code: string) => {
        const x = await indicators(code, date);
        expect(x.release).toBe(releases[i].release);
        return x;
      };
      for (const code of ['20610', '29881', '99213', '36415', '11042', '17110']) {
        expect({ code, date, global: (await at(code)).global_days }).toEqual({ code, date, global: row[`glob_${code}`] });
      }
      for (const code of ['73560', '20610']) {
        expect({ code, date, bilateral: (await at(code)).bilateral }).toEqual({ code, date, bilateral: row[`bilat_${code}`] });
      }
    }
  });

  it.skipIf(!PFS_SOURCE)('has one row per code and release of the source files, merged into intervals', async () => {
    // 0446T: pprrvu_2020_Q4_RVU20D.csv.gz line 448 "2020","Q4","0446T","","C","YYY","9","9","9",…;
    // 000 / bilateral 0 from pprrvu_2021_Q1_RVU21A.csv.gz on (RVU25D line 406 "0446T","","A","000","0","2","0",…)
    const rows = (file: string, code: string) =>
      csvRows(gunzipSync(readFileSync(path.join(PFS_SOURCE!, file))).toString('utf8')).filter((r) => r.hcpcs === code && r.modifier === '');
    expect(rows('pprrvu_2020_Q4_RVU20D.csv.gz', '0446T')).toMatchObject([{ global_days: 'YYY', bilat_surg: '9' }]);
    expect(rows('pprrvu_2021_Q1_RVU21A.csv.gz', '0446T')).toMatchObject([{ global_days: '000', bilat_surg: '0' }]);
    expect(await db.query(sql`SELECT global_days, bilateral, valid_from, valid_to, source FROM ref_pfs WHERE code = '0446T' ORDER BY valid_from`)).toEqual([
      { global_days: 'YYY', bilateral: '9', valid_from: '2020-01-01', valid_to: '2020-12-31', source: 'CMS PFS RVU20A–RVU20D' },
      { global_days: '000', bilateral: '0', valid_from: '2021-01-01', valid_to: null, source: 'CMS PFS RVU21A–RVU25D' },
    ]);
    // 0466T: ZZZ in RVU21D, absent from pprrvu_2022_Q1_RVU22A.csv.gz: the interval ends 2021-12-31
    expect(rows('pprrvu_2022_Q1_RVU22A.csv.gz', '0466T')).toEqual([]);
    expect(await indicators('0466T', '2021-12-31')).toMatchObject({ global_days: 'ZZZ', release: 'RVU21D' });
    expect(await indicators('0466T', '2022-01-01')).toMatchObject({ global_days: null, bilateral: null, release: 'RVU22A' });
  });

  it('answers dates after the newest release with it, and says so; dates before the first with nothing', async () => {
    // pprrvu_2025_Q4_RVU25D.csv.gz line 3226: "2025","Q4","29881","","A","090","0","3","1",…
    expect(await indicators('29881', '2025-11-15')).toMatchObject({ global_days: '090', bilateral: '1', release: 'RVU25D', past_quarter: false });
    expect(await indicators('29881', '2026-12-01')).toMatchObject({ global_days: '090', release: 'RVU25D', release_from: '2025-10-01', past_quarter: true });
    // RVU24D..RVU25C are not shipped: RVU24C answers 2025-03-01, past its quarter
    expect(await indicators('29881', '2025-03-01')).toMatchObject({ global_days: '090', release: 'RVU24C', past_quarter: true });
    expect(await indicators('29881', '2019-12-31')).toMatchObject({ global_days: null, release: null, past_quarter: false });
    expect(await indicators('NOTME', '2025-11-15')).toMatchObject({ global_days: null, release: 'RVU25D' });
  });

  it('uses the -26 row for a code CMS lists only with -26 (86153), never the -TC row', async () => {
    // every pprrvu_*.csv.gz lists 86153 once, with modifier 26 (pprrvu_2025_Q4_RVU25D.csv.gz line 10416:
    // "2025","Q4","86153","26","A","XXX","6","0","0",…)
    expect(await indicators('86153', '2024-05-01')).toMatchObject({ global_days: 'XXX', bilateral: '0' });
    const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM (SELECT code FROM ref_pfs GROUP BY code, valid_from HAVING count(*) > 1)`);
    expect(n).toBe(0);
  });
});

/**
 * Builds the shipped CMS Physician Fee Schedule indicators (public/reference/pfs-indicators.csv.gz
 * and pfs-releases.csv) from the PPRRVU extracts in ../shared/reference-data/cms-pfs-indicators
 * (one csv.gz per quarterly release, descriptions already removed; see its SOURCES.md), with the
 * same derivation the in-app importer uses (src/engine/reference/pfs/pfs.sql.ts).
 * Run: npm run reference-data:pfs
 *
 * Per release and code: the modifier-less row, else the -26 row (86153, G0452 have no other);
 * -TC and -53 rows are not used. Effective dates are the ones _provenance.csv records (RVU24AR,
 * a re-release with the same indicators, 2024-03-09), else the first day of the quarter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { sql } from '../src/engine/db/sql.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeDb } from '../src/engine/db/node-db.ts';
import { GLOBAL_DAYS } from '../src/engine/reference/pfs/pprrvu-file.ts';
import { DERIVE_PFS_SQL, exportPfsReleasesSql, exportPfsSql } from '../src/engine/reference/pfs/pfs.sql.ts';
import { REFERENCE_SCHEMA_SQL } from '../src/engine/reference/reference.sql.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared beside the checkout (or beside the folder of worktrees, /work/wt/<branch>). */
const SOURCE = ['../shared', '../../shared']
  .map((dir) => path.resolve(ROOT, dir, 'reference-data/cms-pfs-indicators'))
  .find((dir) => existsSync(dir));
const OUT = path.join(ROOT, 'public/reference');
const QUARTER_START = { Q1: '01-01', Q2: '04-01', Q3: '07-01', Q4: '10-01' } as const;

interface Provenance {
  key: string;
  release: string;
  quarter: keyof typeof QUARTER_START;
  year: string;
  original_file: string;
  effective: string;
  zip: string;
  rows_out: string;
}

async function main(): Promise<void> {
  if (!SOURCE) throw new Error('../shared/reference-data/cms-pfs-indicators not found: the PPRRVU extracts are read from ../shared');
  const provenance = readProvenance(SOURCE);
  const files = readdirSync(SOURCE).filter((f) => /^pprrvu_.*\.csv\.gz$/.test(f)).sort();
  if (files.length !== provenance.length) throw new Error(`${files.length} pprrvu files, ${provenance.length} rows in _provenance.csv`);
  const db = await createNodeDb();
  await db.exec(REFERENCE_SCHEMA_SQL);
  for (const p of provenance) {
    const file = `pprrvu_${p.key}.csv.gz`;
    if (!files.includes(file)) throw new Error(`${file} (in _provenance.csv) not found`);
    await db.registerFile(file, new Uint8Array(readFileSync(path.join(SOURCE, file))));
    await db.exec(sql`CREATE OR REPLACE TEMP TABLE rows AS
      SELECT hcpcs AS code, coalesce(modifier, '') AS modifier, global_days, bilat_surg AS bilateral, release
      FROM read_csv(${file}, header = true, all_varchar = true)`);
    const [check] = await db.query<{ rows: number; bad: number; releases: string; duplicates: number }>(sql`
      SELECT count(*)::INTEGER AS rows,
             count(*) FILTER (WHERE NOT regexp_matches(code, '^[0-9A-Z]{5}$') OR NOT list_contains(${GLOBAL_DAYS}, global_days)
                              OR NOT regexp_matches(bilateral, '^[0-9]$'))::INTEGER AS bad,
             string_agg(DISTINCT release, ',') AS releases,
             (count(*) - count(DISTINCT (code, modifier)))::INTEGER AS duplicates
      FROM rows`);
    if (check.rows !== Number(p.rows_out) || check.bad || check.duplicates || check.releases !== p.release) {
      throw new Error(`${file}: ${JSON.stringify(check)}; _provenance.csv says ${p.rows_out} rows of ${p.release}`);
    }
    const effective = p.effective !== 'NA' ? p.effective : `${p.year}-${QUARTER_START[p.quarter]}`;
    const cms = `${p.original_file}${p.zip !== 'NA' ? ` (${p.zip})` : ''}`;
    await db.exec(sql`
      INSERT INTO ref_pfs_release_codes
      SELECT ${p.release}, code, global_days, bilateral
      FROM (SELECT *, row_number() OVER (PARTITION BY code ORDER BY modifier <> '') AS n FROM rows WHERE modifier IN ('', '26'))
      WHERE n = 1;
      INSERT INTO ref_pfs_releases
      SELECT ${p.release}, ${effective}::DATE, count(*)::INTEGER, ${`CMS PPRRVU ${p.release}: ${cms}`}, 'shipped'
      FROM ref_pfs_release_codes WHERE release = ${p.release};
      DROP TABLE rows`);
    await db.dropFile(file);
  }
  await db.exec(DERIVE_PFS_SQL);
  const indicators = path.join(OUT, 'pfs-indicators.csv.gz');
  const releases = path.join(OUT, 'pfs-releases.csv');
  await db.exec(exportPfsSql(indicators));
  await db.exec(exportPfsReleasesSql(releases));
  for (const row of await db.query(sql`SELECT release, effective_from, codes FROM ref_pfs_releases ORDER BY effective_from`)) console.log(row);
  console.log(...(await db.query(sql`
    SELECT count(*)::INTEGER AS intervals, count(DISTINCT code)::INTEGER AS codes,
           count(*) FILTER (WHERE valid_to IS NULL)::INTEGER AS in_newest_release,
           (SELECT count(*) FROM (SELECT code FROM ref_pfs GROUP BY code HAVING count(*) > 1))::INTEGER AS codes_with_changes
    FROM ref_pfs`)));
  console.log(`${path.relative(ROOT, indicators)}: ${statSync(indicators).size} bytes`);
  console.log(`${path.relative(ROOT, releases)}: ${statSync(releases).size} bytes`);
  await db.close();
}

/** _provenance.csv: quoted strings, NA for missing values, no commas inside fields except the quoted source. */
function readProvenance(SOURCE: string): Provenance[] {
  const [header, ...lines] = readFileSync(path.join(SOURCE, '_provenance.csv'), 'utf8').trim().split('\n');
  const split = (line: string) => [...line.matchAll(/"([^"]*)"|([^,]+)|(?<=,)(?=,|$)/g)].map((m) => m[1] ?? m[2] ?? '');
  const names = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [names[i], v])) as unknown as Provenance);
}

await main();

import type { Db } from '../../db/db.ts';
import { REFERENCE_SCHEMA_SQL } from '../reference.sql.ts';
import type { Conversion } from './conversion-table.ts';
import type { OrderRecord } from './order-file.ts';
import {
  conversionsFromIntervalsSql,
  DERIVE_INTERVALS_SQL,
  releaseCodesFromIntervalsSql,
  releaseCodesFromStagingSql,
  STAGING_SQL,
  DROP_STAGING_SQL,
} from './derive.sql.ts';
import { sql, type Sql } from '../../db/sql.ts';
import {
  RELEASE_ROWS_SQL,
  deleteReleaseSql,
  insertReleaseSql,
  setEffectiveToSql,
  CONVERSIONS_STAGING_SQL,
  conversionsFromStagingSql,
  RELEASES_WITHOUT_CODES_SQL,
} from './releases.sql.ts';
import { releaseEffectiveFrom, releaseEffectiveTo, releaseKey, type ReleaseName } from './releases.ts';

/** The steps shared by the build script and the in-app importer; the rules are in derive.sql.ts. */

export type Origin = 'shipped' | 'imported';

const BATCH = 50_000;

/** Add (or replace) one release's code set, with its per-release facts (unspecified, laterality). */
export async function addRelease(
  db: Db,
  release: ReleaseName & { source: string; origin: Origin },
  records: readonly OrderRecord[],
): Promise<void> {
  await stageRelease(db, records);
  await commitStagedRelease(db, release);
}

/** Put one order file's records into the staging table (checks can look at it before committing). */
export async function stageRelease(db: Db, records: readonly OrderRecord[]): Promise<void> {
  await db.exec(REFERENCE_SCHEMA_SQL);
  await db.exec(STAGING_SQL);
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    await db.insertColumns('ref_icd10cm_staging', {
      code: batch.map((r) => r.code),
      billable: batch.map((r) => r.billable),
      short_desc: batch.map((r) => r.shortDesc),
      long_desc: batch.map((r) => r.longDesc),
    });
  }
}

export async function commitStagedRelease(db: Db, release: ReleaseName & { source: string; origin: Origin }): Promise<void> {
  const key = releaseKey(release);
  await db.exec(deleteReleaseSql(key));
  await db.exec(releaseCodesFromStagingSql(key));
  await db.exec(
    insertReleaseSql({
      release: key,
      fiscalYear: release.fiscalYear,
      effectiveFrom: releaseEffectiveFrom(release),
      source: release.source,
      origin: release.origin,
    }),
  );
  await db.exec(DROP_STAGING_SQL);
}

export async function addConversions(db: Db, conversions: readonly Conversion[], source: string): Promise<void> {
  await db.exec(REFERENCE_SCHEMA_SQL);
  await db.exec(CONVERSIONS_STAGING_SQL);
  for (let start = 0; start < conversions.length; start += BATCH) {
    const batch = conversions.slice(start, start + BATCH);
    await db.insertColumns('ref_icd10cm_conversions_staging', {
      effective: batch.map((c) => c.effective),
      previous_code: batch.map((c) => c.previousCode),
      current_code: batch.map((c) => c.currentCode),
    });
  }
  await db.exec(conversionsFromStagingSql(source));
}

/**
 * Before deriving again: give every loaded release that only exists as intervals (the shipped
 * table) its code set and its replacement facts back, so that nothing is lost.
 */
export async function restoreReleaseCodes(db: Db, intervals: Sql = sql`ref_icd10cm`): Promise<void> {
  if ((await db.query(RELEASES_WITHOUT_CODES_SQL)).length === 0) return;
  await db.exec(conversionsFromIntervalsSql(intervals));
  await db.exec(releaseCodesFromIntervalsSql(intervals));
}

/** Recompute each release's last covered date, then rebuild ref_icd10cm from all releases. */
export async function deriveIcd10cm(db: Db): Promise<void> {
  const releases = (await db.query<{ release: string; fiscal_year: number; effective_from: string }>(RELEASE_ROWS_SQL)).map(
    (r) => ({ key: r.release, name: releaseNameOf(r.fiscal_year, r.effective_from) }),
  );
  const names = releases.map((r) => r.name);
  for (const r of releases) await db.exec(setEffectiveToSql(r.key, releaseEffectiveTo(r.name, names)));
  await db.exec(DERIVE_INTERVALS_SQL);
}

function releaseNameOf(fiscalYear: number, effectiveFrom: string): ReleaseName {
  const month = effectiveFrom.slice(5, 7);
  return { fiscalYear, update: month === '10' ? 'october' : month === '01' ? 'january' : 'april' };
}


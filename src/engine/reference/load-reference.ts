import type { Db } from '../db/db.ts';
import { deriveIcd10cm, restoreReleaseCodes } from './icd10cm/derive.ts';
import { derivePfs } from './pfs/import-pfs.ts';
import { loadShippedPfsSql } from './pfs/pfs.sql.ts';
import { PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS } from './procedure-facts.ts';
import { replaceProcedureFactsSql } from './procedure.sql.ts';
import { REFERENCE_SCHEMA_SQL } from './reference.sql.ts';
import { sql } from '../db/sql.ts';
import {
  DROP_SHIPPED_STAGING_SQL,
  IMPORTED_RELEASE_COUNT_SQL,
  loadShippedReleasesSql,
  readShippedIcd10cmSql,
  REPLACE_WITH_SHIPPED_SQL,
} from './shipped.sql.ts';

/** The files under public/reference that the app fetches lazily. */
export const SHIPPED_REFERENCE_FILES = {
  icd10cm: 'icd10cm.csv.gz',
  releases: 'icd10cm-releases.csv',
  pfs: 'pfs-indicators.csv.gz',
  pfsReleases: 'pfs-releases.csv',
} as const;

export type ShippedReferenceBytes = Record<keyof typeof SHIPPED_REFERENCE_FILES, Uint8Array>;

/**
 * Create the reference tables (idempotent) and fill them with the shipped data: ICD-10-CM
 * and the CMS fee-schedule indicators from the shipped CSVs, the procedure starter lists from
 * procedure-facts.ts. Releases the user imported are kept; when there are any, all intervals
 * are derived again.
 */
export async function loadShippedReference(db: Db, bytes: ShippedReferenceBytes): Promise<void> {
  await db.exec(REFERENCE_SCHEMA_SQL);
  // A web server may send the .gz with Content-Encoding: gzip, so the browser hands us plain
  // CSV: name the registered file by what the bytes are, not by what the URL said.
  const icdFile = gzipped(bytes.icd10cm) ? 'ref_shipped_icd10cm.csv.gz' : 'ref_shipped_icd10cm.csv';
  const releasesFile = `ref_shipped_${SHIPPED_REFERENCE_FILES.releases}`;
  await db.registerFile(icdFile, bytes.icd10cm);
  await db.registerFile(releasesFile, bytes.releases);
  try {
    await db.exec(readShippedIcd10cmSql(icdFile));
    await db.exec(loadShippedReleasesSql(releasesFile));
    const [{ n: imported }] = await db.query<{ n: number }>(IMPORTED_RELEASE_COUNT_SQL);
    if (imported === 0) {
      await db.exec(REPLACE_WITH_SHIPPED_SQL);
    } else {
      await restoreReleaseCodes(db, sql`ref_icd10cm_shipped`);
      await deriveIcd10cm(db);
    }
    await db.exec(DROP_SHIPPED_STAGING_SQL);
  } finally {
    await db.dropFile(icdFile);
    await db.dropFile(releasesFile);
  }
  await loadShippedPfs(db, bytes);
  await db.exec(replaceProcedureFactsSql(PROCEDURE_CODE_FACTS, PROCEDURE_GROUPS));
}

async function loadShippedPfs(db: Db, bytes: ShippedReferenceBytes): Promise<void> {
  const pfsFile = gzipped(bytes.pfs) ? 'ref_shipped_pfs.csv.gz' : 'ref_shipped_pfs.csv';
  const releasesFile = `ref_shipped_${SHIPPED_REFERENCE_FILES.pfsReleases}`;
  await db.registerFile(pfsFile, bytes.pfs);
  await db.registerFile(releasesFile, bytes.pfsReleases);
  try {
    await db.exec(loadShippedPfsSql(pfsFile, releasesFile));
    await derivePfs(db);
  } finally {
    await db.dropFile(pfsFile);
    await db.dropFile(releasesFile);
  }
}

const gzipped = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

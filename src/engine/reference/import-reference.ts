import type { Db } from '../db/db.ts';
import { conversionSource, importIcd10cmRelease, type Icd10cmImportResult, type ImportedIcd10cmRelease } from './icd10cm/import.ts';
import { deriveIcd10cm, restoreReleaseCodes } from './icd10cm/derive.ts';
import type { ReleaseName } from './icd10cm/releases.ts';
import { importNcciPtp, type NcciPtpImportResult } from './ncci/import-ptp.ts';
import { importPfs, removeImportedPfs, type PfsImportResult } from './pfs/import-pfs.ts';
import { removeImportedSql } from './import-reference.sql.ts';
import { messageOf } from '../message-of.ts';

/**
 * One batch of official reference files the user imports (or the app re-imports at start-up):
 * ICD-10-CM order files / release zips / conversion tables, NCCI practitioner PTP files and
 * CMS fee-schedule indicator files (PPRRVU).
 * The outcome is told per file, in the order given, so that the page can show it and keep
 * exactly the files that changed the reference.
 */
export type ReferenceKind = 'icd10cm' | 'ncci-ptp' | 'pfs';

export interface ReferenceImportFile {
  kind: ReferenceKind;
  name: string;
  bytes: Uint8Array;
  /** ICD-10-CM only: the user's choice of release, over detection. */
  release?: ReleaseName;
}

/** loaded: something in it is now in the reference; skipped: nothing new in it; rejected: nothing could be read. */
export type ReferenceFileStatus = 'loaded' | 'skipped' | 'rejected';

export interface Icd10cmFileOutcome {
  kind: 'icd10cm';
  name: string;
  status: ReferenceFileStatus;
  loaded: ImportedIcd10cmRelease[];
  skipped: Icd10cmImportResult['skipped'];
  rejected: Icd10cmImportResult['rejected'];
  conversions: Icd10cmImportResult['conversions'];
}

export interface NcciFileOutcome {
  kind: 'ncci-ptp';
  name: string;
  status: ReferenceFileStatus;
  /** null when the file could not be read at all (then `error` says why). */
  result: NcciPtpImportResult | null;
  error?: string;
}

export interface PfsFileOutcome {
  kind: 'pfs';
  name: string;
  status: ReferenceFileStatus;
  /** null when the file could not be read at all (then `error` says why). */
  result: PfsImportResult | null;
  error?: string;
}

export type ReferenceFileOutcome = Icd10cmFileOutcome | NcciFileOutcome | PfsFileOutcome;

/** The ICD-10-CM files go in one importer call (releases are derived once); PTP and PFS files follow in order. */
export async function importReferenceFiles(db: Db, files: readonly ReferenceImportFile[]): Promise<ReferenceFileOutcome[]> {
  const names = files.map((f) => f.name);
  const duplicate = (i: number) => names.indexOf(names[i]) !== i;
  const icd = files.filter((f, i) => f.kind === 'icd10cm' && !duplicate(i));
  const icdResult = icd.length > 0 ? await importIcd10cmRelease(db, icd) : undefined;

  const outcomes: ReferenceFileOutcome[] = [];
  for (const [i, file] of files.entries()) {
    if (duplicate(i)) {
      outcomes.push(rejectedFile(file, 'another file of this import has the same name; import it on its own'));
    } else if (file.kind === 'icd10cm') {
      outcomes.push(icd10cmOutcome(file.name, names, icdResult!));
    } else if (file.kind === 'pfs') {
      outcomes.push(await pfsOutcome(db, file));
    } else {
      outcomes.push(await ptpOutcome(db, file));
    }
  }
  return outcomes;
}

function icd10cmOutcome(name: string, names: readonly string[], result: Icd10cmImportResult): Icd10cmFileOutcome {
  const mine = <T extends { file: string }>(rows: T[]) => rows.filter((row) => fileOf(row.file, names) === name);
  const outcome = {
    loaded: mine(result.loaded),
    skipped: mine(result.skipped),
    rejected: mine(result.rejected),
    conversions: mine(result.conversions),
  };
  const status: ReferenceFileStatus =
    outcome.loaded.length > 0 || outcome.conversions.length > 0 ? 'loaded' : outcome.skipped.length > 0 ? 'skipped' : 'rejected';
  return { kind: 'icd10cm', name, status, ...outcome };
}

/**
 * The importer labels what it read as "file" or "file:member"; a label belongs to the longest
 * file name it starts with (a name may itself contain ':').
 */
function fileOf(label: string, names: readonly string[]): string | undefined {
  return names
    .filter((name) => label === name || label.startsWith(`${name}:`))
    .sort((a, b) => b.length - a.length)[0];
}

async function ptpOutcome(db: Db, file: ReferenceImportFile): Promise<NcciFileOutcome> {
  try {
    const result = await importNcciPtp(db, file);
    return { kind: 'ncci-ptp', name: file.name, status: result.loaded > 0 ? 'loaded' : 'rejected', result };
  } catch (error) {
    return { kind: 'ncci-ptp', name: file.name, status: 'rejected', result: null, error: messageOf(error) };
  }
}

async function pfsOutcome(db: Db, file: ReferenceImportFile): Promise<PfsFileOutcome> {
  try {
    const result = await importPfs(db, file);
    return { kind: 'pfs', name: file.name, status: result.release ? 'loaded' : 'skipped', result };
  } catch (error) {
    return { kind: 'pfs', name: file.name, status: 'rejected', result: null, error: messageOf(error) };
  }
}

function rejectedFile(file: ReferenceImportFile, reason: string): ReferenceFileOutcome {
  return file.kind === 'icd10cm'
    ? { kind: 'icd10cm', name: file.name, status: 'rejected', loaded: [], skipped: [], conversions: [], rejected: [{ file: file.name, reason }] }
    : { kind: file.kind, name: file.name, status: 'rejected', result: null, error: reason };
}

/** An imported file, to take its data out again. */
export interface ImportedReferenceFile {
  kind: ReferenceKind;
  name: string;
  /** ICD-10-CM or PFS releases that were loaded from it (e.g. 'FY2027', 'RVU26A'). */
  releases: string[];
}

/**
 * Take imported files' data out again: their ICD-10-CM releases (imported ones only: shipped
 * releases are never removed) and conversion facts, after which every interval is derived again
 * from the releases left; their NCCI PTP rows; their PFS releases (intervals derived again).
 * Call refresh() afterwards to re-classify.
 */
export async function removeImportedReference(db: Db, files: readonly ImportedReferenceFile[]): Promise<void> {
  const icd = files.filter((f) => f.kind === 'icd10cm');
  if (icd.length > 0) await restoreReleaseCodes(db);
  await db.exec(
    removeImportedSql({
      releases: icd.flatMap((f) => f.releases),
      conversionSources: icd.map((f) => conversionSource(f.name)),
      ptpFiles: files.filter((f) => f.kind === 'ncci-ptp').map((f) => f.name),
    }),
  );
  if (icd.length > 0) await deriveIcd10cm(db);
  await removeImportedPfs(db, files.filter((f) => f.kind === 'pfs').flatMap((f) => f.releases));
}

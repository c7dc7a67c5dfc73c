import type { Db } from '../../db/db.ts';
import { sha256Hex } from '../../ingest/sha256.ts';
import { bytesSource } from '../../ingest/byte-source.ts';
import { isZip, zipEntries } from '../files/zip.ts';
import { REFERENCE_SCHEMA_SQL } from '../reference.sql.ts';
import { parseConversionTable } from './conversion-table.ts';
import { addConversions, commitStagedRelease, deriveIcd10cm, restoreReleaseCodes, stageRelease } from './derive.ts';
import { detectRelease } from './detect.ts';
import { parseOrderFile, type OrderRecord } from './order-file.ts';
import { RELEASE_DISTANCES_TO_STAGED_SQL, RELEASE_ROWS_SQL } from './releases.sql.ts';
import { DROP_STAGING_SQL } from './derive.sql.ts';
import { releaseEffectiveFrom, releaseKey, type ReleaseName } from './releases.ts';
import { messageOf } from '../../message-of.ts';

/**
 * Import official ICD-10-CM releases the user downloaded from CDC/NCHS or CMS: order files
 * (icd10cm-order-*.txt, icd10cm_order_*.txt), the release zips that contain one (any folder),
 * and CDC conversion tables (*.xlsx, used for replacements). Several years at once. Each order
 * file's release is detected (detect.ts) unless the user chose it; then all intervals are
 * derived again from every loaded release, shipped and imported, by the build script's code.
 */
export interface Icd10cmImportFile {
  name: string;
  bytes: Uint8Array;
  /** The user's choice of release for the order file(s) in this file; overrides detection. */
  release?: ReleaseName;
}

export interface ImportedIcd10cmRelease {
  file: string;
  release: string;
  fiscalYear: number;
  effectiveFrom: string;
  detectedBy: 'user' | 'hash' | 'file name';
  headers: number;
  codes: number;
  warnings: string[];
}

export interface Icd10cmImportResult {
  loaded: ImportedIcd10cmRelease[];
  /** Files whose content is already loaded (e.g. the shipped FY2025, or an April update that changed nothing). */
  skipped: { file: string; release?: string; reason: string }[];
  conversions: { file: string; rows: number }[];
  rejected: { file: string; reason: string; lines?: { line: number; reason: string }[] }[];
}

interface OrderFile {
  label: string;
  names: string[];
  sha256: string;
  records: OrderRecord[];
  choice?: ReleaseName;
}

const ORDER_FILE = /icd10cm[-_]order[-_](?!.*addenda).*\.txt$/i;
const SHOWN_LINE_PROBLEMS = 20;

export async function importIcd10cmRelease(db: Db, files: readonly Icd10cmImportFile[]): Promise<Icd10cmImportResult> {
  await db.exec(REFERENCE_SCHEMA_SQL);
  const result: Icd10cmImportResult = { loaded: [], skipped: [], conversions: [], rejected: [] };
  const orderFiles: OrderFile[] = [];
  for (const file of files) {
    try {
      await collect(db, file, orderFiles, result);
    } catch (error) {
      result.rejected.push(rejection(file.name, error));
    }
  }
  if (orderFiles.length === 0 && result.conversions.length === 0) return result;

  await restoreReleaseCodes(db);
  const detected = orderFiles.flatMap((file) => {
    const detection = detectRelease(file.sha256, file.names, file.choice);
    if (!detection.release) {
      result.rejected.push({ file: file.label, reason: detection.problem });
      return [];
    }
    return [{ file, ...detection }];
  });
  detected.sort((a, b) => releaseEffectiveFrom(a.release).localeCompare(releaseEffectiveFrom(b.release)));
  for (const { file, release, detectedBy } of detected) {
    await stageRelease(db, file.records);
    const outcome = await checkStaged(db, release, detectedBy);
    if ('skip' in outcome) {
      result.skipped.push({ file: file.label, release: releaseKey(release), reason: outcome.skip });
      await db.exec(DROP_STAGING_SQL);
      continue;
    }
    if ('reject' in outcome) {
      result.rejected.push({ file: file.label, reason: outcome.reject });
      await db.exec(DROP_STAGING_SQL);
      continue;
    }
    await commitStagedRelease(db, {
      ...release,
      origin: 'imported',
      source: `imported by the user: ${file.label} (sha256 ${file.sha256})`,
    });
    const codes = file.records.filter((r) => r.billable).length;
    result.loaded.push({
      file: file.label,
      release: releaseKey(release),
      fiscalYear: release.fiscalYear,
      effectiveFrom: releaseEffectiveFrom(release),
      detectedBy,
      headers: file.records.length - codes,
      codes,
      warnings: outcome.warnings,
    });
  }
  if (result.loaded.length > 0 || result.conversions.length > 0) await deriveIcd10cm(db);
  return result;
}

/** Order files and conversion tables out of one dropped file (plain or zip). */
async function collect(db: Db, file: Icd10cmImportFile, orderFiles: OrderFile[], result: Icd10cmImportResult): Promise<void> {
  if (!isZip(file.bytes)) {
    if (/\.txt$/i.test(file.name) && /codes?[-_]/i.test(file.name) && !ORDER_FILE.test(file.name)) {
      throw new Error('this is a "codes" file (billable codes only); import the order file (icd10cm-order-…), which also lists the headers');
    }
    orderFiles.push(await orderFile(file.name, [file.name], file.bytes, file.release));
    return;
  }
  if (/\.xlsx$/i.test(file.name)) {
    await addConversionTable(db, file.name, file.bytes, result);
    return;
  }
  const members = zipEntries(file.bytes).filter((e) => !e.name.endsWith('/'));
  const orders = members.filter((e) => ORDER_FILE.test(e.name));
  const tables = members.filter((e) => /conversion.*\.xlsx$/i.test(e.name));
  if (orders.length === 0 && tables.length === 0) {
    throw new Error('no ICD-10-CM order file (icd10cm-order-*.txt / icd10cm_order_*.txt) or conversion table in this zip');
  }
  for (const member of orders) {
    const label = `${file.name}:${member.name}`;
    try {
      orderFiles.push(await orderFile(label, [member.name, file.name], await member.read(), file.release));
    } catch (error) {
      result.rejected.push(rejection(label, error));
    }
  }
  for (const member of tables) await addConversionTable(db, `${file.name}:${member.name}`, await member.read(), result);
}

async function orderFile(label: string, names: string[], bytes: Uint8Array, choice?: ReleaseName): Promise<OrderFile> {
  const parsed = parseOrderFile(bytes);
  if (parsed.rejected.length > 0) {
    throw new LayoutError(
      `${parsed.rejected.length} line(s) do not follow the ICD-10-CM order-file layout; nothing was loaded from this file` +
        (parsed.records.length === 0 ? ' (is it an order file?)' : ''),
      parsed.rejected.slice(0, SHOWN_LINE_PROBLEMS),
    );
  }
  if (parsed.records.length === 0) throw new Error('empty file');
  return { label, names, sha256: await sha256Hex(bytesSource(bytes)), records: parsed.records, choice };
}

async function addConversionTable(db: Db, label: string, bytes: Uint8Array, result: Icd10cmImportResult): Promise<void> {
  const rows = await parseConversionTable(bytes);
  await addConversions(db, rows, conversionSource(label));
  result.conversions.push({ file: label, rows: rows.length });
}

/** The source recorded with conversion facts from a table the user imported (a file, or "zip:member"). */
export function conversionSource(label: string): string {
  return `CDC/NCHS conversion table imported by the user: ${label}`;
}

class LayoutError extends Error {
  constructor(
    message: string,
    readonly lines: { line: number; reason: string }[],
  ) {
    super(message);
  }
}

function rejection(file: string, error: unknown): Icd10cmImportResult['rejected'][number] {
  const reason = messageOf(error);
  return error instanceof LayoutError ? { file, reason, lines: error.lines } : { file, reason };
}

type Outcome = { skip: string } | { reject: string } | { warnings: string[] };

/** Is the staged file what it was detected as, given the loaded releases? */
async function checkStaged(db: Db, release: ReleaseName, detectedBy: ImportedIcd10cmRelease['detectedBy']): Promise<Outcome> {
  const key = releaseKey(release);
  const loaded = await db.query<{ release: string; effective_from: string; origin: string }>(RELEASE_ROWS_SQL);
  const distances = await db.query<{ release: string; effective_from: string; distance: number }>(RELEASE_DISTANCES_TO_STAGED_SQL);
  const identical = distances.filter((d) => d.distance === 0).map((d) => d.release);
  if (identical.includes(key)) return { skip: `${key} is already loaded with the same codes` };
  if (loaded.find((r) => r.release === key)?.origin === 'shipped') {
    return { reject: `differs from the shipped ${key}; the shipped official release is kept` };
  }
  if (identical.length > 0 && detectedBy !== 'user') {
    return { skip: `same codes as the loaded ${identical.join(', ')}: nothing changes (choose the release to load it as ${key} anyway)` };
  }
  if (detectedBy === 'hash') return { warnings: [] };

  // Code sets drift away release by release, so distances to the loaded releases fall towards
  // the file's true place and rise after it: a file closer to the release after next than to
  // the next one is later than claimed, and one closer to the release before the previous
  // than to the previous one is earlier.
  const problems: string[] = [];
  const from = releaseEffectiveFrom(release);
  const distance = new Map(distances.map((d) => [d.release, d.distance]));
  const others = loaded.filter((r) => r.release !== key);
  const [next, afterNext] = others.filter((r) => r.effective_from > from).map((r) => r.release);
  const [previous, beforePrevious] = others.filter((r) => r.effective_from < from).map((r) => r.release).reverse();
  if (next && afterNext && distance.get(afterNext)! < distance.get(next)!) {
    problems.push(`its codes are closer to ${afterNext} than to ${next}, so it looks later than ${key}`);
  }
  if (previous && beforePrevious && distance.get(beforePrevious)! < distance.get(previous)!) {
    problems.push(`its codes are closer to ${beforePrevious} than to ${previous}, so it looks older than ${key}`);
  }
  if (problems.length === 0) return { warnings: [] };
  if (detectedBy === 'user') return { warnings: problems };
  return { reject: `the file name says ${key}, but ${problems.join('; ')}; choose the release if the name is right` };
}

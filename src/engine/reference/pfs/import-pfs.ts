import type { Db } from '../../db/db.ts';
import { isZip, zipEntries } from '../files/zip.ts';
import { REFERENCE_SCHEMA_SQL } from '../reference.sql.ts';
import {
  DERIVE_PFS_SQL,
  pfsCommitStagedSql,
  PFS_COPY_SHIPPED_SQL,
  PFS_IMPORTED_RELEASES_SQL,
  PFS_LOADED_RELEASES_SQL,
  pfsReleaseCodesCountSql,
  PFS_STAGED_DUPLICATES_SQL,
  PFS_STAGING_SQL,
  removeImportedPfsSql,
} from './pfs.sql.ts';
import { parsePprrvu } from './pprrvu-file.ts';

/**
 * Import a newer CMS PPRRVU file (the csv or the fixed-width txt of the RVU zip, or the zip
 * itself: its PPRRVU csv is read, else its txt). The release is named from the csv title
 * ("2026 National Physician Fee Schedule Relative Value File January Release") or else the file
 * name (PPRRVU26_JAN.txt, PPRRVU2026_Jan_nonQPP.csv, rvu26a.zip): CMS releases are quarterly,
 * January = A (in force from 01-01), April = B, July = C, October = D. Every line is counted as
 * header, blank, read or rejected with its reason. A release already shipped is skipped; one
 * imported before is replaced. The intervals are derived again over all loaded releases.
 */
export interface PfsImportResult {
  /** null when nothing was loaded. */
  release: string | null;
  effectiveFrom: string | null;
  /** Codes the release lists (modifier-less rows, or -26 where a code has no other). */
  codes: number;
  rows: number;
  rejected: { line: number; reason: string; file: string }[];
  headerLines: number;
  blankLines: number;
  /** Why nothing was loaded (the release is shipped already). */
  skipped?: string;
}

const MONTHS = { jan: ['A', '01'], apr: ['B', '04'], jul: ['C', '07'], oct: ['D', '10'] } as const;
type Month = keyof typeof MONTHS;

export async function importPfs(db: Db, file: { name: string; bytes: Uint8Array }): Promise<PfsImportResult> {
  await db.exec(REFERENCE_SCHEMA_SQL);
  let source = file.name;
  let bytes = file.bytes;
  if (isZip(bytes)) {
    const members = zipEntries(bytes).filter((e) => /(^|\/)PPRRVU[^/]*\.(csv|txt)$/i.test(e.name));
    const member = members.find((e) => /\.csv$/i.test(e.name)) ?? members[0];
    if (!member) throw new Error(`${file.name}: no PPRRVU csv or txt file in this zip`);
    source = `${file.name}:${member.name}`;
    bytes = await member.read();
  }
  const parsed = parsePprrvu(bytes);
  const result: PfsImportResult = {
    release: null, effectiveFrom: null, codes: 0, rows: parsed.rows.length,
    rejected: parsed.rejected.map((r) => ({ ...r, file: source })), headerLines: parsed.headerLines, blankLines: parsed.blankLines,
  };
  if (parsed.rows.length === 0) throw new Error(`${source}: no PPRRVU rows found (is this the CMS PPRRVU csv or txt?)`);
  const release = parsed.title ? releaseOf(parsed.title.year, parsed.title.month.slice(0, 3) as Month) : releaseFromName(source);
  if (!release) {
    throw new Error(`${source}: cannot tell which quarterly release this is: the csv title names it; for a txt keep CMS's file name (PPRRVU26_JAN.txt)`);
  }
  const loaded = await db.query<{ release: string; effective_from: string; origin: string }>(PFS_LOADED_RELEASES_SQL);
  const shipped = loaded.find((r) => r.origin === 'shipped' && (r.release === release.name || r.effective_from === release.effectiveFrom));
  if (shipped) return { ...result, skipped: `${release.name} is shipped with Denial Lens already (as ${shipped.release})` };

  await db.exec(PFS_STAGING_SQL);
  const batch = { line: parsed.rows.map((r) => r.line), code: parsed.rows.map((r) => r.code), modifier: parsed.rows.map((r) => r.modifier),
    global_days: parsed.rows.map((r) => r.globalDays), bilateral: parsed.rows.map((r) => r.bilateral) };
  await db.insertColumns('ref_pfs_staging', batch);
  for (const d of await db.query<{ line: number; first_line: number; code: string; modifier: string }>(PFS_STAGED_DUPLICATES_SQL)) {
    result.rejected.push({ line: d.line, reason: `duplicate of line ${d.first_line} (${d.code}${d.modifier ? `-${d.modifier}` : ''})`, file: source });
  }
  result.rejected.sort((a, b) => a.line - b.line);
  await db.exec(pfsCommitStagedSql({ release: release.name, effectiveFrom: release.effectiveFrom, source: `CMS PPRRVU ${release.name}: ${source}` }));
  await derivePfs(db);
  const [{ n }] = await db.query<{ n: number }>(pfsReleaseCodesCountSql(release.name));
  return { ...result, release: release.name, effectiveFrom: release.effectiveFrom, codes: n };
}

/** Intervals from the loaded releases: the shipped table itself while nothing is imported. */
export async function derivePfs(db: Db): Promise<void> {
  const imported = await db.query(PFS_IMPORTED_RELEASES_SQL);
  await db.exec(imported.length > 0 ? DERIVE_PFS_SQL : PFS_COPY_SHIPPED_SQL);
}

/** Take imported releases out again (shipped ones are never removed), then derive the intervals again. */
export async function removeImportedPfs(db: Db, releases: readonly string[]): Promise<void> {
  if (releases.length === 0) return;
  await db.exec(removeImportedPfsSql(releases));
  await derivePfs(db);
}

function releaseOf(year: number, month: Month): { name: string; effectiveFrom: string } {
  const [letter, mm] = MONTHS[month];
  return { name: `RVU${String(year).slice(-2)}${letter}`, effectiveFrom: `${year}-${mm}-01` };
}

/** PPRRVU26_JAN / PPRRVU2026_Jan_nonQPP / RVU26A, anywhere in "file:member". */
export function releaseFromName(name: string): { name: string; effectiveFrom: string } | null {
  const byMonth = /PPRRVU(\d{4}|\d{2})_?(JAN|APR|JUL|OCT)/i.exec(name);
  if (byMonth) return releaseOf(century(byMonth[1]), byMonth[2].toLowerCase() as Month);
  const byLetter = /RVU(\d{2})([A-D])(?![A-Z])/i.exec(name);
  if (!byLetter) return null;
  const month = (Object.keys(MONTHS) as Month[]).find((m) => MONTHS[m][0] === byLetter[2].toUpperCase())!;
  return releaseOf(century(byLetter[1]), month);
}

const century = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

import type { Db } from '../db/db.ts';
import { toCsv } from '../export/csv.ts';
import {
  BILLED_WINDOW_SQL,
  icd10cmReleasesAfterSql,
  linesAfterSql,
  NEWEST_REFERENCE_SQL,
  pfsReleasesAfterSql,
  billedIcd10cmChangesSql,
  billedPfsChangesSql,
  billedProcedureDeletionsSql,
  icd10cmChangesSql,
} from './code-set-changes.sql.ts';

/**
 * "Before the code sets change" (issue 15): when a release that takes effect after the
 * practice's last date of service is loaded (shipped or imported), the codes it billed in
 * its last 12 months of data that the release deletes, expands (a billable code becoming a
 * header) or gives new codes beside, with volume, dollars, providers and payers; and the
 * dates of service no loaded release answers for, in words.
 */
export type CodeChangeKind = 'deleted' | 'expanded' | 'new_alternatives' | 'not_in_fee_schedule';

export const CHANGE_LABELS: Record<CodeChangeKind, string> = {
  deleted: 'Deleted',
  expanded: 'Expanded: now a heading, bill a new code under it',
  new_alternatives: 'New codes beside it (may be more specific)',
  not_in_fee_schedule: 'Not in the newer fee schedule',
};

export interface CodeChange {
  /** ICD-10-CM codes without the dot, as the reference tables and claims data hold them */
  code: string;
  change: CodeChangeKind;
  release: string;
  effective: string;
  /** CDC short description (ICD-10-CM); '' for procedure codes (code numbers only) */
  short_desc: string;
  replacements: { code: string; short_desc: string }[];
}

export interface BilledCodeChange extends CodeChange {
  code_system: 'ICD-10-CM' | 'CPT/HCPCS';
  lines: number;
  claims: number;
  billed: number;
  denied_lines: number;
  providers: string[];
  payers: string[];
  first_date: string;
  last_date: string;
}

export interface ReferenceGap {
  code_system: 'ICD-10-CM' | 'CPT/HCPCS';
  /** the release that is missing: 'FY2028', 'CPT/HCPCS 2026' */
  release: string;
  effective: string;
  lines: number;
  first_date: string;
  last_date: string;
  text: string;
}

export interface CodeSetReport {
  /** the practice's last date of service and the first day of its last 12 months (null: no dated line) */
  last_date: string | null;
  from_date: string | null;
  /** releases loaded that take effect after last_date */
  icd10cm_releases: { release: string; effective_from: string; origin: string }[];
  pfs_releases: { release: string; effective_from: string; origin: string }[];
  changes: BilledCodeChange[];
  /** what the procedure-code part can and cannot tell */
  procedure_note: string;
  gaps: ReferenceGap[];
}

/** Every ICD-10-CM change of the loaded releases taking effect on or after `onOrAfter` (YYYY-MM-DD), whatever was billed. */
export async function codeChanges(db: Db, onOrAfter: string): Promise<CodeChange[]> {
  const releases = await db.query<{ release: string; effective_from: string }>(icd10cmReleasesAfterSql(dayBefore(onOrAfter)));
  const out: CodeChange[] = [];
  for (const r of releases) {
    const rows = await db.query<Omit<CodeChange, 'release' | 'effective'>>(icd10cmChangesSql(r.effective_from));
    out.push(...rows.map((c) => ({ ...c, release: r.release, effective: r.effective_from })));
  }
  return out;
}

export async function codeSetChanges(db: Db): Promise<CodeSetReport> {
  const [window] = await db.query<{ last_date: string | null; from_date: string | null }>(BILLED_WINDOW_SQL);
  const gaps = await referenceGaps(db);
  const [newest] = await db.query<{ icd_covered_to: string | null; pfs_release: string | null; pfs_from: string | null }>(NEWEST_REFERENCE_SQL);
  if (!window.last_date || !window.from_date) {
    return { last_date: null, from_date: null, icd10cm_releases: [], pfs_releases: [], changes: [], procedure_note: procedureNote(null, [], newest), gaps };
  }
  const { last_date: last, from_date: from } = window;
  const icd10cm_releases = await db.query<{ release: string; effective_from: string; origin: string }>(icd10cmReleasesAfterSql(last));
  const pfs_releases = await db.query<{ release: string; effective_from: string; origin: string }>(pfsReleasesAfterSql(last));
  const changes: BilledCodeChange[] = [];
  type Row = Omit<BilledCodeChange, 'code_system' | 'release' | 'effective'>;
  for (const r of icd10cm_releases) {
    const rows = await db.query<Row>(billedIcd10cmChangesSql(r.effective_from, from, last));
    changes.push(...rows.map((c) => ({ ...c, code_system: 'ICD-10-CM' as const, release: r.release, effective: r.effective_from })));
  }
  for (const r of pfs_releases) {
    const rows = await db.query<Row>(billedPfsChangesSql(r.effective_from, from, last));
    changes.push(...rows.map((c) => ({ ...c, code_system: 'CPT/HCPCS' as const, release: `CMS PFS ${r.release}`, effective: r.effective_from })));
  }
  const deletions = await db.query<Row & { effective: string; source: string }>(billedProcedureDeletionsSql(last, from, last));
  changes.push(...deletions.map(({ source, ...c }) => ({ ...c, code_system: 'CPT/HCPCS' as const, release: source })));
  return { last_date: last, from_date: from, icd10cm_releases, pfs_releases, changes, procedure_note: procedureNote(last, pfs_releases, newest), gaps };
}

function procedureNote(last: string | null, newer: readonly { release: string }[], newest: { pfs_release: string | null; pfs_from: string | null }): string {
  const loaded = newest.pfs_release ? `the newest loaded is ${newest.pfs_release}, in force from ${newest.pfs_from}` : 'none is loaded';
  const first = newer.length
    ? `Procedure codes: billed codes the CMS fee-schedule release${newer.length > 1 ? 's' : ''} ${newer.map((r) => r.release).join(', ')} no longer list${newer.length > 1 ? '' : 's'} are shown.`
    : `Procedure codes: no CMS fee-schedule release taking effect after ${last ?? 'your last date of service'} is loaded (${loaded}), so no procedure-code change can be listed; import the next PPRRVU file on this page.`;
  return `${first} A fee-schedule file tells only which codes Medicare's physician fee schedule lists: a billed code missing from a newer release is probably deleted or no longer paid under it. Which CPT/HCPCS codes are deleted, added or revised on January 1, and what replaces them, is only in the AMA CPT and CMS HCPCS annual files, which this app does not read (CPT descriptors are AMA copyright).`;
}

/**
 * Dates of service after what the loaded releases answer for, said in words: ICD-10-CM
 * lines past the newest release's last day (their codes are "unknown to reference"), and
 * procedure lines on or after the first January 1 after the newest fee-schedule release
 * (checked against that release: the annual CPT/HCPCS changes are not known).
 */
export async function referenceGaps(db: Db): Promise<ReferenceGap[]> {
  const [newest] = await db.query<{ icd_covered_to: string | null; pfs_release: string | null; pfs_from: string | null }>(NEWEST_REFERENCE_SQL);
  const gaps: ReferenceGap[] = [];
  if (newest.icd_covered_to) {
    const [after] = await db.query<{ lines: number; first_date: string | null; last_date: string | null }>(linesAfterSql(newest.icd_covered_to));
    if (after.lines > 0) {
      const effective = dayAfter(newest.icd_covered_to);
      const month = Number(effective.slice(5, 7));
      const fy = Number(effective.slice(0, 4)) + (month >= 10 ? 1 : 0);
      const release = month === 10 ? `FY${fy}` : `FY${fy} ${month === 4 ? 'April' : month === 1 ? 'January' : ''} update`.replace('  ', ' ');
      gaps.push({
        code_system: 'ICD-10-CM', release, effective, lines: after.lines, first_date: after.first_date!, last_date: after.last_date!,
        text: `ICD-10-CM ${release} took effect ${effective}: ${count(after.lines)} dated ${after.first_date} to ${after.last_date} have diagnosis codes no loaded release answers for (shown as "unknown to reference"). Import the ${release} ICD-10-CM order file (CDC/CMS) on the Reference page to check the codes billed since.`,
      });
    }
  }
  if (newest.pfs_release && newest.pfs_from) {
    const year = Number(newest.pfs_from.slice(0, 4)) + 1;
    const effective = `${year}-01-01`;
    const [after] = await db.query<{ lines: number; first_date: string | null; last_date: string | null }>(linesAfterSql(dayBefore(effective)));
    if (after.lines > 0) {
      const next = `RVU${String(year).slice(2)}A`;
      gaps.push({
        code_system: 'CPT/HCPCS', release: `CPT/HCPCS ${year}`, effective, lines: after.lines, first_date: after.first_date!, last_date: after.last_date!,
        text: `The ${year} CPT/HCPCS update took effect ${effective}, and the newest CMS fee-schedule release loaded is ${newest.pfs_release} (from ${newest.pfs_from}): ${count(after.lines)} dated ${after.first_date} to ${after.last_date} are checked against it, so procedure codes deleted or added on ${effective} and indicators that changed are not known. Import the CMS PFS ${next} file (PPRRVU) on the Reference page; CPT deletions and their replacements are only in the AMA CPT and CMS HCPCS files, which the app does not read.`,
      });
    }
  }
  return gaps;
}

const count = (n: number) => `${n.toLocaleString('en-US')} line${n === 1 ? '' : 's'}`;

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** An ICD-10-CM code as written on claims: with its dot. */
export const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/** The checklist as a spreadsheet (formulas neutralised, see export/csv.ts). */
export function codeSetChangesCsv(report: CodeSetReport): string {
  const show = (c: BilledCodeChange, code: string) => (c.code_system === 'ICD-10-CM' ? dotted(code) : code);
  return toCsv(
    [
      { header: 'Code system', value: (c: BilledCodeChange) => c.code_system },
      { header: 'Code', value: (c) => show(c, c.code) },
      { header: 'Description', value: (c) => c.short_desc },
      { header: 'Change', value: (c) => CHANGE_LABELS[c.change] },
      { header: 'Release', value: (c) => c.release },
      { header: 'Effective', value: (c) => c.effective },
      { header: 'Replacements / new codes', value: (c) => c.replacements.map((r) => [show(c, r.code), r.short_desc].filter(Boolean).join(' ')) },
      { header: 'Lines (last 12 months)', value: (c) => c.lines },
      { header: 'Claims', value: (c) => c.claims },
      { header: 'Billed', value: (c) => c.billed },
      { header: 'Denied lines', value: (c) => c.denied_lines },
      { header: 'Providers', value: (c) => c.providers },
      { header: 'Payers', value: (c) => c.payers },
      { header: 'First date of service', value: (c) => c.first_date },
      { header: 'Last date of service', value: (c) => c.last_date },
    ],
    report.changes,
  );
}

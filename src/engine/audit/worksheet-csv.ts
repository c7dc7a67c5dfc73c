import { CATEGORY_LABELS } from '../classify/categories.ts';
import { csvCell, toCsv, type CsvColumn } from '../export/csv.ts';
import { IDENTITY_TITLE, identityMismatches, normalLabel, sampleIdentity } from './identity.ts';
import { readSpreadsheetCsv } from './read-csv.ts';
import { EMPTY_REVIEW, FINDINGS, FINDING_LABELS, NOT_DENIED_LABEL, SUPPORTS, type AuditorReview, type Finding, type Reviews, type Supports } from './review.ts';
import type { AuditSample, WorksheetRow } from './sample.ts';

/**
 * The worksheet as a spreadsheet, so an auditor can work in Excel and bring the
 * answers back: the sample's identity block (identity.ts) above the table, then
 * one row per unit, the sample's facts first, the auditor's five columns last.
 * Reading checks the identity block, then matches rows by claim id (and line
 * number in a line sample).
 */
const AUDITOR_COLUMNS = {
  supports: 'Documentation supports codes (yes/no/partly)',
  correctCodes: 'Correct codes',
  finding: 'Finding category',
  dollarsInError: 'Dollars in error',
  notes: 'Notes',
} as const;

export function worksheetCsv(sample: AuditSample, reviews: Reviews): string {
  const review = (row: WorksheetRow) => reviews[row.draw] ?? EMPTY_REVIEW;
  // blind review: ours stays hidden until the auditor's finding is recorded
  const ours = <T,>(row: WorksheetRow, value: T) => (sample.spec.blind && !review(row).finding ? BLIND : value);
  const columns: CsvColumn<WorksheetRow>[] = [
    { header: 'Draw #', value: (r) => r.draw },
    { header: 'Stratum', value: (r) => (sample.spec.strata?.by === 'category' ? ours(r, r.stratum) : r.stratum) },
    { header: 'Claim ID', value: (r) => r.claimId },
    ...(sample.spec.unit === 'line' ? [{ header: 'Line #', value: (r: WorksheetRow) => r.lineNumber }] : []),
    { header: 'Patient account', value: (r) => r.patientAccount },
    { header: 'DOS from', value: (r) => r.serviceDateFrom },
    { header: 'DOS to', value: (r) => r.serviceDateTo },
    { header: 'Provider', value: (r) => r.provider },
    { header: 'Payer', value: (r) => r.payer },
    { header: 'Codes billed', value: codesBilled },
    { header: 'Modifiers', value: (r) => [...new Set(r.lines.flatMap((l) => l.modifiers))].join(', ') },
    { header: 'Diagnoses', value: (r) => r.diagnoses.join(', ') },
    { header: 'Billed', value: (r) => r.billed },
    { header: 'Paid', value: (r) => r.paid },
    { header: 'Denied', value: (r) => r.deniedAmount },
    { header: 'Denial reasons', value: denialReasons },
    { header: 'Our category', value: (r) => ours(r, r.category ? CATEGORY_LABELS[r.category] : NOT_DENIED_LABEL) },
    { header: 'Evidence', value: (r) => ours(r, r.evidence.map((e) => e.text).join(' | ')) },
    { header: 'Suggested fix', value: (r) => ours(r, r.fix) },
    { header: AUDITOR_COLUMNS.supports, value: (r) => review(r).supports },
    { header: AUDITOR_COLUMNS.correctCodes, value: (r) => review(r).correctCodes },
    { header: AUDITOR_COLUMNS.finding, value: (r) => findingLabel(review(r).finding) },
    { header: AUDITOR_COLUMNS.dollarsInError, value: (r) => review(r).dollarsInError },
    { header: AUDITOR_COLUMNS.notes, value: (r) => review(r).notes },
  ];
  const block = [[IDENTITY_TITLE], ...sampleIdentity(sample), []].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${block.join('\r\n')}\r\n${toCsv(columns, sample.rows).slice(1)}`;
}

/** What a blind worksheet shows in place of our classification. */
export const BLIND = '(hidden: blind review, shown once a finding is recorded)';

const findingLabel = (finding: Finding | null) => (finding ? FINDING_LABELS[finding] : null);

/** "99214-25; 20610-RT": each line's procedure with its modifiers, in line order. */
export function codesBilled(row: WorksheetRow): string {
  return row.lines.map((l) => [l.procedure ?? '(no procedure)', ...l.modifiers].join('-')).join('; ');
}

/** Denial adjustments and remarks of the denied lines, each code once. */
export function denialReasons(row: WorksheetRow): string {
  return [...new Set(row.lines.filter((l) => l.denied).flatMap((l) => [...l.reasons, ...l.remarks]))].join(', ');
}

export interface WorksheetImport {
  /** The reviews after import: matched rows take the file's five auditor columns (blank clears). */
  reviews: Reviews;
  matched: number;
  /** File rows that match no sample row (or several). `row` is the spreadsheet row number. */
  unmatched: { row: number; claimId: string; reason: string }[];
  /** Cells that could not be read; the rest of their row is still taken. */
  problems: { row: number; column: string; value: string; reason: string }[];
  /** Sample rows the file did not mention (their reviews are unchanged). */
  notInFile: number;
}

export function readWorksheetCsv(sample: AuditSample, reviews: Reviews, bytes: Uint8Array): WorksheetImport {
  const records = readSpreadsheetCsv(bytes, 'Claim ID');
  const headerAt = records.findIndex((r) => r.some((cell) => normal(cell) === normal('Claim ID')));
  if (headerAt < 0) throw new Error('no "Claim ID" column found: is this a worksheet exported from Denial Lens?');
  const mismatches = identityMismatches(sample, identityBlock(records, headerAt));
  if (mismatches.length) throw new Error(`this worksheet is not from this sample, nothing was taken: ${mismatches.join('; ')}`);
  const header = records[headerAt].map(normal);
  const column = (name: string) => header.indexOf(normal(name));
  const claimCol = column('Claim ID');
  const lineCol = column('Line #');
  const payerCol = column('Payer');
  const lineSample = sample.spec.unit === 'line';
  if (lineSample && lineCol < 0) throw new Error('this is a line sample: the file needs a "Line #" column');

  const result: WorksheetImport = { reviews: { ...reviews }, matched: 0, unmatched: [], problems: [], notInFile: 0 };
  const seen = new Set<number>();
  const byClaim = new Map<string, WorksheetRow[]>();
  for (const row of sample.rows) byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row]); // a few rows per claim at most
  records.slice(headerAt + 1).forEach((record, i) => {
    const rowNumber = headerAt + 2 + i;
    if (record.every((cell) => cell.trim() === '')) return;
    const cell = (col: number) => (col >= 0 ? (record[col] ?? '').trim() : '');
    const claimId = cell(claimCol);
    let candidates = (byClaim.get(claimId) ?? []).filter((r) => !lineSample || String(r.lineNumber ?? '') === cell(lineCol));
    if (candidates.length > 1 && payerCol >= 0) candidates = candidates.filter((r) => r.payer === cell(payerCol));
    if (candidates.length !== 1) {
      const what = lineSample ? `claim ${claimId} line ${cell(lineCol) || '(blank)'}` : `claim ${claimId || '(blank)'}`;
      result.unmatched.push({ row: rowNumber, claimId, reason: candidates.length ? `${what} is in the sample more than once` : `${what} is not in this sample` });
      return;
    }
    const target = candidates[0];
    if (seen.has(target.draw)) {
      result.unmatched.push({ row: rowNumber, claimId, reason: `draw #${target.draw} appears twice in the file; the first row was taken` });
      return;
    }
    seen.add(target.draw);
    result.matched++;
    result.reviews[target.draw] = readReview(result.reviews[target.draw] ?? EMPTY_REVIEW, (key) => {
      const col = column(AUDITOR_COLUMNS[key]);
      return col < 0 ? undefined : (record[col] ?? '');
    }, (column, value, reason) => result.problems.push({ row: rowNumber, column, value, reason }));
  });
  result.notInFile = sample.rows.length - seen.size;
  return result;
}

/** The identity block's label → value pairs (labels normalised), read from the rows between its title and the table's header. */
function identityBlock(records: string[][], headerAt: number): Map<string, string> {
  const titleAt = records.findIndex((r) => normal(r[0] ?? '') === normal(IDENTITY_TITLE));
  const block = new Map<string, string>();
  if (titleAt >= 0 && titleAt < headerAt) {
    for (const r of records.slice(titleAt + 1, headerAt)) if ((r[0] ?? '').trim()) block.set(normalLabel(r[0]), r[1] ?? '');
  }
  return block;
}

/**
 * The draw time a worksheet states. The command line redraws the sample from the
 * data, which reproduces everything but the moment of the original draw: it takes
 * that from the file, and the rest of the identity is still checked.
 */
export function worksheetDrawnAt(bytes: Uint8Array): string | undefined {
  const records = readSpreadsheetCsv(bytes, 'Claim ID');
  const headerAt = records.findIndex((r) => r.some((cell) => normal(cell) === normal('Claim ID')));
  return identityBlock(records, headerAt < 0 ? records.length : headerAt).get(normalLabel('Drawn at'))?.trim() || undefined;
}

function readReview(
  before: AuditorReview,
  value: (key: keyof typeof AUDITOR_COLUMNS) => string | undefined,
  problem: (column: string, value: string, reason: string) => void,
): AuditorReview {
  const review = { ...before };
  const supports = value('supports');
  if (supports !== undefined) {
    const parsed = parseSupports(supports);
    if (parsed === undefined) problem(AUDITOR_COLUMNS.supports, supports, 'expected yes, no or partly');
    else review.supports = parsed;
  }
  const finding = value('finding');
  if (finding !== undefined) {
    const parsed = parseFinding(finding);
    if (parsed === undefined) problem(AUDITOR_COLUMNS.finding, finding, `expected one of: ${FINDINGS.map((f) => FINDING_LABELS[f]).join(', ')}`);
    else review.finding = parsed;
  }
  const dollars = value('dollarsInError');
  if (dollars !== undefined) {
    const parsed = parseDollars(dollars);
    if (parsed === undefined) problem(AUDITOR_COLUMNS.dollarsInError, dollars, 'expected an amount such as 125.00');
    else review.dollarsInError = parsed;
  }
  // Free text is taken as written (not trimmed), so a round trip keeps it exactly.
  review.correctCodes = value('correctCodes') ?? review.correctCodes;
  review.notes = value('notes') ?? review.notes;
  return review;
}

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function parseSupports(text: string): Supports | null | undefined {
  const t = normal(text);
  if (t === '') return null;
  if (t === 'y') return 'yes';
  if (t === 'n') return 'no';
  if (t === 'partial') return 'partly';
  return SUPPORTS.find((s) => s === t);
}

function parseFinding(text: string): Finding | null | undefined {
  const t = normal(text);
  if (t === '') return null;
  return FINDINGS.find((f) => normal(FINDING_LABELS[f]) === t || f === t.replaceAll(' ', '_'));
}

/** "1,234.56", "$1,234.56", "(12.00)" → number; blank → null; anything else → undefined. */
function parseDollars(text: string): number | null | undefined {
  const t = text.replace(/[$,\s]/g, '');
  if (t === '') return null;
  const negative = /^\(.*\)$/.test(t);
  const digits = negative ? t.slice(1, -1) : t;
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return undefined;
  return Math.round((negative ? -1 : 1) * Number(digits) * 100) / 100;
}

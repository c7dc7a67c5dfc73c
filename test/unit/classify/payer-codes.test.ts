/**
 * The CARC/RARC table against sources outside it: every row against the official X12
 * lists in ../shared/reference-data/x12-carc-rarc (March 2024; skipped when ../shared is
 * absent), and a hand-written set of answers stated in notes/domain.md, TEAM-BRIEF.md or
 * issue 16. No classification runs here: this is the table, not the classifier.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CARCS, RARCS, type CarcRow, type RarcRow } from '../../../src/engine/classify/payer-codes.ts';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const X12_DIR = path.resolve(projectRoot, '../shared/reference-data/x12-carc-rarc');
const HAS_SHARED = existsSync(path.join(X12_DIR, 'carc.csv')) && existsSync(path.join(X12_DIR, 'rarc.csv'));

type OfficialEntry = Record<'code' | 'description' | 'start_date' | 'last_modified' | 'stop_date' | 'notes', string> & { alert?: string };

function officialList(file: string): Map<string, OfficialEntry> {
  const parsed = Papa.parse<OfficialEntry>(readFileSync(path.join(X12_DIR, file), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0].message}`);
  return new Map(parsed.data.map((e) => [e.code, e]));
}

const sha16 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What is wrong with one row against its official entry (empty when it matches). */
function problems(row: CarcRow | RarcRow, entry: OfficialEntry | undefined): string[] {
  if (!entry) return [`${row.code}: not in the official list`];
  const out: string[] = [];
  const modified = entry.last_modified || entry.start_date;
  if (row.x12.modified !== modified) out.push(`${row.code}: modified ${row.x12.modified}, list says ${modified}`);
  if (row.x12.sha256 !== sha16(entry.description)) out.push(`${row.code}: recorded description fingerprint differs from the list's`);
  const [label, description] = [words(row.label), words(entry.description)];
  if (label.includes(description) || description.includes(label)) out.push(`${row.code}: label repeats X12's wording`);
  return out;
}

describe.skipIf(!HAS_SHARED)('CARC table against the X12 list (external code source 139, March 2024)', () => {
  const official = HAS_SHARED ? officialList('carc.csv') : new Map<string, OfficialEntry>();

  it('reads the list SOURCES.md describes: 405 codes, 110 of them stopped', () => {
    expect(official.size).toBe(405);
    expect([...official.values()].filter((e) => e.stop_date !== '')).toHaveLength(110);
  });

  it('has one row per code of the list, stopped ones included', () => {
    const codes = CARCS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...official.keys()].filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('records each row’s official date and description fingerprint, and its own label', () => {
    expect(CARCS.flatMap((row) => problems(row, official.get(row.code)))).toEqual([]);
  });

  it('carries the stop date of every stopped code and none on an active one', () => {
    const wrong = CARCS.filter((row) => (row.stop ?? '') !== official.get(row.code)?.stop_date).map(
      (row) => `${row.code}: stop ${row.stop ?? 'none'}, list says ${official.get(row.code)?.stop_date || 'none'}`,
    );
    expect(wrong).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED)('RARC table against the X12 list (external code source 411, March 2024)', () => {
  const official = HAS_SHARED ? officialList('rarc.csv') : new Map<string, OfficialEntry>();

  it('records each row’s official date and description fingerprint, and its own label', () => {
    const codes = RARCS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(RARCS.flatMap((row) => problems(row, official.get(row.code)))).toEqual([]);
  });

  it('uses no informational "Alert:" remark and none whose note announces its deactivation', () => {
    // The source has no RARC stop dates (its SOURCES.md); the notes are what it says about retirement.
    const unusable = RARCS.filter((r) => {
      const entry = official.get(r.code);
      return entry?.alert !== 'N' || /deactivat/i.test(entry.notes) || entry.stop_date !== '';
    });
    expect(unusable.map((r) => r.code)).toEqual([]);
  });
});

/**
 * Answers stated outside the table. [D] notes/domain.md ("What is a denial", "Adjustments that
 * are not denials", "The four coding categories", "Non-coding buckets seen often"); [B] TEAM-BRIEF.md
 * (bucket names of the non-denials, the payer_codes roles); [I] issue 16 ("What counts as a
 * denial", "Payer-code mapping corrections").
 */
const EXPECTED_CARC: [code: string, denial: boolean, bucket: string, source: string][] = [
  ['1', false, 'patient_responsibility', 'D, I: PR-1 deductible'],
  ['2', false, 'patient_responsibility', 'D, I: PR-2 coinsurance'],
  ['3', false, 'patient_responsibility', 'D, I: PR-3 copay'],
  ['100', false, 'patient_responsibility', 'D, I: PR-100 payment made to the patient'],
  ['45', false, 'contractual', 'D, I: charge exceeds fee schedule'],
  ['42', false, 'contractual', 'D, I: older fee-schedule code'],
  ['59', false, 'contractual', 'D, I: multiple/concurrent procedure rules'],
  ['131', false, 'contractual', 'D, I: negotiated discount'],
  ['253', false, 'contractual', 'D, I: sequestration'],
  ['23', false, 'prior_payer', 'D, I, B: prior payer’s adjudication'],
  ['24', false, 'capitation', 'D, I, B: capitation'],
  ['104', false, 'withhold', 'D, I, B: managed-care withholding'],
  ['237', false, 'regulatory', 'D, I, B: legislated penalty (MIPS)'],
  ['246', false, 'reporting_only', 'D, I, B: reporting only'],
  ['101', false, 'predetermination', 'D, I, B: predetermination'],
  ['11', true, 'mismatch', 'D: coding table, mismatch'],
  ['167', true, 'mismatch', 'D: coding table, mismatch'],
  ['181', true, 'outdated', 'D: coding table, outdated'],
  ['146', true, 'outdated', 'D: coding table, outdated'],
  ['182', true, 'outdated', 'D: coding table, outdated'],
  ['4', true, 'missing_modifier', 'D: coding table, missing modifier'],
  ['97', true, 'bundling', 'D: bundling a modifier may unbundle; B: refine_modifier'],
  ['236', true, 'bundling', 'D: bundling a modifier may unbundle; B: refine_modifier'],
  ['150', true, 'other_coding', 'I: level of service is not a diagnosis mismatch; B: other_coding'],
  ['151', true, 'other_coding', 'I: units/frequency; B: other_coding'],
  ['152', true, 'other_coding', 'I: length of service; B: other_coding'],
  ['189', true, 'other_coding', 'I: unlisted/NOC procedure code; B: other_coding'],
  ['A1', true, 'unknown', 'B: denied with no specific reason'],
  ['26', true, 'eligibility', 'D: non-coding buckets'],
  ['27', true, 'eligibility', 'D: non-coding buckets'],
  ['31', true, 'eligibility', 'D: non-coding buckets'],
  ['109', true, 'eligibility', 'D: non-coding buckets'],
  ['197', true, 'authorization', 'D: non-coding buckets'],
  ['198', true, 'authorization', 'D: non-coding buckets'],
  ['15', true, 'authorization', 'D: non-coding buckets'],
  ['18', true, 'duplicate', 'D: non-coding buckets'],
  ['29', true, 'timely_filing', 'D: non-coding buckets'],
  ['49', true, 'non_covered', 'D: non-coding buckets'],
  ['96', true, 'non_covered', 'D: non-coding buckets'],
  ['204', true, 'non_covered', 'D: non-coding buckets'],
  ['16', true, 'missing_info', 'D: non-coding buckets'],
  ['22', true, 'cob', 'D: non-coding buckets (22; not 23)'],
];

/** [B] payer_codes contract; [I] issue 16 "Whose reason wins" and the mapping corrections. */
const EXPECTED_CARC_ROLE: [code: string, role: string | null][] = [
  ['11', 'refine_coding'],
  ['4', 'refine_coding'],
  ['146', 'refine_coding'],
  ['182', 'refine_coding'],
  ['97', 'refine_modifier'],
  ['231', 'refine_modifier'],
  ['234', 'refine_modifier'],
  ['236', 'refine_modifier'],
  ['197', null], // authorization: a non-coding payer reason stands (I)
  ['18', null], // duplicate (I)
];

const EXPECTED_RARC: [code: string, bucket: string | null, role: string, source: string][] = [
  ['N56', null, 'if_code_data_agrees', 'I, B'],
  ['M25', null, 'if_code_data_agrees', 'I, B'],
  ['M76', 'unspecified', 'if_code_data_agrees', 'I, B; D: CARC 16 + M76 → unspecified'],
  ['MA63', null, 'if_code_data_agrees', 'I, B'],
  ['N290', 'missing_info', 'cause', 'D, I, B: rendering provider identifier'],
  ['N265', 'missing_info', 'cause', 'D, I, B: ordering provider identifier'],
  ['N286', 'missing_info', 'cause', 'D, I, B: referring provider identifier'],
  ['M77', 'missing_info', 'cause', 'D, I, B: place of service'],
  ['N30', 'eligibility', 'cause', 'B: eligibility'],
  ['N425', 'non_covered', 'cause', 'I: A1 with N425 is a statutory exclusion (non-covered)'],
  ['M81', 'unspecified', 'coding', 'B: M81 → unspecified'],
  ['N822', 'missing_modifier', 'coding', 'B'],
  ['N823', 'missing_modifier', 'coding', 'B'],
  ['N115', 'mismatch', 'coding', 'B; D: 50 + LCD remark → mismatch'],
  ['N386', 'mismatch', 'coding', 'B'],
  ['M15', 'bundling', 'coding', 'B'],
  ['N19', 'bundling', 'coding', 'B'],
  ['N20', 'bundling', 'coding', 'B'],
  ['M80', 'bundling', 'coding', 'B'],
];

describe('answers stated in domain.md, the brief and issue 16', () => {
  const carc = new Map(CARCS.map((c) => [c.code, c]));
  const rarc = new Map(RARCS.map((r) => [r.code, r]));

  it.each(EXPECTED_CARC)('CARC %s: denial %s, %s (%s)', (code, denial, bucket) => {
    expect({ denial: carc.get(code)?.denial, bucket: carc.get(code)?.bucket }).toEqual({ denial, bucket });
  });

  it.each(EXPECTED_CARC_ROLE)('CARC %s: role %s', (code, role) => {
    expect(carc.get(code)?.role).toBe(role);
  });

  it.each(EXPECTED_RARC)('RARC %s: bucket %s, role %s (%s)', (code, bucket, role) => {
    const row = rarc.get(code);
    expect(row?.role).toBe(role);
    if (bucket !== null) expect(row?.bucket).toBe(bucket);
  });
});

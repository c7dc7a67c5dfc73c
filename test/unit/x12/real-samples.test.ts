/**
 * Conformance over every public sample in ../shared/real-samples (see SOURCES.md there):
 * each file is either loaded with its expected claim count and balance, or rejected /
 * flagged with a specific reason. Skipped when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseX12 } from '../../../src/engine/ingest/x12/parse-x12.ts';
import { expectConsistent } from './helpers.ts';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const SAMPLES = path.resolve(projectRoot, '../shared/real-samples');

interface Expected {
  format: 'x12-835' | 'x12-837p';
  claims: number;
  rejected: number;
  lines: number;
  /** 835: BPR02 − (ΣCLP04 − ΣPLB) per remittance, in file order. */
  remitBalance?: number[];
  /** Claims flagged 'unbalanced' (835: CAS vs CLP amounts; 837P: CLM02 vs Σ SV102). */
  unbalanced: number;
  /** Flag counts that must appear (claims 'c:', lines 'l:'). */
  flags?: Record<string, number>;
  /** Every file with rejected claims or rejected parts names the reason. */
  reason?: RegExp;
}

const EXPECTED: Record<string, Expected> = {
  // --- 835 ---
  'x12-835/affect__exhaustive_sample.txt': {
    // Bare ST..SE, masked placeholders: ':' assumed, so the '>' composites are flagged; PLB reasons rejected.
    format: 'x12-835', claims: 1, rejected: 0, lines: 1, remitBalance: [0], unbalanced: 0,
    flags: { 'l:malformed_svc01': 1, 'l:malformed_svc06': 1 },
    reason: /PLB adjustment 1: reason 'GO>XXXX' is not a provider adjustment reason code/,
  },
  'x12-835/affect__nevada_medicaid.txt': {
    // Denied claims with claim-level CAS only; PLB with offsetting pairs balances the third payment.
    format: 'x12-835', claims: 3, rejected: 0, lines: 0, remitBalance: [0, 0, 0], unbalanced: 0,
  },
  'x12-835/affect__sample_835.txt': {
    // Template placeholders: CAS/MIA/LQ/PLB values rejected, claims kept and balanced.
    format: 'x12-835', claims: 6, rejected: 0, lines: 12, remitBalance: [0, 0], unbalanced: 0,
    flags: { 'c:adjustment_rejected': 2, 'c:remark_rejected': 5 },
    reason: /CAS01 'grp_code' is not a claim adjustment group code/,
  },
  'x12-835/chs__test.835': {
    // Claim-level PR-2 499.50 repeats the line CAS: reported, not fixed.
    format: 'x12-835', claims: 1, rejected: 0, lines: 2, remitBalance: [0], unbalanced: 1,
  },
  'x12-835/genformai__sample-835.edi': {
    // DTM*484 is no service date; line amounts do not balance (CAS at claim level); paid > billed claim.
    format: 'x12-835', claims: 3, rejected: 0, lines: 5, remitBalance: [0], unbalanced: 1,
    flags: { 'l:no_service_date': 5, 'l:unbalanced': 5 },
  },
  'x12-835/keironstoddart__blue_cross_nc_sample.txt': {
    // SVC06 recoding; the SVC with stray separators is rejected, the claim still balances.
    format: 'x12-835', claims: 1, rejected: 0, lines: 2, remitBalance: [0], unbalanced: 0,
    flags: { 'c:line_rejected': 1, 'l:procedure_recoded': 2 },
    reason: /Service line 3 of claim '200200964A52' not loaded: SVC has 10 elements \(at most 7\)/,
  },
  'x12-835/keironstoddart__emedny_sample.txt': { format: 'x12-835', claims: 3, rejected: 0, lines: 10, remitBalance: [0], unbalanced: 0 },
  'x12-835/keironstoddart__united_healthcare_legacy_sample.txt': {
    format: 'x12-835', claims: 2, rejected: 0, lines: 5, remitBalance: [0], unbalanced: 0,
  },
  'x12-835/lfh__cob-contractural-adjustment.835': {
    // ISA16 ':' but SVC01 written with '>': loaded without procedure, flagged.
    format: 'x12-835', claims: 1, rejected: 0, lines: 1, remitBalance: [0], unbalanced: 0, flags: { 'l:malformed_svc01': 1 },
  },
  'x12-835/lfh__managed-care.835': {
    // BPR16 '20002316' is not a date (the DTM*405 date is used, with a warning); DTM*150/151 service periods.
    format: 'x12-835', claims: 2, rejected: 0, lines: 2, remitBalance: [0], unbalanced: 0,
    reason: /BPR16 payment date '20002316' is not a valid date/,
  },
  'x12-835/lfh__medicare-part-a.835': { format: 'x12-835', claims: 2, rejected: 0, lines: 0, remitBalance: [0], unbalanced: 0 },
  'x12-835/lfh__secondary-payment.835': {
    format: 'x12-835', claims: 2, rejected: 0, lines: 2, remitBalance: [0], unbalanced: 0, flags: { 'l:malformed_svc01': 2 },
  },
  'x12-835/lfh__tertiary-payment.835': {
    // SVC*HC*24599.00*…: the composite is split by the element separator, amounts shifted → line rejected.
    format: 'x12-835', claims: 1, rejected: 0, lines: 0, remitBalance: [0], unbalanced: 0, flags: { 'c:line_rejected': 1 },
    reason: /SVC01 'HC' has no procedure code/,
  },
  'x12-835/oopfactory__835_4010_DeIdent_02.dat': {
    // 4010 file with the version masked: refused, all 375 claims counted as rejected.
    format: 'x12-835', claims: 0, rejected: 375, lines: 0, remitBalance: [], unbalanced: 0,
    reason: /X12 version '999999X999X9' is not supported \(expected 005010\)/,
  },
  'x12-835/oopfactory__835_5010_Example1.txt': {
    // GS08 '5010' accepted; reversals kept; the last CLP is truncated → rejected; PLB leaves −1.27.
    format: 'x12-835', claims: 9, rejected: 1, lines: 9, remitBalance: [-1.27], unbalanced: 0, flags: { 'c:reversal': 2 },
    reason: /Claim '090909' not loaded: CLP03 \(total charge\) is missing: the CLP is incomplete/,
  },
  'x12-835/oopfactory__835_ExampleFromNth_indented.txt': {
    // Masked amounts (999.99) do not add up: reported as they are.
    format: 'x12-835', claims: 56, rejected: 0, lines: 91, remitBalance: [223.93, 6888.9, -2957.76], unbalanced: 51,
  },
  'x12-835/oopfactory__835_WithMultipleInterchanges.txt': {
    format: 'x12-835', claims: 56, rejected: 0, lines: 91, remitBalance: [223.93, 6888.9, -2957.76], unbalanced: 51,
  },
  'x12-835/pyx12__835_mult_loops.txt': { format: 'x12-835', claims: 1, rejected: 0, lines: 3, remitBalance: [0], unbalanced: 0 },
  'x12-835/tastypackets__multi-line-not-delimited.edi': {
    format: 'x12-835', claims: 3, rejected: 0, lines: 10, remitBalance: [0], unbalanced: 0,
  },
  'x12-835/tastypackets__profee-multiple.edi': {
    // The same payment 156 times: read once, the 155 copies (465 claims) rejected as duplicates.
    format: 'x12-835', claims: 3, rejected: 465, lines: 10, remitBalance: [0], unbalanced: 0,
    reason: /Payment already read from the transaction set at segment 3 of this file/,
  },
  'x12-835/tigershark__835-example_4010_pipe.txt': {
    format: 'x12-835', claims: 0, rejected: 2, lines: 0, remitBalance: [], unbalanced: 0,
    reason: /X12 version 004010X091A1 \(4010\) is a legacy format/,
  },
  // --- 837P ---
  'x12-837p/genformai__sample-837.edi': {
    // ICD-10 codes under BK/BF (dot stripped); the first CLM has no service line.
    format: 'x12-837p', claims: 2, rejected: 0, lines: 2, unbalanced: 0, flags: { 'c:icd9_qualifier': 2, 'c:no_service_lines': 1 },
  },
  'x12-837p/imsweb__x12_many_claims.txt': {
    format: 'x12-837p', claims: 820, rejected: 0, lines: 820, unbalanced: 820, flags: { 'c:malformed_hi': 820 },
    reason: /HI element 1 'BK' is not a qualifier:code pair/,
  },
  'x12-837p/imsweb__x12_multiple_gs.txt': {
    format: 'x12-837p', claims: 6, rejected: 0, lines: 6, unbalanced: 6, flags: { 'c:malformed_hi': 6 }, reason: /HI element 1 'BK'/,
  },
  'x12-837p/imsweb__x12_multiple_isa.txt': {
    format: 'x12-837p', claims: 4, rejected: 0, lines: 4, unbalanced: 4, flags: { 'c:malformed_hi': 4 }, reason: /HI element 1 'BK'/,
  },
  'x12-837p/imsweb__x12_multiple_st.txt': {
    format: 'x12-837p', claims: 4, rejected: 0, lines: 4, unbalanced: 4, flags: { 'c:malformed_hi': 4 }, reason: /HI element 1 'BK'/,
  },
  'x12-837p/imsweb__x12_no_isa_line.txt': {
    // Starts at GS: read with default delimiters (warning).
    format: 'x12-837p', claims: 2, rejected: 0, lines: 2, unbalanced: 2, flags: { 'c:malformed_hi': 2 }, reason: /HI element 1 'BK'/,
  },
  'x12-837p/imsweb__x12_valid.txt': {
    format: 'x12-837p', claims: 2, rejected: 0, lines: 2, unbalanced: 2, flags: { 'c:malformed_hi': 2 }, reason: /HI element 1 'BK'/,
  },
  'x12-837p/imsweb__x12_valid_different_separators.txt': {
    format: 'x12-837p', claims: 2, rejected: 0, lines: 2, unbalanced: 2, flags: { 'c:malformed_hi': 2 },
    reason: /HI element 1 'BK' is not a qualifier\^code pair/,
  },
  'x12-837p/lfh__demo.ambulance.example5.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 4, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.cob.example3.B.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 3, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.cob.example4.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 1, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.drug.example10.3.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 6, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.example1.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 4, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.example11.837': {
    // ISA16 ':' but the body uses '>': HI rejected (claim flagged), SV101 flagged, pointer '1>2' invalid.
    format: 'x12-837p', claims: 1, rejected: 0, lines: 2, unbalanced: 0,
    flags: { 'c:malformed_hi': 1, 'l:malformed_sv101': 2, 'l:invalid_dx_pointer': 1 },
    reason: /HI element 1 'BK>496' uses '>' but the declared component separator is ':'/,
  },
  'x12-837p/lfh__demo.example7.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 2, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.example8.837': { format: 'x12-837p', claims: 1, rejected: 0, lines: 1, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 } },
  'x12-837p/lfh__demo.example9.837': {
    format: 'x12-837p', claims: 1, rejected: 0, lines: 1, unbalanced: 0,
    flags: { 'c:malformed_hi': 1, 'l:malformed_sv101': 1, 'l:invalid_dx_pointer': 1 },
    reason: /HI element 1 'BK>36616' uses '>'/,
  },
  'x12-837p/oopfactory__837P_Example1_2_And_3_Combined.txt': {
    format: 'x12-837p', claims: 3, rejected: 0, lines: 11, unbalanced: 0, flags: { 'c:icd9_qualifier': 3 },
  },
  'x12-837p/oopfactory__837P_MedicaidExample_masked.txt': {
    // No HI, no pointers, masked charges that do not add up.
    format: 'x12-837p', claims: 5, rejected: 0, lines: 10, unbalanced: 5, flags: { 'c:no_diagnosis': 5, 'l:no_dx_pointer': 10 },
  },
  'x12-837p/oopfactory__837P_ST1309-XX_cr_terminator.txt': {
    format: 'x12-837p', claims: 1, rejected: 0, lines: 2, unbalanced: 0, flags: { 'c:icd9_qualifier': 1 },
  },
  'x12-837p/oopfactory__837P_UnicodeExample_utf16.txt': {
    // UTF-16LE fragment that ends before any claim.
    format: 'x12-837p', claims: 0, rejected: 0, lines: 0, unbalanced: 0,
    reason: /The file ends at segment 5, inside the transaction set that starts at segment 3 \(no SE\): the file is truncated/,
  },
  'x12-837p/oopfactory__ProfessionalClaim1.txt': {
    // CLM02 100 vs Σ SV102 190; pointer 3 with two diagnoses.
    format: 'x12-837p', claims: 1, rejected: 0, lines: 7, unbalanced: 1, flags: { 'c:icd9_qualifier': 1, 'l:dx_pointer_out_of_range': 1 },
  },
  'x12-837p/tigershark__837-example_4010.txt': {
    format: 'x12-837p', claims: 0, rejected: 1, lines: 0, unbalanced: 0, reason: /X12 version 004010X098A1 \(4010\) is a legacy format/,
  },
  'x12-837p/uhin__837.edi': { format: 'x12-837p', claims: 1, rejected: 0, lines: 1, unbalanced: 0 },
};

describe.skipIf(!existsSync(SAMPLES))('real-format samples in ../shared/real-samples', () => {
  const files = existsSync(SAMPLES)
    ? ['x12-835', 'x12-837p'].flatMap((dir) => readdirSync(path.join(SAMPLES, dir)).map((f) => `${dir}/${f}`)).sort()
    : [];

  it('has an expected outcome for every sample file, and no stale entry', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (file) => {
    const expected = EXPECTED[file];
    const parsed = parseX12(new Uint8Array(readFileSync(path.join(SAMPLES, file))));
    expectConsistent(parsed);
    expect(parsed.format).toBe(expected.format);
    expect(parsed.claims).toHaveLength(expected.claims);
    expect(parsed.claimsRejected).toBe(expected.rejected);
    expect(parsed.lines).toHaveLength(expected.lines);
    if (expected.remitBalance) expect(parsed.remittances.map((r) => r.balance_diff)).toEqual(expected.remitBalance);
    expect(parsed.claims.filter((c) => c.flags.includes('unbalanced'))).toHaveLength(expected.unbalanced);
    const flags: Record<string, number> = {};
    for (const c of parsed.claims) for (const f of c.flags) flags[`c:${f}`] = (flags[`c:${f}`] ?? 0) + 1;
    for (const l of parsed.lines) for (const f of l.flags) flags[`l:${f}`] = (flags[`l:${f}`] ?? 0) + 1;
    expect(flags).toMatchObject(expected.flags ?? {});
    if (expected.reason) expect(parsed.rejects.map((r) => r.reason)).toContainEqual(expect.stringMatching(expected.reason));
    else expect(parsed.rejects).toEqual([]);
    if (parsed.format === 'x12-837p') expect(parsed.adjustments).toEqual([]);
  });
});

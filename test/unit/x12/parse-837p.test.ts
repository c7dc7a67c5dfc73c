import { describe, expect, it } from 'vitest';
import { parse837p, parseX12 } from '../../../src/engine/ingest/x12/parse-x12.ts';
import { bytesOf, claimsById, expectConsistent, fixtureBytes, fixtureText, linesOf } from './helpers.ts';

describe('837P claims', () => {
  const parsed = parse837p(fixtureBytes('837p-claims.837'));
  const claims = claimsById(parsed);
  const first = claims.get('ACC1001')!;
  const second = claims.get('ACC1002')!;

  it('loads every claim, consistently, with no adjustments or remarks', () => {
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ format: 'x12-837p', content: 'claim', rowsRead: 2, claimsRejected: 0, rejects: [], remittances: [] });
    expect(parsed.adjustments).toEqual([]);
    expect(parsed.remarks).toEqual([]);
  });

  it('reads the claim: CLM, payer (2010BB), subscriber id, patient (2010CA), billing and rendering provider, REF*EA', () => {
    expect(first).toEqual({
      claim_key: 1,
      source: 'claim',
      claim_id: 'ACC1001',
      patient_account: 'MRN55501',
      patient_name: 'RIVERA, ANA M',
      member_id: 'W100200300',
      payer: 'SUNRISE HEALTH PLAN',
      payer_id: 'SHP01',
      billing_provider: 'RIVERSIDE FAMILY MEDICINE (NPI 1932145678)',
      rendering_provider: 'CHEN, DAVID (NPI 1487654321)',
      total_charge: 300,
      remit_id: null,
      status: null,
      paid: null,
      patient_responsibility: null,
      filing_indicator: 'CI',
      payer_claim_number: null,
      frequency_code: '1', // CLM05 11:B:1
      original_claim_number: null,
      statement_from: '2025-10-06',
      statement_to: '2025-10-07',
      paid_date: null,
      balance_diff: 0,
      flags: [],
      source_line: 27,
    });
  });

  it('reads all HI diagnoses over two segments (14 codes), in order, without dots', () => {
    const dx = parsed.diagnoses.filter((d) => d.claim_key === first.claim_key);
    expect(dx.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(dx.map((d) => d.code)).toEqual([
      'M5450', 'E119', 'I10', 'Z7901', 'R0602', 'M25561', 'M25562', 'J449', 'K219', 'F419', 'G4700', 'N390', 'E785', 'Z87891',
    ]);
    expect(dx.map((d) => d.qualifier)).toEqual(['ABK', ...Array(13).fill('ABF')]);
  });

  it('reads SV1 lines: procedure, modifiers, charge, units, 1-based pointers, DTP*472 D8/RD8, REF*6R, 2420A rendering', () => {
    const [one, two] = linesOf(parsed, first.claim_key);
    expect(one).toEqual({
      line_id: 1,
      claim_key: 1,
      source: 'claim',
      claim_id: 'ACC1001',
      line_number: 1,
      line_control: 'ACC1001-1',
      service_date: '2025-10-06',
      service_date_end: null,
      payer: 'SUNRISE HEALTH PLAN',
      provider: 'CHEN, DAVID (NPI 1487654321)',
      procedure_qualifier: 'HC',
      procedure: '99214',
      billed_procedure: '99214',
      modifiers: ['25'],
      units: 1,
      billed: 200,
      allowed: null,
      paid: null,
      claim_status: null,
      paid_date: null,
      dx_pointers: [1, 2, 3, 4],
      balance_diff: null,
      flags: [],
      source_line: 34,
    });
    expect(two).toMatchObject({
      line_number: 2,
      procedure: '93000',
      dx_pointers: [13, 14],
      service_date: '2025-10-06',
      service_date_end: '2025-10-07',
      provider: 'LOPEZ, MARIA (NPI 1578912345)',
      flags: [],
    });
  });

  it('uses the subscriber as patient when there is no patient loop, the billing provider as rendering when 2310B is absent', () => {
    expect(second).toMatchObject({
      patient_name: 'ISAAC, NEWTON',
      member_id: '1EG4TE5MK73',
      payer: 'MEDICARE PART B',
      payer_id: '00952',
      filing_indicator: 'MB',
      rendering_provider: 'RIVERSIDE FAMILY MEDICINE (NPI 1932145678)',
      patient_account: 'ACC1002',
    });
  });

  it('flags ICD-9 qualifiers on the claim and a pointer outside the HI list on the line', () => {
    expect(second.flags).toEqual(['icd9_qualifier']);
    expect(parsed.diagnoses.filter((d) => d.claim_key === second.claim_key).map((d) => `${d.qualifier}:${d.code}`)).toEqual(['BK:4019', 'BF:2500']);
    expect(linesOf(parsed, second.claim_key)[0]).toMatchObject({ dx_pointers: [1, 3], flags: ['dx_pointer_out_of_range'] });
  });

  it('parseX12 detects the 837P and gives the same result', () => {
    expect(parseX12(fixtureBytes('837p-claims.837'))).toEqual(parsed);
  });

  it('reads a UTF-16LE file without BOM the same way', () => {
    const text = fixtureText('837p-claims.837');
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[2 * i] = text.charCodeAt(i);
    const decoded = parseX12(utf16);
    expect(decoded.claims).toEqual(parsed.claims);
    expect(decoded.warnings[0]).toMatch(/UTF-16LE without a byte-order mark/);
  });
});

describe('837P prior-payer (COB) data is not a denial', () => {
  const parsed = parse837p(fixtureBytes('837p-cob.837'));

  it('emits no adjustment or remark for 2320/2430 CAS, LQ or FRM, and keeps the primary payer and member', () => {
    expectConsistent(parsed);
    expect(parsed.adjustments).toEqual([]);
    expect(parsed.remarks).toEqual([]);
    expect(parsed.claims[0]).toMatchObject({
      claim_id: 'COB2001',
      // ISA11 is 'U' in this file: DUNN and the UN unit code stay whole.
      patient_name: 'DUNN, MAYA',
      payer: 'LAKESHORE MUTUAL',
      payer_id: 'LKM02',
      member_id: 'LK5550001',
      rendering_provider: 'CHEN, DAVID (NPI 1487654321)',
      balance_diff: 0,
      flags: [],
    });
    expect(parsed.lines).toHaveLength(1);
    expect(parsed.lines[0]).toMatchObject({ procedure: '99213', billed: 79, service_date: '2025-10-03', dx_pointers: [1, 2], paid: null });
    expect(parsed.diagnoses.map((d) => d.code)).toEqual(['J209', 'R051']);
  });
});

describe('837P malformed content', () => {
  const parsed = parse837p(fixtureBytes('837p-malformed.837'));
  const claims = claimsById(parsed);
  const reasons = parsed.rejects.map((r) => [r.line, r.reason] as const);

  it('loads a claim with a malformed HI without any diagnosis, flagged, and rejects the HI with its segment', () => {
    expectConsistent(parsed);
    const claim = claims.get('BADHI01')!;
    expect(claim.flags).toEqual(['malformed_hi']);
    expect(parsed.diagnoses.filter((d) => d.claim_key === claim.claim_key)).toEqual([]);
    expect(reasons).toContainEqual([
      14,
      "HI element 1 'ABK' is not a qualifier:code pair: the diagnoses of claim 'BADHI01' were not loaded (pointers could point at the wrong code); the claim is flagged 'malformed_hi'.",
    ]);
    expect(linesOf(parsed, claim.claim_key)[0]).toMatchObject({ dx_pointers: [], flags: ['invalid_dx_pointer'] });
  });

  it('rejects a claim whose CLM02 is not an amount, skipping its lines', () => {
    expect(parsed).toMatchObject({ rowsRead: 3, claimsRejected: 1 });
    expect(claims.has('BADAMT02')).toBe(false);
    expect(reasons).toContainEqual([18, "Claim 'BADAMT02' not loaded: CLM02 (total charge) 'abc' is not a number."]);
  });

  it('rejects an SV1 without charge and an LX without SV1, flags an SV101 with an undeclared separator', () => {
    const claim = claims.get('LINES03')!;
    expect(claim).toMatchObject({ flags: ['line_rejected'], balance_diff: 0 });
    expect(reasons).toContainEqual([26, "Service line 1 of claim 'LINES03' not loaded: SV102 (charge) is missing."]);
    expect(reasons).toContainEqual([31, "LX 3 of claim 'LINES03' has no SV1: no service line to load."]);
    const lines = linesOf(parsed, claim.claim_key);
    expect(lines.map((l) => [l.line_number, l.procedure, l.billed, l.flags])).toEqual([
      [2, null, 150, ['malformed_sv101']],
      [4, '36415', 100, ['no_service_date']],
    ]);
  });
});

describe('837P diagnosis positions', () => {
  it('treats a gap inside an HI as malformed: later pointers would otherwise hit the wrong code', () => {
    const text = fixtureText('837p-claims.837').replace('HI*BK:4019*BF:2500~', 'HI*BK:4019**BF:2500~');
    const parsed = parse837p(bytesOf(text));
    expectConsistent(parsed);
    const claim = parsed.claims.find((c) => c.claim_id === 'ACC1002')!;
    expect(claim.flags).toContain('malformed_hi');
    expect(parsed.diagnoses.filter((d) => d.claim_key === claim.claim_key)).toEqual([]);
    expect(parsed.rejects[0].reason).toMatch(/^HI element 2 is empty but later elements are not/);
  });
});

describe('837P envelopes', () => {
  it('rejects an institutional 837 (005010X223) with a reason', () => {
    const text = fixtureText('837p-claims.837').replaceAll('005010X222A1', '005010X223A2');
    const parsed = parseX12(bytesOf(text));
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ format: 'x12-837p', rowsRead: 2, claimsRejected: 2, claims: [] });
    expect(parsed.rejects[0].reason).toMatch(/Institutional claims \(837I, 005010X223A2\) are not supported.*\(2 claims not loaded\)/);
  });

  it('does not read an 837 inside an 835 file as remittance data', () => {
    const remit = fixtureText('835-one-line.835');
    const claims = fixtureText('837p-cob.837');
    const parsed = parseX12(bytesOf(`${remit}\n${claims}`));
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ format: 'x12-835', rowsRead: 2, claimsRejected: 1 });
    expect(parsed.rejects[0].reason).toMatch(/Transaction set 837 \(claims\) inside an 835 file.*\(1 claim not loaded\)/);
  });
});

import { describe, expect, it } from 'vitest';
import { parse835, parseX12 } from '../../../src/engine/ingest/x12/parse-x12.ts';
import { adjustmentsOf, bytesOf, claimsById, expectConsistent, fixtureBytes, fixtureText, linesOf } from './helpers.ts';

describe('835 remittance: payment, claims, lines, adjustments, remarks, PLB', () => {
  const parsed = parse835(fixtureBytes('835-remit.835'));
  const claims = claimsById(parsed);

  it('loads every claim, consistently', () => {
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ format: 'x12-835', content: 'remit', rowsRead: 5, claimsRejected: 0, rejects: [] });
    expect([...claims.keys()]).toEqual(['ACC1001', 'ACC1002', 'ACC1003', 'ACC1004', 'ACC1005']);
  });

  it('reads the payment (BPR, TRN, N1*PR + REF*2U, N1*PE + NPI) and balances it against CLP04 and PLB', () => {
    expect(parsed.remittances).toEqual([
      {
        remit_id: 1,
        payer: 'SUNRISE HEALTH PLAN',
        payer_id: 'SHP01',
        payee: 'RIVERSIDE FAMILY MEDICINE',
        payee_npi: '1932145678',
        trace_number: 'EFT20251105A',
        payment_amount: 355,
        payment_method: 'ACH',
        payment_date: '2025-11-05',
        provider_adjustment_total: 15,
        balance_diff: 0,
        dedupe_key: '1512345678|EFT20251105A|355.00|2025-11-05',
        source_line: 3,
      },
    ]);
  });

  it('keeps each PLB adjustment with its reason, reference and fiscal period', () => {
    expect(parsed.providerAdjustments).toEqual([
      { remit_id: 1, provider_id: '1932145678', fiscal_period: '2025-12-31', reason: 'WO', reference: 'ACC0999', amount: 25 },
      { remit_id: 1, provider_id: '1932145678', fiscal_period: '2025-12-31', reason: 'L6', reference: null, amount: -10 },
    ]);
  });

  it('reads the claim: CLP amounts and codes, patient, member id, rendering NPI, statement dates, REF*EA', () => {
    expect(claims.get('ACC1001')).toEqual({
      claim_key: 1,
      source: 'remit',
      claim_id: 'ACC1001',
      patient_account: 'MRN55501',
      patient_name: 'RIVERA, ANA M',
      member_id: 'W100200300',
      payer: 'SUNRISE HEALTH PLAN',
      payer_id: 'SHP01',
      billing_provider: 'RIVERSIDE FAMILY MEDICINE (NPI 1932145678)',
      rendering_provider: 'CHEN, DAVID (NPI 1487654321)',
      total_charge: 300,
      remit_id: 1,
      status: '1',
      paid: 170,
      patient_responsibility: 30,
      filing_indicator: '12',
      payer_claim_number: 'PCN900001',
      frequency_code: null,
      original_claim_number: null,
      statement_from: '2025-10-06',
      statement_to: '2025-10-06',
      paid_date: '2025-11-05',
      balance_diff: 0,
      flags: [],
      source_line: 18,
    });
  });

  it('reads SVC lines: composite with modifiers, SVC06 billed code, units, allowed, REF*6R, DTM*472', () => {
    const [first, second] = linesOf(parsed, 1);
    expect(first).toEqual({
      line_id: 1,
      claim_key: 1,
      source: 'remit',
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
      allowed: 150,
      paid: 120,
      claim_status: '1',
      paid_date: '2025-11-05',
      dx_pointers: [],
      balance_diff: 0,
      flags: [],
      source_line: 24,
    });
    expect(second).toMatchObject({ line_number: 2, procedure: '93000', billed_procedure: '93010', modifiers: [], flags: ['procedure_recoded'] });
  });

  it('keeps every CAS triplet at its level, with the group code', () => {
    expect(adjustmentsOf(parsed, 1, 1)).toEqual(['CO-45 50', 'PR-3 30']);
    expect(adjustmentsOf(parsed, 1, 2)).toEqual(['CO-45 20', 'CO-97 30']);
    expect(parsed.adjustments.find((a) => a.carc === '45' && a.line_id === 2)?.quantity).toBe(1);
    expect(adjustmentsOf(parsed, 1, null)).toEqual([]);
  });

  it('reads all six triplets of one CAS segment', () => {
    const claim = claims.get('ACC1003')!;
    const [line] = linesOf(parsed, claim.claim_key);
    expect(adjustmentsOf(parsed, claim.claim_key, line.line_id)).toEqual([
      'CO-4 100',
      'CO-16 100',
      'CO-11 100',
      'CO-97 100',
      'CO-167 100',
      'CO-B7 100',
    ]);
    expect(line).toMatchObject({ procedure: '73721', modifiers: ['RT'], paid: 0, balance_diff: 0 });
  });

  it('keeps a denied claim without service lines with its claim-level CAS and MOA remark', () => {
    const denied = claims.get('ACC1002')!;
    expect(denied).toMatchObject({ status: '4', total_charge: 500, paid: 0, balance_diff: 0, flags: [] });
    expect(linesOf(parsed, denied.claim_key)).toEqual([]);
    expect(adjustmentsOf(parsed, denied.claim_key, null)).toEqual(['CO-16 500']);
    expect(parsed.remarks.filter((r) => r.claim_key === denied.claim_key)).toEqual([
      { claim_key: denied.claim_key, line_id: null, level: 'claim', code: 'MA130', source: 'MOA' },
    ]);
  });

  it('reads LQ*HE remarks at line level', () => {
    const claim = claims.get('ACC1003')!;
    const [line] = linesOf(parsed, claim.claim_key);
    expect(parsed.remarks.filter((r) => r.claim_key === claim.claim_key)).toEqual([
      { claim_key: claim.claim_key, line_id: line.line_id, level: 'line', code: 'M76', source: 'LQ' },
      { claim_key: claim.claim_key, line_id: line.line_id, level: 'line', code: 'N657', source: 'LQ' },
    ]);
    expect(parsed.remarks.find((r) => r.code === 'N130')).toMatchObject({ claim_key: 1, line_id: 2 });
  });

  it('takes the service date from DTM*150/151, else the claim dates (flagged), never the check date', () => {
    const ranged = linesOf(parsed, claims.get('ACC1004')!.claim_key)[0];
    expect(ranged).toMatchObject({ service_date: '2025-10-01', service_date_end: '2025-10-15', units: 3, flags: [] });
    const fromClaim = linesOf(parsed, claims.get('ACC1005')!.claim_key)[0];
    expect(fromClaim).toMatchObject({
      service_date: '2025-10-12',
      service_date_end: '2025-10-14',
      units: 2,
      flags: ['service_date_from_claim'],
    });
    const noDate = parse835(bytesOf(fixtureText('835-remit.835').replace(/DTM\*23[23]\*2025101[24]~\n/g, '')));
    const undated = noDate.lines.find((l) => l.claim_id === 'ACC1005')!;
    expect(undated).toMatchObject({ service_date: null, service_date_end: null, flags: ['no_service_date'] });
  });

  it('parseX12 detects the 835 and gives the same result', () => {
    expect(parseX12(fixtureBytes('835-remit.835'))).toEqual(parsed);
  });
});

describe('835 reversals and corrections', () => {
  const parsed = parse835(fixtureBytes('835-reversal.835'));

  it('keeps the reversal (CLP02=22) with its negative amounts and units, flagged, and the correction', () => {
    expectConsistent(parsed);
    const [reversal, correction] = parsed.claims;
    expect(reversal).toMatchObject({ claim_id: 'ACC1004', status: '22', total_charge: -150, paid: -120, balance_diff: 0, flags: ['reversal'] });
    expect(correction).toMatchObject({ claim_id: 'ACC1004', status: '1', total_charge: 150, paid: 140, flags: [] });
    expect(linesOf(parsed, reversal.claim_key)[0]).toMatchObject({ billed: -150, paid: -120, units: -3, claim_status: '22', balance_diff: 0 });
    expect(adjustmentsOf(parsed, reversal.claim_key, linesOf(parsed, reversal.claim_key)[0].line_id)).toEqual(['CO-45 -30']);
    expect(parsed.remittances[0]).toMatchObject({ payment_amount: 20, payment_method: 'CHK', payment_date: '2025-11-20', balance_diff: 0 });
  });
});

describe('835 balancing: reported, never fixed', () => {
  const parsed = parse835(fixtureBytes('835-unbalanced.835'));

  it('flags a claim whose claim-level CAS repeats its line CAS (double count) with the difference', () => {
    expectConsistent(parsed);
    const [doubled, short] = parsed.claims;
    expect(doubled).toMatchObject({ claim_id: 'DBL01', balance_diff: -150, flags: ['unbalanced'] });
    expect(adjustmentsOf(parsed, doubled.claim_key, null)).toEqual(['PR-2 150']);
    expect(linesOf(parsed, doubled.claim_key).map((l) => [l.balance_diff, l.flags])).toEqual([
      [0, []],
      [0, []],
    ]);
    expect(short).toMatchObject({ claim_id: 'UNB02', balance_diff: 10, flags: ['unbalanced'] });
    expect(linesOf(parsed, short.claim_key)[0]).toMatchObject({ balance_diff: 10, flags: ['unbalanced'] });
  });

  it('reports BPR02 − (ΣCLP04 − ΣPLB) on the remittance', () => {
    expect(parsed.remittances[0]).toMatchObject({ payment_amount: 1050, provider_adjustment_total: 0, balance_diff: 50 });
  });
});

describe('835 malformed content: rejected or flagged with segment numbers', () => {
  const parsed = parse835(fixtureBytes('835-malformed.835'));
  const reasons = parsed.rejects.map((r) => [r.line, r.reason] as const);

  it('rejects a claim with a non-numeric CLP amount, counting it', () => {
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ rowsRead: 2, claimsRejected: 1 });
    expect(reasons).toContainEqual([10, "Claim 'BAD01' not loaded: CLP03 (total charge) 'amount' is not a number."]);
    expect(parsed.claims.map((c) => c.claim_id)).toEqual(['BAD02']);
  });

  it('rejects a placeholder CAS and a shifted SVC (SVC*HC*24599.00*…) but keeps the claim, flagged and balanced', () => {
    const claim = parsed.claims[0];
    expect(claim).toMatchObject({ balance_diff: 0, flags: ['adjustment_rejected', 'line_rejected', 'remark_rejected'] });
    expect(reasons.find(([line]) => line === 15)?.[1]).toMatch(/CAS01 'grp_code' is not a claim adjustment group code/);
    expect(reasons.find(([line]) => line === 17)?.[1]).toMatch(/Service line 1 of claim 'BAD02' not loaded: SVC01 'HC' has no procedure code/);
    expect(parsed.rejects.find((r) => r.line === 17)?.excerpt).toBe('SVC*HC*24599.00*100.00*50.00**1');
  });

  it('loads an SVC01 written with an undeclared separator without a procedure, flagged', () => {
    const lines = linesOf(parsed, 1);
    expect(lines.map((l) => l.line_number)).toEqual([2, 3]);
    expect(lines[0]).toMatchObject({ procedure: null, procedure_qualifier: null, billed: 100, paid: 50, flags: ['malformed_svc01'] });
  });

  it('still loads an unknown CARC of a valid shape, and rejects a placeholder remark code', () => {
    expect(adjustmentsOf(parsed, 1, linesOf(parsed, 1)[0].line_id)).toEqual(['CO-Z9 50']);
    expect(reasons).toContainEqual([23, "LQ02 'remark_code1' is not a remark code (template placeholder?): not loaded."]);
    expect(parsed.remarks).toEqual([]);
  });

  it('flags an impossible service date instead of guessing one', () => {
    expect(linesOf(parsed, 1)[1]).toMatchObject({ service_date: null, flags: ['invalid_date', 'no_service_date'] });
    expect(reasons).toContainEqual([25, "DTM*472 date '20251399' is not a valid CCYYMMDD date: ignored."]);
  });

  it('rejects a PLB pair with a non-numeric amount and keeps the others', () => {
    expect(parsed.providerAdjustments).toEqual([
      { remit_id: 1, provider_id: '1932145678', fiscal_period: '2025-12-31', reason: 'L6', reference: null, amount: -5 },
    ]);
    expect(reasons).toContainEqual([27, "PLB adjustment 1: amount 'abc' is not a number: not loaded."]);
    expect(parsed.remittances[0].balance_diff).toBe(0);
  });
});

describe('835 envelopes', () => {
  it.each(['835-pipe-caret-cr.835', '835-lf-terminator.835', '835-crlf-indented.835', '835-one-line.835'])(
    'reads the same claim from %s',
    (name) => {
      const parsed = parse835(fixtureBytes(name));
      expectConsistent(parsed);
      expect(parsed.rejects).toEqual([]);
      expect(parsed.claims).toHaveLength(1);
      expect(parsed.claims[0]).toMatchObject({ claim_id: 'SEP001', patient_name: 'ISAAC, NEWTON', total_charge: 120, paid: 95, balance_diff: 0 });
      expect(parsed.lines[0]).toMatchObject({ procedure: '99213', modifiers: ['25', 'UN'], service_date: '2025-10-02' });
      expect(parsed.remittances[0]).toMatchObject({ trace_number: 'CHK1015', payment_amount: 95, balance_diff: 0 });
    },
  );

  it('reads three interchanges with different separators as three payments', () => {
    const parsed = parse835(fixtureBytes('835-multi-isa.835'));
    expectConsistent(parsed);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.remittances.map((r) => [r.trace_number, r.source_line])).toEqual([
      ['MULTI1', 3],
      ['MULTI2', 20],
      ['MULTI3', 37],
    ]);
    expect(parsed.lines.map((l) => [l.claim_id, l.procedure, l.modifiers.join(',')])).toEqual([
      ['MULTI1', '99213', '25,UN'],
      ['MULTI2', '99213', '25,UN'],
      ['MULTI3', '99213', '25,UN'],
    ]);
  });

  it('reads a bare ST..SE file with a warning', () => {
    const parsed = parse835(fixtureBytes('835-st-only.835'));
    expect(parsed.claims).toHaveLength(1);
    expect(parsed.warnings.slice(0, 2)).toEqual([
      "No ISA envelope: the file starts with ST. Delimiters assumed: element '*', component ':', segment '~'.",
      'Transaction set at segment 1 states no version: read as 005010X221A1.',
    ]);
  });

  it('loads the complete claims of a truncated file and rejects the incomplete one with its segment', () => {
    const parsed = parse835(fixtureBytes('835-truncated.835'));
    expectConsistent(parsed);
    expect(parsed.claims.map((c) => c.claim_id)).toEqual(['ACC1001', 'ACC1002']);
    expect(parsed).toMatchObject({ rowsRead: 3, claimsRejected: 1 });
    expect(parsed.rejects.map((r) => r.line)).toEqual([42, 46]);
    expect(parsed.rejects[0].reason).toMatch(/Claim 'ACC1003' is incomplete: the transaction set is cut off at segment 46/);
    expect(parsed.rejects[1].reason).toMatch(/The file ends at segment 46, inside .*truncated/);
    expect(parsed.remittances[0].balance_diff).toBeNull();
  });

  it('rejects a legacy 4010 remittance naming the version', () => {
    const parsed = parseX12(fixtureBytes('835-4010.835'));
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ rowsRead: 1, claimsRejected: 1, claims: [], remittances: [] });
    expect(parsed.rejects[0].reason).toMatch(/^X12 version 004010X091A1 \(4010\) is a legacy format.*\(1 claim not loaded\)$/);
  });

  it('does not load the same payment twice from one file', () => {
    const parsed = parse835(fixtureBytes('835-duplicate-payment.835'));
    expectConsistent(parsed);
    expect(parsed).toMatchObject({ rowsRead: 2, claimsRejected: 1 });
    expect(parsed.remittances).toHaveLength(1);
    expect(parsed.rejects[0]).toMatchObject({ line: 20 });
    expect(parsed.rejects[0].reason).toMatch(/Payment already read from the transaction set at segment 3 .*1512345678\|CHK1015\|95.00\|2025-10-15/);
  });

  it('joins a file hard-wrapped at 80 columns', () => {
    const wrapped = fixtureText('835-one-line.835').match(/.{1,80}/g)!.join('\r\n');
    const parsed = parse835(bytesOf(wrapped));
    expect(parsed.claims).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/hard-wrapped at 80 characters/);
  });

  it('reads UTF-16 and BOM-prefixed files', () => {
    const text = fixtureText('835-remit.835');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    const fromUtf16 = parseX12(utf16);
    expect(fromUtf16.claims).toHaveLength(5);
    expect(fromUtf16.warnings[0]).toMatch(/UTF-16LE with a byte-order mark/);
    const withBom = parseX12(new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(text)]));
    expect(withBom.claims).toEqual(parse835(bytesOf(text)).claims);
  });
});

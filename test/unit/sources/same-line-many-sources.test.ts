import { describe, it, expect, vi } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { readFileSync } from 'node:fs';
import { csvFile, openTestEngine } from '../helpers.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { BytesFile } from '../../../src/engine/ingest/load-file.ts';
import { buildReport } from '../../../src/engine/analytics/report.ts';
import { claims837, remit835 } from './build-x12.ts';

/**
 * Issue #11: every service line counted once, whatever sources describe it.
 * Each case is a hand-written set of files; the expected figures are counted by
 * hand from the amounts written in them (see the comments).
 */
vi.setConfig({ testTimeout: 180_000 });

const x12 = (name: string, text: string): BytesFile => csvFile(name, text);

async function engineWith(files: BytesFile[]): Promise<Engine> {
  const engine = await openTestEngine();
  const results = await engine.loadFiles(files);
  expect(results.map((r) => [r.name, r.status, r.rowsRejected])).toEqual(files.map((f) => [f.name, 'loaded', 0]));
  return engine;
}

interface Counted { lines: number; denied: number; denied_amount: number }
async function counted(engine: Engine): Promise<Counted> {
  const [row] = await engine.db.query<Counted>(sql`SELECT count(*)::INTEGER AS lines, count(*) FILTER (WHERE denied)::INTEGER AS denied,
    coalesce(sum(denied_amount), 0)::DOUBLE AS denied_amount FROM denial_facts`);
  return row;
}

async function categories(engine: Engine) {
  return engine.db.query(sql`SELECT ltrim(claim_id, '0') AS claim, line_number, billed_procedure, category, denied_amount::DOUBLE AS denied_amount, diagnoses
    FROM denial_facts ORDER BY ALL`);
}

async function kinds(engine: Engine) {
  return engine.db.query<{ claim_id: string; payer: string; claim_status: string; kind: string; payer_sequence: number | null; counted: boolean }>(sql`
    SELECT claim_id, payer, claim_status, adjudication_kind AS kind, payer_sequence, is_initial AS counted
    FROM analysis_lines ORDER BY claim_id, paid_date, line_id`);
}

// ---- 1. the same claims as an export, an 837P and an 835 ----
// Claim 000123 (the export wrote 123: leading zeros gone): line 1 99213:25 $150 paid $100 (CO-45 50);
// line 2 20610 RT 59 $200 denied, CO-197 on the 835 (authorization) but CO-16 in the export, and the
// modifiers in the other order. Claim 124: 99214 $180 paid $120 (CO-45 60) on the 835, $119 in the export.
const EXPORT = [
  'Claim ID,Line #,DOS,Payer,Payer ID,Rendering Provider,CPT/HCPCS,Modifiers,Dx 1,Dx 2,Dx Pointer,Billed Amt,Allowed Amt,Paid Amt,Adj Codes,Check Date,Claim Status',
  '123,1,03/02/2026,Medicare Part B,DLMCB,"QUENBY, MARISOL",99213,25,M17.11,Z79.899,1,150.00,100.00,100.00,CO-45 50.00,03/20/2026,Partially Paid',
  '123,2,03/02/2026,Medicare Part B,DLMCB,"QUENBY, MARISOL",20610,59 RT,M17.11,Z79.899,"1,2",200.00,0.00,0.00,CO-16 200.00,03/20/2026,Partially Paid',
  '124,1,03/03/2026,Medicare Part B,DLMCB,"QUENBY, MARISOL",99214,,E11.9,,1,180.00,120.00,119.00,CO-45 61.00,03/20/2026,Paid',
].join('\n');
const CLAIMS_837 = claims837('MEDICARE PART B', [
  { id: '000123', dx: ['M1711', 'Z79899'], lines: [
    { code: '99213:25', billed: 150, dos: '20260302', pointers: '1', control: 'L1' },
    { code: '20610:RT:59', billed: 200, dos: '20260302', pointers: '1:2', control: 'L2' }] },
  { id: '124', dx: ['E119'], lines: [{ code: '99214', billed: 180, dos: '20260303', pointers: '1', control: 'L3' }] },
]);
const REMIT_835 = remit835('MEDICARE PART B', '20260320', 'EFT1', [
  { id: '000123', status: '1', charge: 350, paid: 100, pcn: 'P123', lines: [
    { code: '99213:25', billed: 150, paid: 100, dos: '20260302', control: 'L1', cas: ['CO*45*50'] },
    { code: '20610:RT:59', billed: 200, paid: 0, dos: '20260302', control: 'L2', cas: ['CO*197*200'] }] },
  { id: '124', status: '1', charge: 180, paid: 120, pcn: 'P124', lines: [
    { code: '99214', billed: 180, paid: 120, dos: '20260303', control: 'L3', cas: ['CO*45*60'] }] },
]);

describe('the same claims from an export, an 837P and an 835', () => {
  it('count each line once, with the 835 adjudication and the 837P diagnoses', async () => {
    const exportOnly = await engineWith([csvFile('export.csv', EXPORT)]);
    const x12Only = await engineWith([x12('claims.837', CLAIMS_837), x12('remit.835', REMIT_835)]);
    const all = await engineWith([csvFile('export.csv', EXPORT), x12('claims.837', CLAIMS_837), x12('remit.835', REMIT_835)]);
    // 3 lines; 1 denied: line 2 of claim 123, its whole $200 charge
    const hand = { lines: 3, denied: 1, denied_amount: 200 };
    expect(await counted(exportOnly)).toEqual(hand);
    expect(await counted(x12Only)).toEqual(hand);
    expect(await counted(all)).toEqual(hand);
    // the 835's CO-197 decides (authorization), not the export's CO-16; diagnoses from the 837P, by its pointers
    expect(await categories(all)).toEqual(await categories(x12Only));
    expect((await categories(all)).find((l) => l.line_number === 2)).toMatchObject({ category: 'authorization', diagnoses: ['M1711', 'Z79899'] });
    const reasons = await all.db.query(sql`SELECT r.carc FROM line_reasons r JOIN denial_facts f USING (line_id) WHERE f.denied`);
    expect(reasons).toEqual([{ carc: '197' }]);
    expect((await all.kpis()).lines).toBe(3);
    // the 835 gives no allowed amount (no AMT*B6): the export's fills it in
    const allowed = sql`SELECT ltrim(claim_id, '0') AS claim, line_number, allowed::DOUBLE AS allowed FROM denial_facts ORDER BY ALL`;
    expect(await all.db.query(allowed)).toEqual([
      { claim: '123', line_number: 1, allowed: 100 }, { claim: '123', line_number: 2, allowed: 0 }, { claim: '124', line_number: 1, allowed: 120 }]);
    expect((await x12Only.db.query(allowed)).map((r) => r.allowed)).toEqual([null, null, null]);
  });

  it('says per file what it added and merged, and lists where the export and the 835 disagree', async () => {
    const all = await engineWith([csvFile('export.csv', EXPORT), x12('claims.837', CLAIMS_837), x12('remit.835', REMIT_835)]);
    expect((await all.files()).map((f) => [f.name, f.lines_added, f.lines_merged])).toEqual([
      ['export.csv', 3, 0],
      ['claims.837', 0, 3],
      ['remit.835', 0, 3],
    ]);
    expect((await kinds(all)).map((k) => k.kind).sort()).toEqual(['copy', 'copy', 'copy', 'initial', 'initial', 'initial']);
    const disagreements = await all.sourceDisagreements();
    expect(disagreements.map((d) => [d.claim_id, d.line_number, d.field, d.kept, d.kept_file, d.other, d.other_file])).toEqual([
      ['000123', 2, 'reason codes', 'CO-197', 'remit.835', 'CO-16', 'export.csv'],
      ['124', 1, 'paid', '120.00', 'remit.835', '119.00', 'export.csv'],
    ]);
  });

  it('gives the same KPIs loaded in either order', async () => {
    const x12First = await engineWith([x12('remit.835', REMIT_835), x12('claims.837', CLAIMS_837), csvFile('export.csv', EXPORT)]);
    expect(await counted(x12First)).toEqual({ lines: 3, denied: 1, denied_amount: 200 });
    expect((await x12First.files()).map((f) => [f.name, f.lines_added, f.lines_merged])).toEqual([
      ['remit.835', 3, 0],
      ['claims.837', 0, 3],
      ['export.csv', 0, 3],
    ]);
  });
});

// ---- 2. crossover: Medicare primary, Medi-Cal secondary paying $0 ----
// X1: 99214 $150. Medicare (CLP02 = 19, primary and forwarded) pays $96: CO-45 30, PR-2 24.
// Medi-Cal (CLP02 = 2) pays $0: CO-23 120 (the prior payer's impact) and CO-45 30.
// X2: Medi-Cal's 835 says CLP02 = 1 but adjusts OA-23: it is still the second payer.
const CROSS_837 = claims837('MEDICARE PART B', [
  { id: 'X1', dx: ['I10'], lines: [{ code: '99214', billed: 150, dos: '20260302', pointers: '1' }] },
  { id: 'X2', dx: ['I10'], lines: [{ code: '99213', billed: 100, dos: '20260303', pointers: '1' }] },
]);
const MEDICARE = remit835('MEDICARE PART B', '20260320', 'EFT2', [
  { id: 'X1', status: '19', charge: 150, paid: 96, pcn: 'MC1', lines: [{ code: '99214', billed: 150, paid: 96, dos: '20260302', cas: ['CO*45*30', 'PR*2*24'] }] },
  { id: 'X2', status: '1', charge: 100, paid: 64, pcn: 'MC2', lines: [{ code: '99213', billed: 100, paid: 64, dos: '20260303', cas: ['CO*45*20', 'PR*2*16'] }] },
]);
const MEDICAL = remit835('MEDI-CAL', '20260402', 'EFT3', [
  { id: 'X1', status: '2', charge: 150, paid: 0, pcn: 'MD1', lines: [{ code: '99214', billed: 150, paid: 0, dos: '20260302', cas: ['CO*23*120', 'CO*45*30'] }] },
  { id: 'X2', status: '1', charge: 100, paid: 0, pcn: 'MD2', lines: [{ code: '99213', billed: 100, paid: 0, dos: '20260303', cas: ['OA*23*80', 'CO*96*20'] }] },
]);

describe('a crossover claim', () => {
  it('is one line, counted by the primary payer; the secondary adjudication is kept apart', async () => {
    for (const order of [[MEDICARE, MEDICAL], [MEDICAL, MEDICARE]]) {
      const engine = await engineWith([x12('claims.837', CROSS_837), x12('first.835', order[0]), x12('second.835', order[1])]);
      // 2 lines, both paid by Medicare on first adjudication: nothing denied, claim denial rate 0
      expect(await counted(engine)).toEqual({ lines: 2, denied: 0, denied_amount: 0 });
      const k = await engine.kpis();
      expect(k).toMatchObject({ lines: 2, claims: 2, denied_lines: 0 });
      expect((await kinds(engine)).map((r) => [r.claim_id, r.payer, r.kind, r.payer_sequence, r.counted])).toEqual([
        ['X1', 'MEDICARE PART B', 'initial', 1, true],
        ['X1', 'MEDI-CAL', 'secondary', 2, false],
        ['X2', 'MEDICARE PART B', 'initial', 1, true],
        ['X2', 'MEDI-CAL', 'secondary', 2, false],
      ]);
    }
  });

  it('counts the secondary alone when the primary remittance is not loaded', async () => {
    const engine = await engineWith([x12('claims.837', CROSS_837), x12('medi-cal.835', MEDICAL)]);
    expect((await kinds(engine)).map((r) => [r.claim_id, r.kind, r.payer_sequence])).toEqual([['X1', 'initial', 1], ['X2', 'initial', 1]]);
    // (whether a $0 payment with CO-23 + CO-45 is a denial is the denial decision's to say: classify.sql.ts lineDenialsSql)
    expect((await counted(engine)).lines).toBe(2);
  });
});

// ---- 3. a corrected claim ----
// C1 99213 $100, denied CO-16 by the payer (claim number PCN1). The practice sends C1R, frequency 7,
// REF*F8 = PCN1; the payer pays it $80 (CO-45 20).
const ORIGINAL_837 = claims837('MEDICARE PART B', [
  { id: 'C1', dx: ['R051'], lines: [{ code: '99213', billed: 100, dos: '20260302', pointers: '1' }] }]);
const CORRECTED_837 = claims837('MEDICARE PART B', [
  { id: 'C1R', frequency: '7', original: 'PCN1', dx: ['R051'], lines: [{ code: '99213', billed: 100, dos: '20260302', pointers: '1' }] }]);
const DENIED_835 = remit835('MEDICARE PART B', '20260320', 'EFT4', [
  { id: 'C1', status: '4', charge: 100, paid: 0, pcn: 'PCN1', lines: [{ code: '99213', billed: 100, paid: 0, dos: '20260302', cas: ['CO*16*100'] }] }]);
const PAID_835 = (original?: string) => remit835('MEDICARE PART B', '20260410', 'EFT5', [
  { id: 'C1R', status: '1', charge: 100, paid: 80, pcn: 'PCN2', original, lines: [{ code: '99213', billed: 100, paid: 80, dos: '20260302', cas: ['CO*45*20'] }] }]);

describe('a corrected claim (CLM05-3 = 7, REF*F8)', () => {
  it('is the same line: one denial, recovered by the corrected claim', async () => {
    const via837 = await engineWith([x12('c1.837', ORIGINAL_837), x12('c1r.837', CORRECTED_837), x12('denied.835', DENIED_835), x12('paid.835', PAID_835())]);
    const via835 = await engineWith([x12('denied.835', DENIED_835), x12('paid.835', PAID_835('PCN1'))]);
    for (const engine of [via837, via835]) {
      expect(await counted(engine)).toEqual({ lines: 1, denied: 1, denied_amount: 100 });
      const [line] = await engine.db.query(sql`SELECT claim_id, recovered, paid_later::DOUBLE AS paid_later FROM denial_facts`);
      expect(line).toEqual({ claim_id: 'C1', recovered: true, paid_later: 80 });
      expect((await kinds(engine)).map((r) => [r.claim_id, r.kind])).toEqual([['C1', 'initial'], ['C1R', 'correction']]);
      const review = await engine.reviewKpis({ month: '2026-03' });
      expect(review.current).toMatchObject({ lines: 1, denied_lines: 1, recovered_lines: 1, recovered_amount: 80 });
    }
    const [claim] = await via837.db.query(sql`SELECT frequency_code, original_claim_number, payer_claim_number FROM claims WHERE claim_id = 'C1R' AND source = 'claim'`);
    expect(claim).toEqual({ frequency_code: '7', original_claim_number: 'PCN1', payer_claim_number: null });
  });
});

// ---- 4. a recoupment ----
// R1 99214 $150 paid $100 (CO-45 50) in March; in May the payer reverses it (CLP02 = 22, −150/−100)
// and re-adjudicates it as not medically necessary (CO-50 150, paid 0): $100 taken back in May.
const RECOUP_837 = claims837('MEDICARE PART B', [
  { id: 'R1', dx: ['I10'], lines: [{ code: '99214', billed: 150, dos: '20260302', pointers: '1' }] }]);
const MARCH_835 = remit835('MEDICARE PART B', '20260320', 'EFT6', [
  { id: 'R1', status: '1', charge: 150, paid: 100, pcn: 'PR1', lines: [{ code: '99214', billed: 150, paid: 100, dos: '20260302', cas: ['CO*45*50'] }] }]);
const MAY_835 = remit835('MEDICARE PART B', '20260515', 'EFT7', [
  { id: 'R1', status: '22', charge: -150, paid: -100, pcn: 'PR1', lines: [{ code: '99214', billed: -150, paid: -100, dos: '20260302', cas: ['CO*45*-50'] }] },
  { id: 'R1', status: '4', charge: 150, paid: 0, pcn: 'PR1B', lines: [{ code: '99214', billed: 150, paid: 0, dos: '20260302', cas: ['CO*50*150'] }] },
]);

describe('a recoupment (paid, reversed, re-adjudicated as denied)', () => {
  it('is a post-payment denial in the month of the reversal, never an initial denial', async () => {
    const engine = await engineWith([x12('r1.837', RECOUP_837), x12('march.835', MARCH_835), x12('may.835', MAY_835)]);
    expect(await counted(engine)).toEqual({ lines: 1, denied: 0, denied_amount: 0 });
    expect((await kinds(engine)).map((r) => r.kind)).toEqual(['initial', 'reversal', 'recoupment']);
    const march = await engine.reviewKpis({ month: '2026-03' });
    expect(march.current).toMatchObject({ lines: 1, denied_lines: 0, post_payment_denied_lines: 0 });
    for (const basis of ['service', 'remit'] as const) {
      const may = await engine.reviewKpis({ month: '2026-05', basis });
      expect(may.current).toMatchObject({ denied_lines: 0, post_payment_denied_lines: 1, post_payment_denied_amount: 100 });
      expect(may.kpis.post_payment_denied_amount.value).toBe(100);
    }
    expect((await engine.reviewKpis({ month: '2026-05', payers: ['MEDI-CAL'] })).current.post_payment_denied_lines).toBe(0);
  });
});

// ---- 5. claim-level CAS ----
// K1: two lines of $100, each paid $90 without CAS of their own; CO-97 $20 at claim level.
//     Each line's unexplained balance is $10, so each gets $10: $20 denied in all, not $40.
// K2: three lines of $10, nothing paid; claim level CO-27 $10.00 and CO-45 $20.00. Equal balances:
//     CO-27 → 3.33 each and the 1 cent left to the first line (3.34); CO-45 → 6.66 each, 2 cents left → 6.67, 6.67, 6.66.
// K3: no service lines, CO-27 $50 at claim level: the claim stands in as one line with all of it.
// P1: a predetermination (CLP02 = 25, OA-101): no adjudication, not counted.
const CLAIM_CAS_835 = remit835('MEDICARE PART B', '20260320', 'EFT8', [
  { id: 'K1', status: '1', charge: 200, paid: 180, pcn: 'PK1', claimCas: ['CO*97*20'], lines: [
    { code: '99213', billed: 100, paid: 90, dos: '20260302' }, { code: '36415', billed: 100, paid: 90, dos: '20260302' }] },
  { id: 'K2', status: '4', charge: 30, paid: 0, pcn: 'PK2', claimCas: ['CO*27*10*1*45*20'], lines: [
    { code: '97110', billed: 10, paid: 0, dos: '20260303' }, { code: '97112', billed: 10, paid: 0, dos: '20260303' },
    { code: '97140', billed: 10, paid: 0, dos: '20260303' }] },
  { id: 'K3', status: '4', charge: 50, paid: 0, pcn: 'PK3', claimCas: ['CO*27*50'], lines: [] },
  { id: 'P1', status: '25', charge: 100, paid: 0, pcn: 'PP1', lines: [{ code: '99213', billed: 100, paid: 0, dos: '20260304', cas: ['OA*101*100'] }] },
]);

describe('claim-level adjustments', () => {
  it('are allocated to the lines once, pro rata to the unexplained balance, cents reconciled', async () => {
    const engine = await engineWith([x12('claim-cas.835', CLAIM_CAS_835)]);
    const k1 = await engine.db.query(sql`SELECT f.line_number, f.denial_type, f.denied_amount::DOUBLE AS denied_amount
      FROM denial_facts f WHERE claim_id = 'K1' ORDER BY line_number`);
    expect(k1).toEqual([
      { line_number: 1, denial_type: 'partial', denied_amount: 10 },
      { line_number: 2, denial_type: 'partial', denied_amount: 10 },
    ]);
    const shares = await engine.db.query(sql`SELECT f.claim_id, f.line_number, r.group_code || '-' || r.carc AS code, r.amount::DOUBLE AS amount, r.level
      FROM line_reasons r JOIN denial_facts f USING (line_id) WHERE f.claim_id IN ('K2', 'K3') ORDER BY f.claim_id, code, f.line_number`);
    expect(shares).toEqual([
      { claim_id: 'K2', line_number: 1, code: 'CO-27', amount: 3.34, level: 'claim' },
      { claim_id: 'K2', line_number: 2, code: 'CO-27', amount: 3.33, level: 'claim' },
      { claim_id: 'K2', line_number: 3, code: 'CO-27', amount: 3.33, level: 'claim' },
      { claim_id: 'K2', line_number: 1, code: 'CO-45', amount: 6.67, level: 'claim' },
      { claim_id: 'K2', line_number: 2, code: 'CO-45', amount: 6.67, level: 'claim' },
      { claim_id: 'K2', line_number: 3, code: 'CO-45', amount: 6.66, level: 'claim' },
      { claim_id: 'K3', line_number: null, code: 'CO-27', amount: 50, level: 'claim' },
    ]);
    // claim denial dollars: K1 20 + K2 30 (three lines nothing paid) + K3 50; P1 is not counted
    expect(await counted(engine)).toEqual({ lines: 6, denied: 6, denied_amount: 100 });
    expect((await kinds(engine)).filter((k) => k.claim_id === 'P1')).toEqual([
      { claim_id: 'P1', payer: 'MEDICARE PART B', claim_status: '25', kind: 'predetermination', payer_sequence: null, counted: false }]);
  });
});

// ---- 6. the CLI's adjudications ----
const segments = (text: string, id: string) =>
  text.split('~').map((s) => s.trim()).flatMap((s, i) => (s.startsWith(`${id}*`) ? [i + 1] : []));

describe('the CLI report lists every adjudication read', () => {
  it('ties each CLP and SVC of every 835 to one adjudication, with its kind and whether it counted', async () => {
    const files = [x12('r1.837', RECOUP_837), x12('march.835', MARCH_835), x12('may.835', MAY_835), x12('claim-cas.835', CLAIM_CAS_835),
      { name: 'medicare-part-b-2026-03.835', bytes: new Uint8Array(readFileSync('sample-data/835/medicare-part-b-2026-03.835')) }];
    const engine = await openTestEngine();
    const results = await engine.loadFiles(files);
    const report = await buildReport(engine, results);
    for (const file of files.filter((f) => f.name.endsWith('.835'))) {
      const text = new TextDecoder().decode(file.bytes);
      const rows = report.adjudications.filter((a) => a.file === file.name);
      expect(new Set(rows.map((a) => a.claimSegment))).toEqual(new Set(segments(text, 'CLP')));
      expect(rows.filter((a) => a.segment !== null).map((a) => a.segment).sort((a, b) => a! - b!)).toEqual(segments(text, 'SVC'));
    }
    expect(report.adjudications.filter((a) => a.file === 'may.835').map((a) => [a.kind, a.counted, a.billed, a.paid, a.adjustments])).toEqual([
      ['reversal', false, -150, -100, [{ level: 'line', group: 'CO', reason: '45', amount: -50 }]],
      ['recoupment', false, 150, 0, [{ level: 'line', group: 'CO', reason: '50', amount: 150 }]],
    ]);
    expect(report.adjudications.filter((a) => a.file === 'claim-cas.835' && a.claimId === 'K1').map((a) => a.adjustments)).toEqual([
      [{ level: 'claim', group: 'CO', reason: '97', amount: 10 }],
      [{ level: 'claim', group: 'CO', reason: '97', amount: 10 }],
    ]);
  });
});

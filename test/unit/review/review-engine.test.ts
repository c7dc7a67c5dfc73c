import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Engine } from '../../../src/engine/engine.ts';
import { describeCause } from '../../../src/engine/analytics/patterns.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { reviewDataset } from './dataset.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await openTestEngine();
  const results = await engine.loadFiles(reviewDataset());
  expect(results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded']);
});

const APRIL = { month: '2026-04' };

describe('monthly review KPIs (hand-counted, see dataset.ts)', () => {
  it('gives the month, the month before and the average of the three before', async () => {
    const k = await engine.reviewKpis(APRIL);
    expect(k.current).toEqual({
      month: '2026-04', loaded: true, lines: 8, claims: 7, billed: 790, denied_lines: 7, denied_claims: 7, denied_amount: 620,
      coding_denied_lines: 3, coding_denied_amount: 280, unexplained_amount: 0, recovered_lines: 1, recovered_amount: 80,
      // R1 was denied, reversed and paid: recovered, not recouped
      post_payment_denied_lines: 0, post_payment_denied_amount: 0,
    });
    expect(k.previous).toMatchObject({ month: '2026-03', lines: 3, denied_lines: 1, denied_amount: 120, billed: 420 });
    expect(k.average_months).toEqual(['2026-01', '2026-02', '2026-03']);

    expect(k.kpis.lines).toMatchObject({ value: 8, previous: 3, average: 3, change_previous: 5, relative_previous: 5 / 3 });
    expect(k.kpis.denial_rate_lines.value).toBeCloseTo(7 / 8);
    expect(k.kpis.denial_rate_lines.previous).toBeCloseTo(1 / 3);
    // pooled over Jan–Mar: 5 denied of 9 lines
    expect(k.kpis.denial_rate_lines.average).toBeCloseTo(5 / 9);
    expect(k.kpis.denial_rate_lines.change_average).toBeCloseTo(7 / 8 - 5 / 9);
    expect(k.kpis.denial_rate_lines.relative_average).toBeNull();
    expect(k.kpis.denial_rate_dollars.value).toBeCloseTo(620 / 790);
    expect(k.kpis.denial_rate_dollars.average).toBeCloseTo(510 / 1010);
    expect(k.kpis.denial_rate_claims.value).toBeCloseTo(1);
    expect(k.kpis.denied_amount).toMatchObject({ value: 620, previous: 120, average: 170, change_average: 450 });
    expect(k.kpis.coding_share_dollars.value).toBeCloseTo(280 / 620);
    expect(k.kpis.coding_share_dollars.previous).toBe(0);
    expect(k.kpis.coding_share_dollars.average).toBeCloseTo(100 / 510);
    expect(k.kpis.coding_share_lines.value).toBeCloseTo(3 / 7);
    expect(k.kpis.recovered_amount).toMatchObject({ value: 80, previous: 0, average: 0 });
    // HFMA form: 7 denied claims ÷ average 3 claims submitted in the three months before
    expect(k.hfma_claim_rate).toBeCloseTo(7 / 3);
  });

  it('keeps every line in the denominator when a category is chosen', async () => {
    const k = await engine.reviewKpis({ ...APRIL, categories: ['authorization'] });
    expect(k.current).toMatchObject({ lines: 8, billed: 790, denied_lines: 2, denied_amount: 220, coding_denied_lines: 0, recovered_amount: 80 });
    expect(k.kpis.denial_rate_lines.value).toBeCloseTo(2 / 8);
  });

  it('applies payer, provider, procedure and diagnosis filters, and the remittance-month basis', async () => {
    expect((await engine.reviewKpis({ ...APRIL, payers: ['Payer B'] })).current).toMatchObject({ lines: 3, denied_lines: 3, denied_amount: 240, billed: 310 });
    expect((await engine.reviewKpis({ ...APRIL, providers: ['LEE, ANN'] })).current).toMatchObject({ lines: 3, denied_lines: 2, denied_amount: 200 });
    expect((await engine.reviewKpis({ ...APRIL, procedures: ['73560'] })).current).toMatchObject({ lines: 1, denied_amount: 50 });
    expect((await engine.reviewKpis({ ...APRIL, diagnoses: ['M54.5'] })).current).toMatchObject({ lines: 1, denied_amount: 150 });
    // C404 (April service) was remitted in May; no other April line moves
    const remit = await engine.reviewKpis({ ...APRIL, basis: 'remit' });
    expect(remit.current).toMatchObject({ lines: 7, denied_lines: 6, denied_amount: 470 });
  });

  it('marks months outside the loaded data instead of reading them as zero', async () => {
    const k = await engine.reviewKpis({ month: '2026-02' });
    expect(k.average_months).toEqual(['2026-01']);
    expect(k.hfma_claim_rate).toBeNull();
    const first = await engine.reviewKpis({ month: '2026-01' });
    expect(first.previous).toBeNull();
    expect(first.kpis.lines).toMatchObject({ value: 3, previous: null, average: null, change_previous: null });
  });

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(engine.reviewKpis({ month: "2026-04' OR TRUE --" })).rejects.toThrow(/YYYY-MM/);
    await expect(engine.reviewKpis({})).rejects.toThrow(/review month/);
  });
});

describe('recurring patterns', () => {
  it('groups denials by cause, gives each its status and ranks by dollars at risk', async () => {
    const review = await engine.reviewPatterns(APRIL);
    expect(review.axis.at(-1)).toBe('2026-04');
    expect(review.axis).toHaveLength(12);
    expect(review.rows.map((r) => [r.status, r.category, r.payer, r.procedure, describeCause(r), r.denied_amount, r.at_risk])).toEqual([
      ['new', 'outdated', 'Payer A', '99214', 'code M54.5', 150, 150],
      ['recurring', 'authorization', 'Payer B', '99213', 'payer reason CO-197', 120, 120],
      ['returning', 'timely_filing', 'Payer B', null, 'payer reason CO-29', 90, 90],
      ['new', 'mismatch', 'Payer A', '71046', 'diagnosis M25.571', 80, 80],
      ['recurring', 'missing_modifier', 'Payer A', '73560', 'modifiers billed: none', 50, 50],
      ['new', 'bundling', 'Payer B', '99213', 'payer reason CO-97', 30, 30],
      ['new', 'authorization', 'SUNRISE HEALTH PLAN', '99213', 'payer reason CO-197', 100, 20],
      ['resolved', 'eligibility', 'Payer B', null, 'payer reason CO-27', 0, 0],
    ]);
    expect(review.counts).toEqual({
      new: { patterns: 4, lines: 4, denied_amount: 360, at_risk: 280 },
      recurring: { patterns: 2, lines: 2, denied_amount: 170, at_risk: 170 },
      returning: { patterns: 1, lines: 1, denied_amount: 90, at_risk: 90 },
      resolved: { patterns: 1, lines: 0, denied_amount: 0, at_risk: 0 },
      no_data: { patterns: 0, lines: 0, denied_amount: 0, at_risk: 0 },
    });
    const modifier = review.rows.find((r) => r.category === 'missing_modifier')!;
    expect(modifier.sparkline.slice(-4)).toEqual([50, 50, 0, 50]);
    expect([modifier.first_seen, modifier.last_seen, modifier.lines, modifier.claims]).toEqual(['2026-01', '2026-04', 1, 1]);
    const outdated = review.rows[0];
    expect(outdated.fix).toMatch(/M54\.50/);
    expect(outdated.evidence.map((e) => e.source)).toContain('reference');
    expect(outdated.evidence.find((e) => e.source === 'reference')!.text).toMatch(/M54\.5 is a header, not billable/);
  });

  it('filters by status, limits rows but counts them all, and ignores later months', async () => {
    const recurring = await engine.reviewPatterns(APRIL, { status: 'recurring', limit: 1 });
    expect(recurring.total).toBe(2);
    expect(recurring.rows.map((r) => r.category)).toEqual(['authorization']);
    const march = await engine.reviewPatterns({ month: '2026-03' });
    expect(march.rows.map((r) => [r.status, r.category])).toEqual([
      ['new', 'authorization'],
      // resolved ones by what they cost in the three months before: $200, $90 (Payer B had lines in March)
      ['resolved', 'eligibility'],
      ['resolved', 'timely_filing'],
      // Payer A billed no 73560 in March: nothing is known about that pattern this month
      ['no_data', 'missing_modifier'],
    ]);
  });

  it('drills down from a pattern to exactly its lines', async () => {
    const review = await engine.reviewPatterns({ month: '2026-05' });
    const modifier = review.rows.find((r) => r.category === 'missing_modifier')!;
    expect(modifier.status).toBe('recurring');
    const lines = await engine.deniedLines({ pattern: modifier.pattern_key }, { offset: 0, limit: 50, sort: { column: 'service_date', direction: 'asc' } });
    expect(lines.map((l) => l.claim_id)).toEqual(['C102', 'C202', 'C401', 'C501']);
    const may = await engine.deniedLines({ month: '2026-05', pattern: modifier.pattern_key }, { offset: 0, limit: 50 });
    expect(may.map((l) => l.claim_id)).toEqual(['C501']);
  });
});

describe('trend queries', () => {
  it('gives lines and denials per month and payer, and per payer and category in the month', async () => {
    const trend = await engine.payerTrend({});
    expect(trend.filter((r) => r.month === '2026-04')).toEqual([
      { month: '2026-04', payer: 'Payer A', payer_rank: 1, lines: 4, billed: 380, denied_lines: 3, denied_amount: 280, rate_lines: 0.75, rate_dollars: 280 / 380 },
      { month: '2026-04', payer: 'Payer B', payer_rank: 2, lines: 3, billed: 310, denied_lines: 3, denied_amount: 240, rate_lines: 1, rate_dollars: 240 / 310 },
      { month: '2026-04', payer: 'SUNRISE HEALTH PLAN', payer_rank: 3, lines: 1, billed: 100, denied_lines: 1, denied_amount: 100, rate_lines: 1, rate_dollars: 1 },
    ]);
    // a category filter narrows the denials, never the lines the rate is over
    const auth = await engine.payerTrend({ categories: ['authorization'] });
    expect(auth.find((r) => r.month === '2026-04' && r.payer === 'Payer B')).toMatchObject({ lines: 3, denied_lines: 1, rate_lines: 1 / 3 });
    const cells = await engine.payerCategories(APRIL);
    expect(cells.map((r) => [r.payer, r.lines, r.denied_amount, r.cells.map((c) => `${c.category}:${c.amount}`)])).toEqual([
      ['Payer A', 4, 280, ['outdated:150', 'mismatch:80', 'missing_modifier:50']],
      ['Payer B', 3, 240, ['authorization:120', 'timely_filing:90', 'bundling:30']],
      ['SUNRISE HEALTH PLAN', 1, 100, ['authorization:100']],
    ]);
    const providers = await engine.providerTrend(APRIL);
    expect(providers.find((r) => r.month === '2026-04' && r.provider === 'LEE, ANN')).toEqual({
      month: '2026-04', provider: 'LEE, ANN', lines: 3, billed: 300, denied_lines: 2, denied_amount: 200, coding_denied_amount: 200, other_denied_amount: 0,
      rate_lines: 2 / 3, rate_dollars: 200 / 300,
    });
    const monthly = await engine.monthly({ categories: ['authorization'] });
    expect(monthly.find((m) => m.month === '2026-04')).toMatchObject({ lines: 8, denied_lines: 2, denied_amount: 220 });
  });
});

describe('claim drill-down', () => {
  it('shows the claim with its documents, every adjudication of each line and which one counted', async () => {
    const [line] = await engine.deniedLines({ month: '2026-04', payers: ['SUNRISE HEALTH PLAN'] }, { offset: 0, limit: 5 });
    const claim = (await engine.claimDetail(line.line_id))!;
    expect(claim.claim_id).toBe('R1');
    expect(claim.documents.map((d) => [d.status, d.status_label, d.paid, d.payer_claim_number, d.paid_date])).toEqual([
      ['4', 'denied', 0, 'PCN1001', '2026-04-20'],
      ['22', 'reversal of previous payment', 0, 'PCN1001', '2026-05-15'],
      ['1', 'processed as primary', 80, 'PCN1002', '2026-05-15'],
    ]);
    expect(claim.lines.map((l) => [l.paid_date, l.billed, l.paid, l.is_initial, l.is_reversal, l.denied, l.category, l.adjustments.map((a) => `${a.group}-${a.reason} ${a.amount}`)])).toEqual([
      ['2026-04-20', 100, 0, true, false, true, 'authorization', ['CO-197 100']],
      ['2026-05-15', -100, 0, false, true, false, null, ['CO-197 -100']],
      ['2026-05-15', 100, 80, false, false, false, null, ['CO-45 20']],
    ]);
    expect(new Set(claim.lines.map((l) => l.chain_key)).size).toBe(1);
    expect(claim.lines[0]).toMatchObject({ was_reversed: true, adjudications: 2, paid_later: 80 });
  });

  it('lists the diagnoses and all lines of an export claim; an unknown line gives null', async () => {
    const lines = await engine.deniedLines({ month: '2026-04', procedures: ['73560'] }, { offset: 0, limit: 5 });
    const claim = (await engine.claimDetail(lines[0].line_id))!;
    expect(claim.claim_id).toBe('C401');
    expect(claim.diagnoses).toEqual([{ seq: 1, code: 'M25.561' }]);
    expect(claim.lines.map((l) => [l.line_number, l.procedure, l.denied])).toEqual([[1, '99213', false], [2, '73560', true]]);
    expect(claim.documents).toHaveLength(1);
    expect(await engine.claimDetail(999_999)).toBeNull();
  });
});

describe('CSV exports', () => {
  const parse = (text: string) => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.meta.fields).size).toBe(parsed.meta.fields!.length);
    return parsed.data;
  };

  it('exports every denied line of the table with ISO dates, in the table order', async () => {
    const rows = parse(await engine.deniedLinesCsv(APRIL, { sort: { column: 'denied_amount', direction: 'desc' } }));
    expect(rows.map((r) => [r.Claim, r['Date of service'], r['Denied ($)'], r.Category])).toEqual([
      ['C404', '2026-04-25', '150', 'Outdated / invalid code'],
      ['C402', '2026-04-03', '120', 'Authorization / referral'],
      ['R1', '2026-04-05', '100', 'Authorization / referral'],
      ['C406', '2026-04-09', '90', 'Timely filing'],
      ['C403', '2026-04-06', '80', 'Dx–procedure mismatch'],
      ['C401', '2026-04-02', '50', 'Missing modifier'],
      ['C405', '2026-04-08', '30', 'Bundling'],
    ]);
    expect(rows[0]).toMatchObject({ Diagnoses: 'M54.5', 'Remittance date': '2026-05-10', 'Rendering provider': 'LEE, ANN' });
    expect(rows[2]['Paid later ($)']).toBe('80');
    // the payer's codes in their own columns (dataset.ts: C405 "CO-45 10.00; CO-97 30.00"; R1's CLP07 PCN1001, CAS*CO*197*100.00)
    expect(rows[6]).toMatchObject({
      Claim: 'C405', 'Line adjustment 1 group': 'CO', 'Line adjustment 1 CARC': '45', 'Line adjustment 1 ($)': '10',
      'Line adjustment 2 group': 'CO', 'Line adjustment 2 CARC': '97', 'Line adjustment 2 ($)': '30', 'Payer claim number': '',
    });
    expect(rows[2]).toMatchObject({
      Claim: 'R1', 'Payer claim number': 'PCN1001', 'Patient account': 'R1',
      'Line adjustment 1 group': 'CO', 'Line adjustment 1 CARC': '197', 'Line adjustment 1 ($)': '100', 'Line adjustment 2 CARC': '',
    });
  });

  it('carries remark codes, the patient account and the payer claim number of an export', async () => {
    const own = await openTestEngine();
    await own.loadFiles([
      csvFile(
        'remarks.csv',
        'Claim ID,DOS,Payer,CPT/HCPCS,Dx 1,Billed Amt,Paid Amt,Adj Codes,Remark Codes,Account Number,Payer Claim Number\r\n' +
          'X1,04/02/2026,Payer A,99213,I10,$100.00,$0.00,CO-16 100.00,N290; M51,ACC-9,ICN-77\r\n',
      ),
    ]);
    const [row] = parse(await own.deniedLinesCsv({ month: '2026-04' }));
    expect(row).toMatchObject({
      Claim: 'X1', 'Patient account': 'ACC-9', 'Payer claim number': 'ICN-77',
      'Line adjustment 1 group': 'CO', 'Line adjustment 1 CARC': '16', 'Line adjustment 1 ($)': '100',
    });
    // an export row's remark codes belong to its line
    expect(row['Line remarks (RARC)'].split(' ').sort()).toEqual(['M51', 'N290']);
    expect(row['Claim remarks (RARC)']).toBe('');
  });

  it('exports every pattern with its status, monthly dollars and fix', async () => {
    const rows = parse(await engine.patternsCsv(APRIL));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ Status: 'new', Category: 'Outdated / invalid code', Cause: 'code M54.5', 'Denied ($) 2026-04': '150', '2026-04 denied ($)': '150', '2026-03 denied ($)': '0' });
    expect(rows[0]['Suggested fix']).toMatch(/M54\.50/);
    expect(rows.at(-1)).toMatchObject({ Status: 'resolved', 'Last seen': '2026-02', '2026-02 denied ($)': '200', 'Denied ($) 2026-04': '0' });
  });
});

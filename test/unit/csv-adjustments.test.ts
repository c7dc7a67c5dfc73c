import { describe, it, expect, beforeEach } from 'vitest';
import { sql } from '../../src/engine/db/sql.ts';
import { openTestEngine, csvFile } from './helpers.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { proposeMapping } from '../../src/engine/ingest/csv/header-mapping.ts';

/**
 * Adjustments as practice-management exports write them (issue 11, item 6). Every
 * expected amount below is counted by hand from the CSV text of its test.
 */
let engine: Engine;
beforeEach(async () => {
  engine = await openTestEngine({ reference: false });
});

const adjustments = () =>
  engine.db.query<{ claim_id: string; group_code: string | null; carc: string; amount: number | null }>(
    sql`SELECT l.claim_id, a.group_code, a.carc, a.amount::DOUBLE AS amount, a.level
     FROM adjustments a JOIN service_lines l USING (line_id) ORDER BY l.line_id, a.group_code, a.carc, a.amount`,
  );
const lines = () =>
  engine.db.query<{ claim_id: string; balance_diff: number | null; flags: string[] }>(
    sql`SELECT claim_id, balance_diff::DOUBLE AS balance_diff, flags FROM service_lines ORDER BY line_id`,
  );

describe('CSV adjustments as vendors write them', () => {
  it('reads up to five reason/amount pairs on one row, each its own adjustment, with a group column per pair', async () => {
    const text = [
      'Claim ID,DOS,CPT,Billed,Paid,Adj Reason,Adj Amt,Adj Reason 2,Adj Amt 2,Adj Group 2,Adj Reason 3,Adj Amt 3,Adj Reason 4,Adj Amt 4,Adj Reason 5,Adj Amt 5',
      // 200 − 120 = 80 = 50 + 20 + 10
      'P1,03/02/2026,99213,200.00,120.00,CO-45,50.00,2,20.00,PR - Patient Responsibility,PR-3,10.00,,,,',
      'P2,03/02/2026,99214,300.00,0,CO-97,300.00,,,,,,,,,',
      // 150 − 90 = 60 = 40 + 15 + 1.20 + 2 + 1.80
      'P3,03/03/2026,20610,150.00,90.00,CO-45,40.00,PR-1,15.00,,CO-253,1.20,OA-23,2.00,PR-2,1.80',
      // 100 − 60 = 40, adjustments 30: off by $10
      'P4,03/04/2026,99212,100.00,60.00,CO-45,30.00,,,,,,,,,',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('pairs.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(result.rowsLoaded).toBe(4);
    expect(await adjustments()).toEqual([
      { claim_id: 'P1', group_code: 'CO', carc: '45', amount: 50, level: 'line' },
      { claim_id: 'P1', group_code: 'PR', carc: '2', amount: 20, level: 'line' },
      { claim_id: 'P1', group_code: 'PR', carc: '3', amount: 10, level: 'line' },
      { claim_id: 'P2', group_code: 'CO', carc: '97', amount: 300, level: 'line' },
      { claim_id: 'P3', group_code: 'CO', carc: '253', amount: 1.2, level: 'line' },
      { claim_id: 'P3', group_code: 'CO', carc: '45', amount: 40, level: 'line' },
      { claim_id: 'P3', group_code: 'OA', carc: '23', amount: 2, level: 'line' },
      { claim_id: 'P3', group_code: 'PR', carc: '1', amount: 15, level: 'line' },
      { claim_id: 'P3', group_code: 'PR', carc: '2', amount: 1.8, level: 'line' },
      { claim_id: 'P4', group_code: 'CO', carc: '45', amount: 30, level: 'line' },
    ]);
    expect(await lines()).toEqual([
      { claim_id: 'P1', balance_diff: 0, flags: [] },
      { claim_id: 'P2', balance_diff: 0, flags: [] },
      { claim_id: 'P3', balance_diff: 0, flags: [] },
      { claim_id: 'P4', balance_diff: 10, flags: ['adjustments_unbalanced'] },
    ]);
    expect(result.warnings).toEqual([
      '1 line does not balance: charge − adjustments − paid is off by more than $0.01 in 1 row (row 5; $10.00 in all). ' +
        'Check that the export has every adjustment of these lines and that each amount column is mapped to the right field. ' +
        'They are flagged ‘adjustments_unbalanced’ and listed on the Files page under “Claims and lines that do not balance”.',
    ]);
  });

  it('recognises the numbered header families (CARC 1 / CARC Amt 1, Adjustment Code 2, Adj 3 Reason)', async () => {
    const headers = ['Claim #', 'DOS', 'CPT', 'Chg Amt', 'Paid Amt', 'CARC 1', 'CARC Amt 1', 'Adjustment Code 2', 'Adjustment Amount 2', 'Adj 3 Group', 'Adj 3 Reason', 'Adj 3 Amt'];
    expect(proposeMapping(headers).mapping).toMatchObject({
      adjustment_codes: 5, adjustment_amount: 6, adjustment_codes2: 7, adjustment_amount2: 8,
      adjustment_group3: 9, adjustment_codes3: 10, adjustment_amount3: 11,
    });
    const text = [headers.join(','), 'N1,03/05/2026,99213,$180.00,$100.00,CO-45,$45.00,PR-3,$25.00,CO,253,$10.00'].join('\n');
    const [result] = await engine.loadFiles([csvFile('numbered.csv', text)]);
    expect(result.status).toBe('loaded');
    // 180 − 100 = 80 = 45 + 25 + 10
    expect(await adjustments()).toEqual([
      { claim_id: 'N1', group_code: 'CO', carc: '253', amount: 10, level: 'line' },
      { claim_id: 'N1', group_code: 'CO', carc: '45', amount: 45, level: 'line' },
      { claim_id: 'N1', group_code: 'PR', carc: '3', amount: 25, level: 'line' },
    ]);
    expect(await lines()).toEqual([{ claim_id: 'N1', balance_diff: 0, flags: [] }]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps amounts of group columns without a reason code under their group, with an empty code, and says so', async () => {
    const text = [
      'Claim ID,DOS,CPT,Billed,Paid,Contractual Adj,Patient Resp,Payer Initiated Adj,Write Off',
      'G1,04/01/2026,99213,150.00,80.00,40.00,30.00,,',
      'G2,04/01/2026,99214,200.00,0.00,,200.00,,',
      'G3,04/02/2026,71046,90.00,0,,,90.00,',
      'G4,04/02/2026,36415,20.00,12.00,5.00,,,3.00',
      // nothing in the group columns: 100 − 100 = 0, balanced with no adjustment
      'G5,04/03/2026,99211,100.00,100.00,,,,',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('groups.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(await adjustments()).toEqual([
      { claim_id: 'G1', group_code: 'CO', carc: '', amount: 40, level: 'line' },
      { claim_id: 'G1', group_code: 'PR', carc: '', amount: 30, level: 'line' },
      { claim_id: 'G2', group_code: 'PR', carc: '', amount: 200, level: 'line' },
      { claim_id: 'G3', group_code: 'PI', carc: '', amount: 90, level: 'line' },
      { claim_id: 'G4', group_code: 'CO', carc: '', amount: 5, level: 'line' },
      { claim_id: 'G4', group_code: 'OA', carc: '', amount: 3, level: 'line' },
    ]);
    expect(await lines()).toEqual(['G1', 'G2', 'G3', 'G4', 'G5'].map((claim_id) => ({ claim_id, balance_diff: 0, flags: [] })));
    // the claim keeps the patient's share as before
    expect(await engine.db.query(sql`SELECT claim_id, patient_responsibility::DOUBLE AS pr FROM claims ORDER BY claim_key`)).toEqual([
      { claim_id: 'G1', pr: 30 }, { claim_id: 'G2', pr: 200 }, { claim_id: 'G3', pr: null }, { claim_id: 'G4', pr: null }, { claim_id: 'G5', pr: null },
    ]);
    // CO 40 + 5, OA 3, PI 90, PR 30 + 200
    expect(result.warnings).toEqual([
      '6 adjustments had an amount but no reason code (CO $45.00, OA $3.00, PI $90.00, PR $230.00): kept under their group with an empty reason code; no code was guessed.',
    ]);
  });

  it('gives a group column amount to the one code of that group, keeps the rest without a code, and never counts a total twice', async () => {
    const text = [
      'Claim ID,DOS,CPT,Billed,Paid,Reason Codes,Contractual Adj,Patient Resp',
      // one CO and one PR code without amounts: each takes its group column
      'H1,04/03/2026,99213,150.00,80.00,CO-45 PR-1,40.00,30.00',
      // CO coded 40 + 2 of a 50 column: 8 left under CO; PR 50 with no PR code. 200 − 100 = 100 = 40 + 2 + 8 + 50
      'H2,04/03/2026,99214,200.00,100.00,CO-45 40.00; CO-253 2.00,50.00,50.00',
      // the columns are the totals of the coded amounts: nothing added
      'H3,04/04/2026,99215,250.00,150.00,CO-45 71.27; PR-1 28.73,71.27,28.73',
      // two CO codes without amounts cannot share one column: the amount stays without a code, the line is not balance-checked
      'H4,04/04/2026,99213,160.00,100.00,CO-45 CO-59,60.00,',
      // the PR code (20) exceeds the PR column (10): no negative amount is made up to fit; 100 − 80 = 20 balances with the code
      'H5,04/05/2026,99212,100.00,80.00,PR-2 20.00,,10.00',
      // one code without a group beside one group column: CO-45 40; 120 − 80 = 40
      'H6,04/05/2026,99213,120.00,80.00,45,40.00,',
      // one code without a group, two group columns: which is whose is not known, so the code keeps no amount
      'H7,04/05/2026,99213,120.00,50.00,45,40.00,30.00',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('groups-and-codes.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(await adjustments()).toEqual([
      { claim_id: 'H1', group_code: 'CO', carc: '45', amount: 40, level: 'line' },
      { claim_id: 'H1', group_code: 'PR', carc: '1', amount: 30, level: 'line' },
      { claim_id: 'H2', group_code: 'CO', carc: '', amount: 8, level: 'line' },
      { claim_id: 'H2', group_code: 'CO', carc: '253', amount: 2, level: 'line' },
      { claim_id: 'H2', group_code: 'CO', carc: '45', amount: 40, level: 'line' },
      { claim_id: 'H2', group_code: 'PR', carc: '', amount: 50, level: 'line' },
      { claim_id: 'H3', group_code: 'CO', carc: '45', amount: 71.27, level: 'line' },
      { claim_id: 'H3', group_code: 'PR', carc: '1', amount: 28.73, level: 'line' },
      { claim_id: 'H4', group_code: 'CO', carc: '', amount: 60, level: 'line' },
      { claim_id: 'H4', group_code: 'CO', carc: '45', amount: null, level: 'line' },
      { claim_id: 'H4', group_code: 'CO', carc: '59', amount: null, level: 'line' },
      { claim_id: 'H5', group_code: 'PR', carc: '2', amount: 20, level: 'line' },
      { claim_id: 'H6', group_code: 'CO', carc: '45', amount: 40, level: 'line' },
      { claim_id: 'H7', group_code: 'CO', carc: '', amount: 40, level: 'line' },
      { claim_id: 'H7', group_code: 'PR', carc: '', amount: 30, level: 'line' },
      { claim_id: 'H7', group_code: null, carc: '45', amount: null, level: 'line' },
    ]);
    expect(await lines()).toEqual([
      { claim_id: 'H1', balance_diff: 0, flags: [] },
      { claim_id: 'H2', balance_diff: 0, flags: [] },
      { claim_id: 'H3', balance_diff: 0, flags: [] },
      { claim_id: 'H4', balance_diff: null, flags: [] },
      { claim_id: 'H5', balance_diff: 0, flags: [] },
      { claim_id: 'H6', balance_diff: 0, flags: [] },
      { claim_id: 'H7', balance_diff: null, flags: [] },
    ]);
  });

  it('reads several adjustments in one cell in the shapes exports write them', async () => {
    const text = [
      'Claim ID,DOS,CPT,Billed,Paid,Adj Codes',
      'M1,05/01/2026,99213,200.00,70.00,CO-45 71.27; PR-1 58.73',
      'M2,05/01/2026,99213,200.00,70.00,"CO45:71.27,PR1:58.73"',
      'M3,05/01/2026,99213,200.00,128.73,45 (CO) $71.27',
      'M4,05/02/2026,99214,180.00,100.00,"PR-2 $30, CO-45 $50"',
      'M5,05/02/2026,99214,180.00,100.00,CO-45=50.00 PR-2=30.00 N130',
      // whole dollars: amounts only where every item is a group-code + amount pair
      'M6,05/03/2026,99213,100.00,50.00,CO-45 30; PR-1 20',
      'M7,05/03/2026,99213,100.00,0.00,CO-16 97 N290',
      // a vendor code with an amount: the amount is not read as CARCs 150 and 00
      'M8,05/04/2026,99213,150.00,0.00,ADNEOB 150.00',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('cells.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(await adjustments()).toEqual([
      { claim_id: 'M1', group_code: 'CO', carc: '45', amount: 71.27, level: 'line' },
      { claim_id: 'M1', group_code: 'PR', carc: '1', amount: 58.73, level: 'line' },
      { claim_id: 'M2', group_code: 'CO', carc: '45', amount: 71.27, level: 'line' },
      { claim_id: 'M2', group_code: 'PR', carc: '1', amount: 58.73, level: 'line' },
      { claim_id: 'M3', group_code: 'CO', carc: '45', amount: 71.27, level: 'line' },
      { claim_id: 'M4', group_code: 'CO', carc: '45', amount: 50, level: 'line' },
      { claim_id: 'M4', group_code: 'PR', carc: '2', amount: 30, level: 'line' },
      { claim_id: 'M5', group_code: 'CO', carc: '45', amount: 50, level: 'line' },
      { claim_id: 'M5', group_code: 'PR', carc: '2', amount: 30, level: 'line' },
      { claim_id: 'M6', group_code: 'CO', carc: '45', amount: 30, level: 'line' },
      { claim_id: 'M6', group_code: 'PR', carc: '1', amount: 20, level: 'line' },
      { claim_id: 'M7', group_code: 'CO', carc: '16', amount: null, level: 'line' },
      { claim_id: 'M7', group_code: null, carc: '97', amount: null, level: 'line' },
      { claim_id: 'M8', group_code: null, carc: 'ADNEOB', amount: null, level: 'line' },
    ]);
    expect(await engine.db.query(sql`SELECT claim_id, code FROM remarks JOIN service_lines USING (line_id) ORDER BY line_id`)).toEqual([
      { claim_id: 'M5', code: 'N130' }, { claim_id: 'M7', code: 'N290' },
    ]);
    // 200 − 70 = 130 = 71.27 + 58.73; 200 − 128.73 = 71.27; 180 − 100 = 80 = 30 + 50; 100 − 50 = 50 = 30 + 20;
    // M7's and M8's codes have no amounts: not checked
    expect((await lines()).map((l) => [l.claim_id, l.balance_diff, l.flags])).toEqual([
      ['M1', 0, []], ['M2', 0, []], ['M3', 0, []], ['M4', 0, []], ['M5', 0, []], ['M6', 0, []], ['M7', null, []], ['M8', null, []],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('flags reason and amount columns swapped instead of reading amounts as reason codes', async () => {
    const text = [
      'Claim ID,DOS,CPT,Billed,Paid,Adj Reason,Adj Amt',
      'X1,06/01/2026,99213,100.00,60.00,40.00,CO-45',
      'X2,06/01/2026,99213,100.00,60.00,CO-45,40.00',
      'X3,06/02/2026,99214,120.00,0.00,$120.00,CO-50',
      // a code a dataframe wrote as a float is a code, not an amount
      'X4,06/03/2026,99213,100.00,60.00,45.0,40.00',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('swapped.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(result.rowsLoaded).toBe(4);
    // no reason code made up from '40.00' or '$120.00' (it used to become CARC 40 and 0, or 120 and 0)
    expect(await adjustments()).toEqual([
      { claim_id: 'X2', group_code: 'CO', carc: '45', amount: 40, level: 'line' },
      { claim_id: 'X4', group_code: null, carc: '45', amount: 40, level: 'line' },
    ]);
    const misread = ['adjustments_unbalanced', 'adjustment_reason_is_amount', 'adjustment_amount_unreadable'];
    expect(await lines()).toEqual([
      { claim_id: 'X1', balance_diff: 40, flags: misread },
      { claim_id: 'X2', balance_diff: 0, flags: [] },
      { claim_id: 'X3', balance_diff: 120, flags: misread },
      { claim_id: 'X4', balance_diff: 0, flags: [] },
    ]);
    expect(result.warnings).toEqual([
      'column “Adj Reason” holds amounts, not reason codes, in 2 rows (rows 2, 4; e.g. ‘40.00’): those cells were not read as reason codes. If the column is an adjustment amount, map it as one.',
      'column “Adj Amt” holds values that are not amounts in 2 rows (rows 2, 4; e.g. ‘CO-45’): those cells were not read as adjustments. If they are reason codes, map the column as an adjustment reason.',
      expect.stringMatching(/^2 lines do not balance: .* in 2 rows \(rows 2, 4; \$160\.00 in all\)\. /),
    ]);
  });

  it('loads with a remembered mapping onto the new adjustment fields', async () => {
    const text = ['Ticket,Svc Dt,Code,Amt Billed,Ins Pd,Rsn A,Amt A,Rsn B,Amt B,Contr', 'T1,02/03/2026,99213,100,50,CO-45,20.00,PR-2,15.00,35.00'].join('\n');
    const [first] = await engine.loadFiles([csvFile('odd.csv', text)]);
    expect(first.status).toBe('needs-mapping');
    const mapping = {
      claim_id: 0, service_date: 1, procedure: 2, billed: 3, paid: 4,
      adjustment_codes: 5, adjustment_amount: 6, adjustment_codes2: 7, adjustment_amount2: 8, contractual_adjustment: 9,
    };
    const [second] = await engine.loadFiles([csvFile('odd.csv', text)], { mappingFor: (sig) => (sig === first.proposal?.signature ? mapping : undefined) });
    expect(second.status).toBe('loaded');
    // the contractual column (35) exceeds the coded CO amount (20): 15 stays under CO without a code; 100 − 50 = 50 = 20 + 15 + 15
    expect(await adjustments()).toEqual([
      { claim_id: 'T1', group_code: 'CO', carc: '', amount: 15, level: 'line' },
      { claim_id: 'T1', group_code: 'CO', carc: '45', amount: 20, level: 'line' },
      { claim_id: 'T1', group_code: 'PR', carc: '2', amount: 15, level: 'line' },
    ]);
    expect(await lines()).toEqual([{ claim_id: 'T1', balance_diff: 0, flags: [] }]);
  });

  it('merges one-row-per-code repeats of a line before balancing, and lists the first five unbalanced rows', async () => {
    const text = [
      'Claim ID,Line,DOS,CPT,Billed,Paid,Denial Code,Adj Amt,Contractual Adj',
      // one line written as two rows, one per code; the contractual column repeats on both and is the CO-45 total
      'R1,1,02/01/2026,99213,100.00,60.00,CO-45,25.00,25.00',
      'R1,1,02/01/2026,99213,100.00,60.00,PR-2,15.00,25.00',
      // six lines each off by 10 − 1 − 5 = $4
      ...[1, 2, 3, 4, 5, 6].map((n) => `U${n},1,02/02/2026,36415,10.00,5.00,CO-45,1.00,1.00`),
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('repeats.csv', text)]);
    expect(result.rowsLoaded).toBe(8);
    const r1 = (await adjustments()).filter((a) => a.claim_id === 'R1');
    expect(r1).toEqual([
      { claim_id: 'R1', group_code: 'CO', carc: '45', amount: 25, level: 'line' },
      { claim_id: 'R1', group_code: 'PR', carc: '2', amount: 15, level: 'line' },
    ]);
    expect((await lines()).map((l) => [l.claim_id, l.balance_diff, l.flags.length])).toEqual([
      ['R1', 0, 0], ...[1, 2, 3, 4, 5, 6].map((n) => [`U${n}`, 4, 1]),
    ]);
    expect(result.warnings).toEqual([expect.stringContaining('6 lines do not balance: charge − adjustments − paid is off by more than $0.01 in 6 rows (rows 4, 5, 6, 7, 8 …; $24.00 in all).')]);
  });
});

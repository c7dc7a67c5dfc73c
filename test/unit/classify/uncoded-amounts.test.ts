import { describe, expect, it } from 'vitest';
import { sql } from '../../../src/engine/db/sql.ts';
import { csvFile, openTestEngine } from '../helpers.ts';

/**
 * Exports that split adjustments into amount columns by group, without reason codes
 * (README "What it reads"). Expected by hand: an amount without a code is the
 * patient's share under PR and explains nothing otherwise, so it never makes a paid
 * line denied, and a line paid nothing that only such a CO/OA amount "explains" is
 * denied without a known reason.
 */
const CSV = [
  'Claim ID,Line #,DOS,Payer,CPT,Diagnosis,Billed,Paid,Contractual Adj,Patient Resp,Adj Codes',
  'U1,1,03/02/2026,Aetna,99213,I10,100.00,30.00,40.00,30.00,',
  'U2,1,03/02/2026,Aetna,99213,I10,100.00,0.00,,100.00,',
  'U3,1,03/02/2026,Aetna,99213,I10,100.00,0.00,100.00,,',
  'U4,1,03/02/2026,Aetna,99213,I10,100.00,0.00,60.00,,CO-197',
].join('\n');

describe('adjustment amounts without reason codes', () => {
  it('count as the patient share under PR and never as a denial reason', async () => {
    const engine = await openTestEngine();
    const [result] = await engine.loadFiles([csvFile('uncoded.csv', CSV)]);
    expect(result.rowsRejected).toBe(0);
    const rows = await engine.db.query<{ claim_id: string; denied: boolean; category: string | null; denied_amount: number; evidence: { text: string }[] | null }>(
      sql`SELECT claim_id, denied, category, denied_amount::DOUBLE AS denied_amount, evidence FROM denial_facts ORDER BY claim_id`);
    const by = Object.fromEntries(rows.map((r) => [r.claim_id, r]));
    expect(by.U1).toMatchObject({ denied: false, denied_amount: 0 }); // 100 = 30 paid + 40 CO + 30 PR
    expect(by.U2).toMatchObject({ denied: false }); // the whole charge is the patient's share
    expect(by.U3).toMatchObject({ denied: true, category: 'unknown', denied_amount: 100 }); // written off, no reason given
    expect(by.U3.evidence!.map((e) => e.text).join(' | ')).toContain('CO amount with no reason code');
    expect(by.U4).toMatchObject({ denied: true, category: 'authorization', denied_amount: 100 }); // the payer's code says why
  });
});

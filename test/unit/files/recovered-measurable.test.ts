import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFile, openTestEngine } from '../helpers.ts';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/x12/${name}`, import.meta.url))) });

describe('"Recovered later" and "Post-payment denials" when the loaded files cannot show them', () => {
  it('are not figures for an export of first adjudications alone', async () => {
    const engine = await openTestEngine({ reference: false });
    // one adjudication per line, one of them denied (CO-11, nothing paid)
    await engine.loadFiles([
      csvFile('export.csv', [
        'Claim ID,DOS,CPT,Billed,Paid,Adj Codes',
        'K1,01/05/2026,99213,100.00,80.00,CO-45 20.00',
        'K2,01/06/2026,71046,80.00,0,CO-11 80.00',
      ].join('\n')),
    ]);
    const k = await engine.reviewKpis({ month: '2026-01' });
    expect(k.current).toMatchObject({ lines: 2, denied_lines: 1 });
    expect(k.unmeasurable).toEqual(['recovered_amount', 'post_payment_denied_amount']);
    expect(k.kpis.recovered_amount).toMatchObject({ value: null, previous: null, average: null, change_previous: null });
    expect(k.kpis.post_payment_denied_amount).toMatchObject({ value: null, previous: null, average: null, change_previous: null });
    // a first-adjudication KPI is measured as usual: 1 of 2 lines denied
    expect(k.kpis.denial_rate_lines.value).toBe(0.5);
  });

  it('are measured once an export carries a reversal (Claim Status 22), here a recoupment of $80', async () => {
    const engine = await openTestEngine({ reference: false });
    // K1 paid $80, reversed on 02/10 (status 22, −$80) and re-adjudicated on 02/12 paying nothing: a recoupment of $80
    await engine.loadFiles([
      csvFile('export.csv', [
        'Claim ID,DOS,CPT,Billed,Paid,Adj Codes,Check Date,Claim Status',
        'K1,01/05/2026,99213,100.00,80.00,CO-45 20.00,01/20/2026,1',
        'K1,01/05/2026,99213,-100.00,-80.00,CO-45 -20.00,02/10/2026,22',
        'K1,01/05/2026,99213,100.00,0,CO-50 100.00,02/12/2026,1',
      ].join('\n')),
    ]);
    const k = await engine.reviewKpis({ month: '2026-02', basis: 'remit' });
    expect(k.unmeasurable).toEqual([]);
    expect(k.kpis.post_payment_denied_amount.value).toBe(80);
  });

  it('are measured (here $0) once an 835 is loaded', async () => {
    const engine = await openTestEngine({ reference: false });
    // October 2025: ACC1002 and ACC1003 are denied and nothing pays them later; ACC1004,
    // paid, is reversed and paid again (835-reversal.835): not a recovery of a denial, nor a recoupment
    await engine.loadFiles([fixture('835-remit.835'), fixture('835-reversal.835')]);
    const k = await engine.reviewKpis({ month: '2025-10' });
    expect(k.unmeasurable).toEqual([]);
    expect(k.kpis.recovered_amount.value).toBe(0);
    expect(k.kpis.post_payment_denied_amount.value).toBe(0);
  });
});

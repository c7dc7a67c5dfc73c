import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFile, openTestEngine } from '../helpers.ts';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/x12/${name}`, import.meta.url))) });

describe('"Recovered later" when the loaded files cannot show it', () => {
  it('is not a figure for an export of first adjudications alone', async () => {
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
    expect(k.recovered_measurable).toBe(false);
    expect(k.kpis.recovered_amount).toMatchObject({ value: null, previous: null, average: null, change_previous: null });
  });

  it('is measured (here $0) once an 835 is loaded', async () => {
    const engine = await openTestEngine({ reference: false });
    // October 2025: ACC1002 and ACC1003 are denied and nothing pays them later; ACC1004,
    // paid, is reversed and paid again (835-reversal.835): not a recovery of a denial
    await engine.loadFiles([fixture('835-remit.835'), fixture('835-reversal.835')]);
    const k = await engine.reviewKpis({ month: '2025-10' });
    expect(k.recovered_measurable).toBe(true);
    expect(k.kpis.recovered_amount.value).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultReviewMonth, type ReviewMonth } from '../../../src/engine/analytics/partial-months.ts';
import { csvFile, openTestEngine } from '../helpers.ts';

const HEADER = 'Claim ID,Line #,DOS,Payer,Rendering Provider,CPT/HCPCS,Modifiers,Diagnosis Codes,Billed Amt,Paid Amt,Adj Codes,Remark Codes,Check Date,Claim Status';
const line = (claim: string, dos: string, check: string) => `${claim},1,${dos},Alpha Health,"LEE, ANN",99213,,I10,100.00,80.00,CO-45 20.00,,${check},`;

async function monthsOf(rows: string[]) {
  const engine = await openTestEngine({ reference: false });
  const [result] = await engine.loadFiles([csvFile('export.csv', [HEADER, ...rows].join('\n') + '\n')]);
  expect(result.status).toBe('loaded');
  return engine.reviewMonths();
}
const marks = (months: ReviewMonth[]) => months.map((m) => [m.month, m.partial]);

describe('partial months', () => {
  it('sees an export cut by date of service in the remittance months, and a month that ended before the remittances begin', async () => {
    // Services up to 2026-03-20. Days from service to remittance: 20, 20, 20, 52, 23 → median 20.
    const months = await monthsOf([
      line('P1', '03/02/2026', '03/22/2026'),
      line('P2', '03/09/2026', '03/29/2026'),
      line('P3', '03/20/2026', '04/09/2026'),
      line('P4', '03/10/2026', '05/01/2026'),
      line('P5', '02/27/2026', '03/22/2026'),
    ]);
    expect([months.first_remit, months.last_remit, months.lag_days]).toEqual(['2026-03-22', '2026-05-01', 20]);
    expect(marks(months.remit)).toEqual([
      ['2026-05', 'remits_end'], // May 1 < Fri May 29
      // remittances run past Thu Apr 30, but the newest service (Mar 20) is before Apr 30 − 20 days = Apr 10
      ['2026-04', 'services_end'],
      ['2026-03', 'remits_begin'], // Mar 22 > Mon Mar 2
    ]);
    expect(months.remit[1].reason).toMatch(/2026-03-20/);
    expect(marks(months.service)).toEqual([
      ['2026-03', null], // May 1 ≥ Mar 31 + 20 = Apr 20; the remittances begin (Mar 22) before it ends
      ['2026-02', 'remitted_before'], // ended Feb 28, before the oldest remittance (Mar 22)
    ]);
    // every remittance month is partial: the newest is shown, marked
    expect(defaultReviewMonth(months.remit)).toBe('2026-05');
    expect(defaultReviewMonth(months.service)).toBe('2026-03');
  });

  it('defaults to the newest month when every month is partial, and to nothing without months', () => {
    const m = (month: string, partial: ReviewMonth['partial']): ReviewMonth => ({ month, partial, reason: partial });
    expect(defaultReviewMonth([m('2026-05', 'remits_end'), m('2026-04', 'services_end')])).toBe('2026-05');
    expect(defaultReviewMonth([m('2026-05', 'adjudicating'), m('2026-04', null), m('2026-03', null)])).toBe('2026-04');
    expect(defaultReviewMonth([])).toBeUndefined();
  });

  it('marks nothing partial without remittance dates', async () => {
    const months = await monthsOf([line('Q1', '03/02/2026', ''), line('Q2', '04/02/2026', '')]);
    expect([months.first_remit, months.last_remit, months.lag_days]).toEqual([null, null, null]);
    expect(marks(months.service)).toEqual([['2026-04', null], ['2026-03', null]]);
    expect(months.remit).toEqual([]);
  });
});

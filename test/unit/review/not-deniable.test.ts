import { describe, expect, it } from 'vitest';
import { csvFile, openTestEngine } from '../helpers.ts';
import { exportCsv } from '../classify/export-builder.ts';

/**
 * Lines that cannot be denied stay out of every rate and are counted on the Files page
 * (README "What counts as a denial"). Hand count for March 2026: 4 lines loaded; the
 * $0.00 Category II code and the $0.01 G-code with CO-246 cannot be denied, so the month
 * has 2 lines, 1 denied (CO-197, $120): a line denial rate of 1/2, not 1/4.
 */
const LINES = [
  { claim: 'N1', cpt: '99214', dx: ['E11.9'], billed: 120, paid: 0, adj: 'CO-197 120.00' },
  { claim: 'N1', cpt: '3044F', dx: ['E11.9'], billed: 0, paid: 0 },
  { claim: 'N2', cpt: '99213', dx: ['I10'], billed: 100, paid: 70, adj: 'CO-45 30.00' },
  { claim: 'N2', cpt: 'G8427', dx: ['I10'], billed: 0.01, paid: 0, adj: 'CO-246 0.01' },
];

describe('lines that cannot be denied', () => {
  it('are left out of the month’s denominators and counted per file', async () => {
    const engine = await openTestEngine();
    const [result] = await engine.loadFiles([csvFile('quality-codes.csv', exportCsv(LINES))]);
    expect(result.rowsRejected).toBe(0);
    const kpis = await engine.reviewKpis({ month: '2026-03' });
    expect(kpis.current).toMatchObject({ lines: 2, claims: 2, denied_lines: 1, denied_amount: 120, billed: 220 });
    expect(kpis.kpis.denial_rate_lines.value).toBe(0.5);
    const [file] = await engine.files();
    expect(file).toMatchObject({ rows_loaded: 4, lines_not_deniable: 2 });
  });
});

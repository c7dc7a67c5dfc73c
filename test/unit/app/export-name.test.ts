import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/app/export-name.ts';

describe('export file names', () => {
  it('name the month alone for the month’s full export, and every filter or drill-down otherwise', () => {
    expect(exportFileName('denied-lines', { month: '2026-08', basis: 'service' })).toBe('denied-lines-2026-08.csv');
    expect(exportFileName('denied-lines', {})).toBe('denied-lines.csv');
    expect(exportFileName('denied-lines', { month: '2026-08', basis: 'remit', payers: ['Medicare Part B'] })).toBe(
      'denied-lines-2026-08-by-remittance-date-payer-medicare-part-b.csv',
    );
    expect(exportFileName('denied-lines', { month: '2026-08', pattern: '3f2a9c0d11e4b7a8' })).toBe('denied-lines-2026-08-pattern-3f2a9c0d11e4b7a8.csv');
    expect(exportFileName('denied-lines', { month: '2026-08', categories: ['missing_modifier'], procedures: ['99214', '73560', '71046'] }, ' M54.5 ')).toBe(
      'denied-lines-2026-08-missing-modifier-cpt-99214+73560+1-more-search-m54.5.csv',
    );
  });

  it('stay under 150 characters and safe for a file system', () => {
    const name = exportFileName('denied-lines', { month: '2026-08', providers: ['A'.repeat(200), 'B/..\\C:*?'] });
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name).toMatch(/^[a-z0-9.+-]+\.csv$/);
  });
});

import { describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../../sample-data/generator/write-csv.ts';
import { cents, listFiles, readCsv, readCsvText, type CsvRow } from './outputs.ts';

const EXPECTED_HEADER =
  'Claim ID,Patient Account,Patient Name,Line #,DOS,Payer,Payer ID,Rendering Provider,Rendering NPI,CPT/HCPCS,Mod 1,Mod 2,Mod 3,Mod 4,Dx 1,Dx 2,Dx 3,Dx 4,Dx Pointer,Units,Billed Amt,Allowed Amt,Paid Amt,Adj Codes,Remark Codes,Check #,Check Date,Claim Status';

/** NPI check digit (Luhn over 80840 + the first nine digits), written again here on purpose. */
function npiIsValid(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number).reverse();
  const total = digits.reduce((s, d, i) => s + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return total % 10 === 0;
}

describe('sample data volumes and shape', () => {
  const { header, rows } = readCsv();
  const distinct = (f: (r: CsvRow) => string) => new Set(rows.map(f));

  it('has the exact export header, UTF-8 text with CRLF rows and no BOM', () => {
    const text = readCsvText();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(EXPECTED_HEADER);
    expect(header.join(',')).toBe(EXPECTED_HEADER);
    expect(CSV_HEADER.join(',')).toBe(EXPECTED_HEADER);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has at least 15,000 service lines in 12 service months (FY2026 ICD-10-CM year)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15_000);
    const months = [...distinct((r) => `${r.DOS.slice(6)}-${r.DOS.slice(0, 2)}`)].sort();
    expect(months).toEqual([
      '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09',
    ]);
    expect(listFiles('837p')).toEqual(months.map((m) => `claims-${m}.837`));
  });

  it('has at least 8 rendering providers with valid, distinct NPIs', () => {
    const providers = distinct((r) => `${r['Rendering Provider']}|${r['Rendering NPI']}`);
    expect(providers.size).toBeGreaterThanOrEqual(8);
    const npis = distinct((r) => r['Rendering NPI']);
    expect(npis.size).toBe(providers.size);
    for (const npi of npis) expect(npiIsValid(npi), npi).toBe(true);
  });

  it('bills the five named California payers (and one more)', () => {
    const payers = distinct((r) => r.Payer);
    for (const p of ['Medicare Part B', 'Medi-Cal', 'Blue Shield of California', 'Anthem Blue Cross', 'Kaiser Permanente']) {
      expect(payers.has(p), p).toBe(true);
    }
    expect(payers.size).toBeGreaterThanOrEqual(5);
  });

  it('writes every field in the documented format', () => {
    const money = /^(\$\d{1,3}(,\d{3})*\.\d\d|\(\d{1,3}(,\d{3})*\.\d\d\))$/;
    for (const r of rows) {
      expect(r.DOS).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      expect(r['Check Date']).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      expect(r['Patient Name']).toMatch(/^[A-Z' -]+, [A-Z' -]+$/);
      for (const f of ['Billed Amt', 'Allowed Amt', 'Paid Amt']) expect(r[f]).toMatch(money);
      for (const f of ['Dx 1', 'Dx 2', 'Dx 3', 'Dx 4']) expect(r[f]).toMatch(/^([A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?)?$/);
      expect(r['Dx 1']).not.toBe('');
      expect(r['Dx Pointer']).toMatch(/^[1-4](,[1-4]){0,3}$/);
      expect(r['CPT/HCPCS']).toMatch(/^(\d{5}|[A-Z]\d{4})$/);
      // empty when the line was paid in full (allowed = charge, no patient share)
      expect(r['Adj Codes']).toMatch(/^(([A-Z]{2}-\w+ -?\d+\.\d\d)(; [A-Z]{2}-\w+ -?\d+\.\d\d)*)?$/);
      expect(r['Remark Codes']).toMatch(/^([A-Z]{1,2}\d+(; [A-Z]{1,2}\d+)*)?$/);
      expect(['Paid', 'Denied', 'Partially Paid']).toContain(r['Claim Status']);
      expect(cents(r['Billed Amt'])).toBeGreaterThan(0);
    }
  });

  it('keeps the outputs reasonably small', () => {
    expect(readCsvText().length).toBeLessThan(6_000_000);
  });
});

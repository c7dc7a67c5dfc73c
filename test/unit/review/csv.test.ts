import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, toCsv } from '../../../src/engine/export/csv.ts';

describe('CSV for Excel', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const text = toCsv([{ header: 'Payer', value: (r: { p: string }) => r.p }], [{ p: 'Medi-Cal' }, { p: 'Kaiser' }]);
    expect(text).toBe('\uFEFFPayer\r\nMedi-Cal\r\nKaiser\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('M54.5')).toBe('M54.5');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers (a negative amount is not neutralised) and empties for null', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('TRUE');
    expect(csvCell(['25', 'RT'])).toBe('25; RT');
  });

  it('quotes delimiters, quotes, line breaks and edge spaces, and reads back to the same values', () => {
    const rows = [
      { name: 'QUENBY, MARISOL', note: 'said "no"\nthen yes', amount: -12.5, date: '2026-09-18' },
      { name: ' padded ', note: '=cmd|calc', amount: 1234.56, date: null },
    ];
    const text = toCsv(
      [
        { header: 'Name', value: (r: (typeof rows)[number]) => r.name },
        { header: 'Note', value: (r) => r.note },
        { header: 'Amount ($)', value: (r) => r.amount },
        { header: 'Date', value: (r) => r.date },
      ],
      rows,
    );
    const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['Name', 'Note', 'Amount ($)', 'Date'],
      ['QUENBY, MARISOL', 'said "no"\nthen yes', '-12.5', '2026-09-18'],
      [' padded ', "'=cmd|calc", '1234.56', ''],
    ]);
  });
});

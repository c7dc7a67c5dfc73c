import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFile, openTestEngine } from '../helpers.ts';

const remit = new TextDecoder().decode(readFileSync(new URL('../../fixtures/x12/835-remit.835', import.meta.url)));
const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });

// Row numbers as a spreadsheet shows them (header = 1). Rejected, by hand:
//   rows 3, 5, 7: a date of service that is not a date (three different values)
//   rows 4, 8:    no claim ID
//   row 6:        two columns too many (a malformed record)
const EXPORT = csvFile(
  '=export.csv',
  [
    'Claim ID,DOS,CPT,Billed,Paid',
    'K1,01/05/2026,99213,100.00,80.00',
    'K2,13/45/2026,99213,100.00,80.00',
    ',01/05/2026,99213,100.00,80.00',
    'K4,2026-02-30,99214,120.00,0',
    'K5,01/05/2026,99213,100.00,80.00,x,y',
    'K6,yesterday,99213,100.00,80.00',
    ',01/07/2026,99215,150.00,0',
  ].join('\n'),
);

describe('rejected rows by reason', () => {
  it('groups rows whose reasons differ only by their values, counts them, and exports each group as Excel-safe CSV', async () => {
    const engine = await openTestEngine({ reference: false });
    // the same payment again in two re-formatted copies: refused twice, naming payer and file
    const results = await engine.loadFiles([EXPORT, text('remit.835', remit), text('copy-1.835', remit.replaceAll('~', '~\n')), text('copy-2.835', remit.replaceAll('~', '~\r\n'))]);
    expect(results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);

    const groups = await engine.rejectGroups();
    expect(groups.map((g) => [g.pattern, g.rows, g.files])).toEqual([
      ["date of service '…' is not a date (expected MM/DD/YYYY, YYYY-MM-DD or YYYYMMDD)", 3, 1],
      ['no claim ID', 2, 1],
      ['payment … was already loaded: its claims are not counted again', 2, 2],
      ['malformed CSV record: TOO MANY COLUMNS', 1, 1],
    ]);

    const dates = await engine.rejectRows(groups[0].pattern, 500);
    expect(dates.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['=export.csv', 3, "date of service '13/45/2026' is not a date (expected MM/DD/YYYY, YYYY-MM-DD or YYYYMMDD)"],
      ['=export.csv', 5, "date of service '2026-02-30' is not a date (expected MM/DD/YYYY, YYYY-MM-DD or YYYYMMDD)"],
      ['=export.csv', 7, "date of service 'yesterday' is not a date (expected MM/DD/YYYY, YYYY-MM-DD or YYYYMMDD)"],
    ]);
    expect((await engine.rejectRows(groups[0].pattern, 2)).map((r) => r.line)).toEqual([3, 5]);

    const csv = await engine.rejectsCsv('no claim ID');
    expect(csv).toBe(
      '\uFEFFFile,Line,Reason,Reason group,Text\r\n' +
        "'=export.csv,4,no claim ID,no claim ID,\r\n" +
        "'=export.csv,8,no claim ID,no claim ID,\r\n",
    );
    // all groups: every rejected row once
    expect((await engine.rejectsCsv()).trimEnd().split('\r\n')).toHaveLength(1 + 3 + 2 + 2 + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { readCsvSample } from '../../src/engine/ingest/csv/csv-sample.ts';
import { checkMapping, readsAsDate, readsAsMoney, readsAsProcedure } from '../../src/engine/ingest/csv/mapping-check.ts';
import { proposeMapping, type HeaderMapping } from '../../src/engine/ingest/csv/header-mapping.ts';
import { DATE_FORMATS } from '../../src/engine/ingest/csv/csv-normalise.sql.ts';
import { csvFile, openTestEngine } from './helpers.ts';
import { sql } from '../../src/engine/db/sql.ts';

const sample = (text: string) => readCsvSample(new TextEncoder().encode(text));
/** Each problem as severity, fields, rows affected, first rows (the message is checked where it matters). */
const summary = (text: string, mapping?: HeaderMapping) => {
  const s = sample(text);
  return checkMapping(s, mapping ?? proposeMapping(s.headers).mapping).problems.map((p) => [p.severity, p.fields.join('+'), p.rows, p.firstRows]);
};

describe('the first rows of an export', () => {
  it('are numbered as the loader numbers them: blank lines skipped, a quoted line break inside one row', () => {
    const s = sample('Claim ID,DOS\nK1,01/05/2026\n\nK2,01/06/2026\n"K3\nsecond line",01/07/2026\r\nK4,01/08/2026');
    expect(s.headers).toEqual(['Claim ID', 'DOS']);
    expect(s.rows).toEqual([
      { row: 2, cells: ['K1', '01/05/2026'] },
      { row: 3, cells: ['K2', '01/06/2026'] },
      { row: 4, cells: ['K3\nsecond line', '01/07/2026'] },
      { row: 5, cells: ['K4', '01/08/2026'] },
    ]);
    expect(s.whole).toBe(true);
  });

  it('leave out the cut last record of a prefix, and say the prefix is not the whole file', () => {
    const bytes = new TextEncoder().encode('Claim ID,DOS\nK1,01/05/2026\nK2,01/0');
    const s = readCsvSample(bytes, bytes.length + 100);
    expect(s.rows.map((r) => r.cells[0])).toEqual(['K1']);
    expect(s.whole).toBe(false);
  });

  it('read Windows-1252 text as such', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Claim ID,Patient\nK1,'), 0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x0a]);
    expect(readCsvSample(bytes).rows[0].cells).toEqual(['K1', 'Núñez']);
  });
});

describe('checking a mapping against the values', () => {
  it('finds nothing wrong in a well-mapped export', () => {
    expect(summary('Claim ID,DOS,CPT,Billed,Paid,Adj Codes\nC1,01/05/2026,99213,$100.00,80.00,CO-45 20.00\nC2,2026-01-06,G0439,120,0,CO-16\n')).toEqual([]);
  });

  it('blocks a procedure column that holds reason codes (a header "Code" guessed as CPT/HCPCS)', () => {
    const text = 'Claim ID,DOS,Code,CPT,Billed,Paid\nC1,01/05/2026,CO-45,99213,100.00,80.00\nC2,01/06/2026,CO-16,99214,120.00,0\nC3,01/07/2026,PR-1,99213,100.00,50.00\n';
    const s = sample(text);
    const [problem, ...rest] = checkMapping(s, proposeMapping(s.headers).mapping).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', fields: ['procedure'], column: 2, rows: 3, firstRows: [2, 3, 4] });
    expect(problem.message).toBe(
      '“CPT/HCPCS” is read from column “Code”, but all 3 filled rows there hold adjustment reason codes (like CO-45), not CPT/HCPCS codes ' +
        '(e.g. ‘CO-45’, ‘CO-16’, ‘PR-1’; rows 2, 3, 4). Pick the column that holds CPT/HCPCS codes.',
    );
    // mapped right, the file checks clean; with a cache of answers for this sample, the same answers
    const right = { claim_id: 0, service_date: 1, adjustment_codes: 2, procedure: 3, billed: 4, paid: 5 };
    expect(summary(text, right)).toEqual([]);
    const cache = new Map();
    expect(checkMapping(s, proposeMapping(s.headers).mapping, cache).problems).toEqual([problem]);
    expect(checkMapping(s, right, cache).problems).toEqual([]);
    expect(checkMapping(s, proposeMapping(s.headers).mapping, cache).problems).toEqual([problem]);
  });

  it('blocks an amount field that holds codes, and a reason field that holds amounts', () => {
    const text = 'Claim,DOS,CPT,Charge,Reason,Amount\nC1,01/05/2026,99213,100.00,CO-45,20.00\nC2,01/06/2026,99214,120.00,CO-97,120.00\nC3,01/07/2026,99213,90.00,,\n';
    // paid ← Reason (codes), adjustment reason ← Amount (amounts)
    const problems = checkMapping(sample(text), { claim_id: 0, service_date: 1, procedure: 2, billed: 3, paid: 4, adjustment_codes: 5 }).problems;
    expect(problems.map((p) => [p.severity, p.fields[0], p.rows, p.firstRows])).toEqual([
      ['error', 'paid', 2, [2, 3]],
      ['error', 'adjustment_codes', 2, [2, 3]],
    ]);
    expect(problems[0].message).toContain('“Paid amount” is read from column “Reason”, but all 2 filled rows there hold adjustment reason codes (like CO-45), not amounts');
    expect(problems[1].message).toContain('column “Amount”, but all 2 filled rows there hold amounts, not adjustment reason codes');
  });

  it('blocks a date field whose values are not dates, and only warns about a few bad dates with their rows', () => {
    const wrong = 'Claim ID,Payer,DOS,CPT,Billed\nK1,Aetna,01/05/2026,99213,100\nK2,Cigna,01/06/2026,99213,100\n';
    expect(summary(wrong, { claim_id: 0, service_date: 1, procedure: 3, billed: 4 })).toEqual([['error', 'service_date', 2, [2, 3]]]);
    // rows 3, 5 and 6 have a date that does not exist or is not one (hand count); 2 of 5 is a few, not a wrong column
    const few = 'Claim ID,DOS,CPT,Billed\nK1,01/05/2026,99213,100\nK2,13/45/2026,99213,100\nK3,01/07/2026,99213,100\nK4,2026-02-30,99214,120\nK5,yesterday,99213,100\n';
    const s = sample(few);
    const [problem] = checkMapping(s, proposeMapping(s.headers).mapping).problems;
    expect(problem).toMatchObject({ severity: 'warning', fields: ['service_date'], rows: 3, firstRows: [3, 5, 6] });
    expect(problem.message).toBe(
      '“Date of service (from)” (column “DOS”): 3 rows of 5 filled rows hold values that are not dates (e.g. ‘13/45/2026’, ‘2026-02-30’, ‘yesterday’; ' +
        'rows 3, 5, 6): those rows are not loaded (they are listed under Rejected rows).',
    );
  });

  it('blocks a procedure field reading amounts or dates, and an amount field reading ISO dates', () => {
    const text = 'Claim ID,DOS,CPT,Billed,Paid\nK1,2026-01-05,99213,125.50,80.00\nK2,2026-01-06,99214,150.00,0\n';
    expect(summary(text, { claim_id: 0, service_date: 1, procedure: 3, billed: 2, paid: 4 })).toEqual([['error', 'procedure', 2, [2, 3]]]);
    expect(summary(text, { claim_id: 0, service_date: 1, procedure: 1, billed: 3, paid: 4 })).toEqual([
      ['error', 'service_date+procedure', 0, []],
      ['error', 'procedure', 2, [2, 3]],
    ]);
    expect(summary(text, { claim_id: 0, service_date: 2, procedure: 2, billed: 1, paid: 4 })[0]).toEqual(['error', 'service_date+procedure', 0, []]);
    expect(summary(text, { claim_id: 0, service_date: 1, procedure: 2, billed: 3, paid: 4, allowed: 1 })).toEqual([
      ['error', 'service_date+allowed', 0, []],
      ['error', 'allowed', 2, [2, 3]],
    ]);
  });

  it('keeps a code a spreadsheet wrote as a number (142, 99213.0) and refuses one- or two-digit numbers as procedures', () => {
    expect(summary('Claim ID,DOS,CPT,Billed\nK1,01/05/2026,142,100\nK2,01/05/2026,99213.0,100\n')).toEqual([]);
    expect(summary('Claim ID,DOS,CPT,Billed\nK1,01/05/2026,45,100\nK2,01/05/2026,16,100\n')).toEqual([['error', 'procedure', 2, [2, 3]]]);
  });

  it('blocks a paid column that is empty in every row, and a required one', () => {
    const text = 'Claim ID,DOS,CPT,Billed,Paid\nK1,01/05/2026,99213,100,\nK2,01/05/2026,99213,100,\n';
    const [problem] = checkMapping(sample(text), proposeMapping(sample(text).headers).mapping).problems;
    expect(problem).toMatchObject({ severity: 'error', fields: ['paid'], rows: 2, firstRows: [2, 3] });
    expect(problem.message).toContain('which is empty in all 2 rows checked: no line would have a payment');
    expect(summary('Claim ID,DOS,CPT,Billed\n,01/05/2026,99213,100\n')).toEqual([['error', 'claim_id', 1, [2]]]);
  });

  it('leaves malformed records to the loader: they do not count against the mapping', () => {
    expect(summary('Claim ID,DOS,CPT,Billed\nK1,01/05/2026,99213,100\nK2,01/05/2026,CO-45,99213,100\n')).toEqual([]);
  });
});

describe('the value tests', () => {
  it('read what the loader’s SQL parsers read', async () => {
    const engine = await openTestEngine({ reference: false });
    const values = ['$1,234.56', '(12.00)', '12.00-', '100', '0', '.5', 'CO-45', 'abc', '', '2026-01-05', '01/05/2026', '1/5/26', '1/5/89',
      '20260105', '2026-02-30', '13/45/2026', '1-5-2026', '2026/1/5', '2026-01-05 10:00:00', '01/05/2026 10:00', '2026-01-05T10:00:00',
      '01/05/2026 10:00:00 AM', '99213', '142', '142.0', '99213.00', 'G0439', 'g0439', '0001F', 'M54.50', '1234567'];
    const rows = await engine.db.query<{ v: string; money: boolean; date: boolean; procedure: boolean }>(sql`
      SELECT v, dl_money(v) IS NOT NULL AS money,
        year(try_strptime(trim(v), ${DATE_FORMATS})) BETWEEN 1990 AND 2100 IS TRUE AS date,
        regexp_matches(coalesce(dl_procedure(v), ''), '^[A-Z0-9]{5}$') AS procedure
      FROM unnest(${values}) t(v) WHERE v <> ''`);
    expect(rows.length).toBe(values.length - 1);
    for (const r of rows) {
      expect([r.v, readsAsMoney(r.v), readsAsDate(r.v), readsAsProcedure(r.v)]).toEqual([r.v, r.money, r.date, r.procedure]);
    }
  });
});

describe('a mapping nobody confirmed for this file', () => {
  const WRONG = 'Claim ID,DOS,Code,CPT,Billed,Paid\nC1,01/05/2026,CO-45,99213,100.00,80.00\nC2,01/06/2026,CO-16,99214,120.00,0\n';

  it('does not load when the values do not fit it: the mapping is asked for, with the reason', async () => {
    const engine = await openTestEngine({ reference: false });
    const [guessed] = await engine.loadFiles([csvFile('guess.csv', WRONG)]);
    expect(guessed.status).toBe('needs-mapping');
    expect(guessed.message).toMatch(/^The columns as recognised by their names do not fit the file: “CPT\/HCPCS” is read from column “Code”/);
    expect(guessed.proposal?.mapping.procedure).toBe(2);

    // remembered for this layout, and wrong: asked again too
    const remembered = { claim_id: 0, service_date: 1, procedure: 2, billed: 4, paid: 5 };
    const [again] = await engine.loadFiles([csvFile('guess.csv', WRONG)], { mappingFor: () => remembered });
    expect(again.status).toBe('needs-mapping');
    expect(again.message).toMatch(/^The column mapping remembered for this layout does not fit the file/);
    expect((await engine.files()).length).toBe(0);

    // the mapping the user picks loads
    const [loaded] = await engine.loadFiles([csvFile('guess.csv', WRONG)], { mapping: { claim_id: 0, service_date: 1, adjustment_codes: 2, procedure: 3, billed: 4, paid: 5 } });
    expect(loaded).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 0 });
  });
});

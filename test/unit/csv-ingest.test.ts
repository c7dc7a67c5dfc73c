import { describe, it, expect, beforeEach } from 'vitest';
import { sql, type Sql } from '../../src/engine/db/sql.ts';
import { openTestEngine, csvFile } from './helpers.ts';
import type { Engine } from '../../src/engine/engine.ts';

let engine: Engine;
beforeEach(async () => {
  engine = await openTestEngine();
});

const HEADER = 'Claim #;Acct No;DOS;Payer Name;Rendering Provider;CPT;Mod 1;Mod 2;Dx 1;Dx 2;Dx Pointer;Units;Chg Amt;Alwd Amt;Paid Amt;Adj Codes;RARC;Check Date';

describe('CSV export ingest', () => {
  it('detects the delimiter, strips the BOM, reads quoted fields, money and the three date formats', async () => {
    const text =
      '\uFEFF' +
      [
        HEADER,
        'C1;A1;03/04/2026;"Anthem; Blue Cross";"Lee, Ann";99214;25;;M54.50;R05.9;1;1;$1,234.56;100.00;80.00;"CO-45 1,134.56; PR-2 20.00";;03/20/2026',
        'C1;A1;2026-03-04;"Anthem; Blue Cross";"Lee, Ann";20610;RT;;M54.50;R05.9;2,1;1;$150.00;0;(12.00);CO-97 162.00;N20;20260320',
        'C2;A2;20260305;Medicare;"Kim, Bo";71046;;;M25.571;;1;1;$80.00;0;0;CO-11 80.00;"M76"; 03/21/2026',
      ].join('\r\n') +
      '\r\n';
    const [result] = await engine.loadFiles([csvFile('export.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(result).toMatchObject({ format: 'csv', content: 'claim+remit', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });

    const lines = await engine.db.query<Record<string, unknown>>(
      sql`SELECT claim_id, strftime(service_date, '%Y-%m-%d') AS dos, payer, provider, procedure, modifiers, billed::DOUBLE AS billed,
              allowed::DOUBLE AS allowed, paid::DOUBLE AS paid, dx_pointers, strftime(paid_date, '%Y-%m-%d') AS paid_date
       FROM service_lines ORDER BY line_id`,
    );
    expect(lines).toEqual([
      { claim_id: 'C1', dos: '2026-03-04', payer: 'Anthem; Blue Cross', provider: 'Lee, Ann', procedure: '99214', modifiers: ['25'], billed: 1234.56, allowed: 100, paid: 80, dx_pointers: [1], paid_date: '2026-03-20' },
      { claim_id: 'C1', dos: '2026-03-04', payer: 'Anthem; Blue Cross', provider: 'Lee, Ann', procedure: '20610', modifiers: ['RT'], billed: 150, allowed: 0, paid: -12, dx_pointers: [2, 1], paid_date: '2026-03-20' },
      { claim_id: 'C2', dos: '2026-03-05', payer: 'Medicare', provider: 'Kim, Bo', procedure: '71046', modifiers: [], billed: 80, allowed: 0, paid: 0, dx_pointers: [1], paid_date: '2026-03-21' },
    ]);
    expect(await engine.db.query(sql`SELECT claim_key, seq, code FROM diagnoses ORDER BY claim_key, seq`)).toEqual([
      { claim_key: 1, seq: 1, code: 'M5450' },
      { claim_key: 1, seq: 2, code: 'R059' },
      { claim_key: 2, seq: 1, code: 'M25571' },
    ]);
    expect(await engine.db.query(sql`SELECT line_id, group_code, carc, amount::DOUBLE AS amount FROM adjustments ORDER BY line_id, carc`)).toEqual([
      { line_id: 1, group_code: 'PR', carc: '2', amount: 20 },
      { line_id: 1, group_code: 'CO', carc: '45', amount: 1134.56 },
      { line_id: 2, group_code: 'CO', carc: '97', amount: 162 },
      { line_id: 3, group_code: 'CO', carc: '11', amount: 80 },
    ]);
    expect(await engine.db.query(sql`SELECT line_id, code FROM remarks ORDER BY line_id`)).toEqual([
      { line_id: 2, code: 'N20' },
      { line_id: 3, code: 'M76' },
    ]);
  });

  it('rejects unusable rows with their spreadsheet row number and reason, and loads the rest', async () => {
    const text = [
      'Claim ID,DOS,CPT,Billed,Paid',
      'K1,01/05/2026,99213,100.00,80.00',
      ',01/05/2026,99213,100.00,80.00',
      'K3,13/45/2026,99213,100.00,80.00',
      'K4,01/05/2026,99213,ten dollars,0',
      'K5,01/05/2026,99213,100.00',
      'K6,01/06/2026,"9921,3",100.00,0',
      'K7,01/07/2026,99214,"multi',
      'line",0,0,extra',
      'K8,01/08/2026,142,50.00,0',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('bad-rows.csv', text)]);
    expect(result.status).toBe('loaded');
    expect(result.rowsRead).toBe(8);
    expect(result.rowsLoaded).toBe(2);
    expect(result.rowsRejected).toBe(6);
    const rejects = await engine.rejects();
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'no claim ID'],
      [4, expect.stringContaining("date of service '13/45/2026' is not a date")],
      [5, "billed amount 'ten dollars' is not an amount"],
      [6, expect.stringContaining('malformed CSV record')],
      [7, "procedure '9921,3' is not a 5-character CPT/HCPCS code"],
      [8, expect.stringContaining('malformed CSV record')],
    ]);
    // a spreadsheet that turned 00142 into 142: restored and flagged
    expect(await engine.db.query(sql`SELECT claim_id, procedure, flags FROM service_lines ORDER BY line_id`)).toEqual([
      { claim_id: 'K1', procedure: '99213', flags: [] },
      { claim_id: 'K8', procedure: '00142', flags: ['procedure_zero_padded'] },
    ]);
  });

  it('refuses the same file twice and counts nothing twice', async () => {
    const text = 'Claim ID,DOS,CPT,Billed,Paid,Adj Codes\nZ1,02/01/2026,99213,100,0,CO-16\n';
    const first = await engine.loadFiles([csvFile('a.csv', text)]);
    const second = await engine.loadFiles([csvFile('copy-of-a.csv', text)]);
    expect(first[0].status).toBe('loaded');
    expect(second[0].status).toBe('duplicate');
    // names the earlier file ("copy-of-a.csv" contains "a.csv": match the quoted name)
    expect(second[0].message).toMatch(/^identical to “a\.csv”, loaded \d{4}-\d{2}-\d{2} \d{2}:\d{2}: nothing was added$/);
    expect((await engine.kpis()).lines).toBe(1);
    expect((await engine.files()).length).toBe(1);
  });

  it('asks for a mapping when required columns are not recognised, then loads with it', async () => {
    const text = 'Encounter Ref,Svc Dt,Code,Amt Billed\nE1,02/03/2026,99213,100\n';
    const [first] = await engine.loadFiles([csvFile('odd.csv', text)]);
    expect(first.status).toBe('needs-mapping');
    expect(first.proposal?.headers).toEqual(['Encounter Ref', 'Svc Dt', 'Code', 'Amt Billed']);
    expect(first.proposal?.missing).toEqual(['claim_id', 'service_date', 'billed']);
    expect(await engine.files()).toEqual([]);

    const mapping = { claim_id: 0, service_date: 1, procedure: 2, billed: 3 };
    const [second] = await engine.loadFiles([csvFile('odd.csv', text)], { mappingFor: (sig) => (sig === first.proposal?.signature ? mapping : undefined) });
    expect(second.status).toBe('loaded');
    expect(second.content).toBe('claim');
  });

  it('gives a clear message for files that are not CSV exports', async () => {
    const results = await engine.loadFiles([
      { name: 'empty.csv', bytes: new Uint8Array() },
      { name: 'photo.835', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
      csvFile('notes.txt', 'just some words\nand more words\n'),
      csvFile('weird.csv', 'alpha,beta,gamma\n1,2,3\n'),
    ]);
    expect(results.map((r) => [r.status, r.message])).toEqual([
      ['rejected', 'the file is empty'],
      ['rejected', 'this is a JPEG image, not a CSV export or an X12 file'],
      ['rejected', expect.stringContaining('no columns found')],
      ['rejected', 'no recognisable columns among: alpha, beta, gamma'],
    ]);
    expect(await engine.files()).toEqual([]);
  });

  it('merges repeated rows of one line (one row per denial code) instead of double counting', async () => {
    const text = [
      'Claim ID,Line,DOS,CPT,Billed,Paid,Denial Code,Check Date',
      'R1,1,02/01/2026,99213,100,0,CO-16,02/20/2026',
      'R1,1,02/01/2026,99213,100,0,N290,02/20/2026',
      'R1,1,02/01/2026,99213,100,0,CO-16,02/20/2026',
    ].join('\n');
    const [result] = await engine.loadFiles([csvFile('repeat.csv', text)]);
    expect(result.rowsLoaded).toBe(3);
    expect(await engine.db.query(sql`SELECT count(*)::INT AS n FROM service_lines`)).toEqual([{ n: 1 }]);
    expect(await engine.db.query(sql`SELECT carc FROM adjustments`)).toEqual([{ carc: '16' }]);
    expect(await engine.db.query(sql`SELECT code FROM remarks`)).toEqual([{ code: 'N290' }]);
    expect((await engine.kpis()).denied_amount).toBe(100);
  });

  it('reads Windows-1252 exports and says so', async () => {
    // ñ (0xF1) and the curly quotes Excel writes (0x93, 0x94), which Latin-1 would turn into control characters
    const latin1 = new Uint8Array([...new TextEncoder().encode('Claim ID,DOS,CPT,Billed,Paid,Provider\nW1,02/01/2026,99213,100,80,Mu'), 0xf1, ...new TextEncoder().encode('oz '), 0x93, 0x41, 0x94, 0x0a]);
    const [result] = await engine.loadFiles([{ name: 'latin1.csv', bytes: latin1 }]);
    expect(result.status).toBe('loaded');
    expect(result.warnings[0]).toContain('Windows-1252');
    expect(await engine.db.query(sql`SELECT provider FROM service_lines`)).toEqual([{ provider: 'Muñoz “A”' }]);
  });

  it('removes every row of a file whose load fails half-way, and keeps what was loaded before', async () => {
    await engine.loadFiles([csvFile('good.csv', 'Claim ID,DOS,CPT,Billed,Paid,Adj Codes\nG1,02/01/2026,99213,100,0,CO-16\n')]);
    const counts = () =>
      engine.db.query(sql`SELECT (SELECT count(*) FROM files)::INT f, (SELECT count(*) FROM claims)::INT c, (SELECT count(*) FROM service_lines)::INT l,
        (SELECT count(*) FROM adjustments)::INT a, (SELECT count(*) FROM diagnoses)::INT d, (SELECT count(*) FROM rejects)::INT r`);
    const before = await counts();
    const exec = engine.db.exec.bind(engine.db);
    engine.db.exec = async (statements: Sql) => {
      if (statements.text.includes('INSERT INTO remarks')) throw new Error('disk on fire');
      return exec(statements);
    };
    const [result] = await engine.loadFiles([
      csvFile('breaks.csv', 'Claim ID,DOS,CPT,Billed,Paid,Adj Codes,Dx 1\nB1,02/02/2026,99214,150,0,CO-11,M54.50\n,02/02/2026,99214,150,0,CO-11,M54.50\n'),
    ]);
    engine.db.exec = exec;
    expect(result.status).toBe('rejected');
    expect(result.message).toContain('disk on fire');
    expect(await counts()).toEqual(before);
  });
});


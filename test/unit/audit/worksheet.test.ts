import { describe, it, expect, beforeAll } from 'vitest';
import { openTestEngine, csvFile } from '../helpers.ts';
import { exportCsv, denied } from '../classify/export-builder.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { AuditSample, WorksheetRow } from '../../../src/engine/audit/sample.ts';
import { auditResults, type Reviews } from '../../../src/engine/audit/review.ts';
import { sampleIdentity } from '../../../src/engine/audit/identity.ts';

let engine: Engine;
let sample: AuditSample;
beforeAll(async () => {
  engine = await openTestEngine({ reference: false });
  const lines = [
    denied('CO-11', { claim: 'W1', cpt: '71046', dx: ['M25.571'], payer: 'Medicare Part B' }),
    denied('CO-4', { claim: 'W2', cpt: '73560', dx: ['M25.561'], provider: 'O"BRIEN, =CMD' }),
    { claim: 'W2', cpt: '99213', dx: ['M25.561'], paid: 70, adj: 'CO-45 30.00' },
    denied('CO-27', { claim: 'W3', cpt: '99214', mods: ['25'], dx: ['R05.9'], payer: 'Anthem; Blue Cross' }),
    denied('CO-16', { claim: 'W4', cpt: '99213', dx: ['M54.5'], remarks: ['M76'] }),
    denied('CO-18', { claim: 'W5', cpt: '99213', dx: ['J02.9'] }),
  ];
  await engine.loadFiles([csvFile('w.csv', exportCsv(lines))]);
  sample = await engine.drawSample({ filters: {}, deniedOnly: true, unit: 'claim', size: 5, seed: 7, strata: null });
  expect(sample.rows.map((r) => r.claimId).sort()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5']);
});

const drawOf = (claimId: string) => sample.rows.find((r) => r.claimId === claimId)!.draw;

function edits(): Reviews {
  return {
    [drawOf('W1')]: { supports: 'no', correctCodes: '=HYPERLINK("http://x","y")', finding: 'mismatch', dollarsInError: 80, notes: 'chart says "ankle", not chest;\nsecond line' },
    [drawOf('W2')]: { supports: 'partly', correctCodes: '-73560-RT', finding: 'missing_modifier', dollarsInError: 1234.56, notes: '  leading and trailing spaces  ' },
    [drawOf('W3')]: { supports: 'yes', correctCodes: '+99214-25', finding: 'eligibility', dollarsInError: 0, notes: '@SUM(A1) naïve café – ü' },
    [drawOf('W4')]: { supports: null, correctCodes: '\tM54.50', finding: 'none', dollarsInError: null, notes: '' },
    [drawOf('W5')]: { supports: 'yes', correctCodes: '', finding: null, dollarsInError: -12.5, notes: "'=already quoted?" },
  };
}

describe('worksheet CSV', () => {
  it('is Excel-safe: BOM, CRLF, ISO dates, formula-like text neutralised, numbers as numbers', () => {
    const csv = engine.worksheetCsv(sample, edits());
    // the identity block (11 facts, a blank row), then the table
    expect(csv.startsWith('\uFEFFDenial Lens audit sample\r\nSeed,7\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[13].startsWith('Draw #,Stratum,Claim ID,Patient account,DOS from,DOS to,')).toBe(true);
    expect(lines).toHaveLength(13 + sample.rows.length + 2);
    expect(csv).toContain(`\r\nFrame fingerprint (SHA-256),${sample.frame.fingerprint}\r\n`);
    expect(csv).toContain(`\r\nDrawn at,${sample.drawnAt}\r\n`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`,'-73560-RT,`);
    expect(csv).toContain(`,'+99214-25,`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain(`,'\tM54.50,`);
    expect(csv).toContain('"O""BRIEN, =CMD / DOE, JANE"'); // "=" inside a cell is harmless
    expect(csv).toContain(',2026-03-02,2026-03-02,');
    expect(csv).toContain(',1234.56,');
    expect(csv).toContain(',-12.5,'); // a negative number stays a number
  });

  it('round-trips: export → import gives the same edits', () => {
    const bytes = new TextEncoder().encode(engine.worksheetCsv(sample, edits()));
    const imported = engine.readWorksheetCsv(sample, {}, bytes);
    expect(imported.unmatched).toEqual([]);
    expect(imported.problems).toEqual([]);
    expect(imported.matched).toBe(5);
    expect(imported.notInFile).toBe(0);
    const expected = edits();
    // an apostrophe before = + - @ is a spreadsheet's text prefix, on the way in as in Excel
    expected[drawOf('W5')].notes = '=already quoted?';
    expect(imported.reviews).toEqual(expected);
  });

  it('reads back what Excel saves: semicolons, Windows-1252, labels typed by hand, $ amounts; reports what it cannot match', () => {
    const text = [
      'Denial Lens audit sample',
      ...sampleIdentity(sample).map(([label, value]) => `${label};"${value}"`),
      '',
      'Draw #;Claim ID;Payer;Documentation supports codes (yes/no/partly);Correct codes;Finding category;Dollars in error;Notes',
      `1;W1;Medicare Part B;Yes;;Mismatch;$1,250.00;café`,
      `2;W3;x;partial;99213;Eligibility / coverage;(5.00);`,
      `3;W9;x;no;;;;`,
      `4;W4;x;maybe;;no error found;ten dollars;`,
      `;;;;;;;`,
      `5;W1;x;no;;;;`,
    ].join('\r\n');
    // (é only: Node's TextDecoder reads windows-1252 as Latin-1, so 0x80–0x9F differ from browsers)
    const cp1252 = Uint8Array.from([...text].map((c) => (c === 'é' ? 0xe9 : c.charCodeAt(0))));
    const before: Reviews = { [drawOf('W5')]: { supports: 'no', correctCodes: 'kept', finding: null, dollarsInError: null, notes: '' } };
    const result = engine.readWorksheetCsv(sample, before, cp1252);
    expect(result.matched).toBe(3);
    expect(result.reviews[drawOf('W1')]).toEqual({ supports: 'yes', correctCodes: '', finding: 'mismatch', dollarsInError: 1250, notes: 'café' });
    expect(result.reviews[drawOf('W3')]).toEqual({ supports: 'partly', correctCodes: '99213', finding: 'eligibility', dollarsInError: -5, notes: '' });
    expect(result.reviews[drawOf('W4')]).toMatchObject({ supports: null, finding: 'none', dollarsInError: null });
    expect(result.reviews[drawOf('W5')]).toEqual(before[drawOf('W5')]);
    expect(result.unmatched).toEqual([
      { row: 17, claimId: 'W9', reason: 'claim W9 is not in this sample' },
      { row: 20, claimId: 'W1', reason: `draw #${drawOf('W1')} appears twice in the file; the first row was taken` },
    ]);
    expect(result.problems.map((p) => [p.row, p.value])).toEqual([[18, 'maybe'], [18, 'ten dollars']]);
    expect(result.notInFile).toBe(2);
  });

  it('refuses a file without a Claim ID column', () => {
    expect(() => engine.readWorksheetCsv(sample, {}, new TextEncoder().encode('a,b\n1,2\n'))).toThrow(/Claim ID/);
  });
});

describe('audit results', () => {
  const row = (draw: number, category: WorksheetRow['category'], billed: number) => ({ draw, category, billed }) as WorksheetRow;
  const rows = [row(1, 'mismatch', 100), row(2, 'mismatch', 50), row(3, 'eligibility', 200), row(4, null, 80), row(5, 'outdated', 10)];
  const reviews: Reviews = {
    1: { supports: 'no', correctCodes: '', finding: 'mismatch', dollarsInError: 100, notes: '' },
    2: { supports: 'yes', correctCodes: '', finding: 'none', dollarsInError: null, notes: '' },
    3: { supports: 'yes', correctCodes: '', finding: 'eligibility', dollarsInError: 0, notes: '' },
    4: { supports: 'partly', correctCodes: '', finding: 'none', dollarsInError: 20.1, notes: '' },
  };

  it('counts agreement, errors and dollars in error overall and per category of ours', () => {
    const r = auditResults(rows, reviews);
    expect(r).toMatchObject({ units: 5, reviewed: 4, errors: 2, errorRate: 0.5, compared: 4, agreed: 3, agreementRate: 0.75, dollarsInError: 120.1, billedReviewed: 430 });
    expect(r.dollarErrorRate).toBeCloseTo(120.1 / 430, 10);
    expect(r.byCategory.map((c) => [c.category, c.units, c.reviewed, c.errors, c.agreed, c.compared, c.dollarsInError])).toEqual([
      ['outdated', 1, 0, 0, 0, 0, 0],
      ['mismatch', 2, 2, 1, 1, 2, 100],
      ['eligibility', 1, 1, 0, 1, 1, 0],
      [null, 1, 1, 1, 1, 1, 20.1],
    ]);
    expect(r.byCategory[0].errorRate).toBeNull();
  });
});

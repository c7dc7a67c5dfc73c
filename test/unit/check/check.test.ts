import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.ts';
import type { CheckLine, CheckResult } from '../../../src/engine/check/check.ts';
import { csvFile, openTestEngine } from '../helpers.ts';
import { sql } from '../../../src/engine/db/sql.ts';
import { denied, exportCsv, type TestLine } from '../classify/export-builder.ts';

/**
 * Checking an outgoing batch against a hand-built history. Expected flags come from sources, not
 * from the rules:
 * - ICD-10-CM: M54.5 is a header from FY2022 on (FY2022 addenda: delete M545, add M5450/M5451/M5459;
 *   CDC/NCHS), M25.569 "Pain in unspecified knee" has M25.561/M25.562 (FY2026 tabular);
 * - CPT 99442 deleted 2025-01-01 (AMA CPT 2025; CMS CY2025 PFS final rule);
 * - CMS PPRRVU RVU25D (../shared/reference-data/cms-pfs-indicators/pprrvu_2025_Q4_RVU25D.csv.gz):
 *   20610 global 000 → 25 on a same-day E/M; 73560 bilateral indicator 3 → RT or LT;
 * - the history's planted denials, counted by hand below (export-builder's check date = DOS + 18 days).
 */
const paid = (line: Omit<TestLine, 'paid' | 'adj'>): TestLine => ({ ...line, paid: 80, adj: 'CO-45 15.00' });
const ACME = 'Acme Health';

const HISTORY: TestLine[] = [
  // Acme denied 71046 for M25.571 three times ($95 each), never paid it with M25.571
  denied('CO-11', { claim: 'H1', dos: '2026-01-05', payer: ACME, cpt: '71046', dx: ['M25.571'], billed: 95 }),
  denied('CO-11', { claim: 'H2', dos: '2026-02-10', payer: ACME, cpt: '71046', dx: ['M25.571'], billed: 95 }),
  denied('CO-11', { claim: 'H3', dos: '2026-03-03', payer: ACME, cpt: '71046', dx: ['M25.571'], billed: 95 }),
  // …and paid it for R06.02
  paid({ claim: 'H4', dos: '2026-03-04', payer: ACME, cpt: '71046', dx: ['R06.02'], billed: 95 }),
  // another payer's denial of the same pair does not count for Acme
  denied('CO-11', { claim: 'H5', dos: '2026-03-05', payer: 'Bolt Care', cpt: '71046', dx: ['M25.571'], billed: 95 }),
  // Acme denied 99214 billed without 25 beside 20610, twice ($290 each)
  denied('CO-4', { claim: 'H6', dos: '2026-02-02', payer: ACME, cpt: '99214', dx: ['M17.11'], billed: 290 }),
  paid({ claim: 'H6', dos: '2026-02-02', payer: ACME, cpt: '20610', mods: ['RT'], dx: ['M17.11'], billed: 175 }),
  denied('CO-4', { claim: 'H7', dos: '2026-03-09', payer: ACME, cpt: '99214', dx: ['M17.11'], billed: 290 }),
  paid({ claim: 'H7', dos: '2026-03-09', payer: ACME, cpt: '20610', mods: ['LT'], dx: ['M17.11'], billed: 175 }),
];

/** A charges CSV as a PM system writes the claims it is about to send: no payment columns. */
const BATCH = `Claim ID,Line #,DOS,Payer,Rendering Provider,CPT/HCPCS,Modifiers,Diagnosis Codes,Billed Amt
B1,1,04/06/2026,${ACME},"DOE, JANE",71046,,M25.571,95.00
B2,1,04/06/2026,${ACME},"DOE, JANE",71046,,R06.02,95.00
B3,1,04/06/2026,Cedar Plan,"DOE, JANE",71046,,M25.571,95.00
B4,1,04/06/2026,${ACME},"DOE, JANE",99214,,M17.11,290.00
B4,2,04/06/2026,${ACME},"DOE, JANE",20610,RT,M17.11,175.00
B5,1,04/06/2026,Medicare Part B,=SUM(1),99213,,M54.5,205.00
B6,1,04/06/2026,Medicare Part B,"DOE, JANE",99213,,M25.569,205.00
B7,1,04/06/2026,Medicare Part B,"DOE, JANE",99442,,I10,135.00
B8,1,04/06/2026,Medicare Part B,"DOE, JANE",73560,,M25.561,84.00
B9,1,04/06/2026,Medicare Part B,"DOE, JANE",99213,25,M17.11,205.00
B9,2,04/06/2026,Medicare Part B,"DOE, JANE",20610,RT,M17.11,175.00
B10,1,04/06/2026,${ACME},"DOE, JANE",99214,,M17.11,290.00
B10,2,04/06/2026,${ACME},"DOE, JANE",G2211,,M17.11,38.00
`;

describe('checking an outgoing batch', () => {
  let engine: Engine;
  let result: CheckResult;
  let historyLine: Map<string, number>;
  let kpisBefore: unknown;
  const line = (claim: string, n = 1): CheckLine => result.claims.find((c) => c.claim_id === claim)!.lines.find((l) => l.line_number === n)!;
  const flags = (claim: string, n = 1) => line(claim, n).flags.map((f) => `${f.category}/${f.source}`).sort();

  beforeAll(async () => {
    engine = await openTestEngine();
    await engine.loadFiles([csvFile('history.csv', exportCsv(HISTORY))]);
    kpisBefore = await engine.kpis({});
    const loaded = await engine.checkBatch(csvFile('batch.csv', BATCH));
    expect(loaded.status, loaded.message).toBe('loaded');
    result = await engine.checkResult();
    // the history's line ids, to find the original lines the flags name
    const lines = await engine.db.query<{ claim_id: string; line_id: number }>(sql`SELECT claim_id, line_id FROM denial_facts`);
    historyLine = new Map(lines.map((l) => [l.claim_id, Number(l.line_id)]));
  }, 120_000);

  it('leaves the history as it was: same figures, no file added', async () => {
    expect(await engine.kpis({})).toEqual(kpisBefore);
    expect((await engine.files()).map((f) => f.name)).toEqual(['history.csv']);
    expect(result.batch).toMatchObject({ name: 'batch.csv', lines: 13, claims: 10, rows_rejected: 0 });
  });

  it('flags a payer\'s recurring mismatch with its count, dollars, dates and the original lines', () => {
    const pattern = line('B1').flags.find((f) => f.source === 'pattern')!;
    expect(pattern.category).toBe('mismatch');
    expect(pattern.text).toContain('3 times ($285.00)');
    expect(pattern.text).toContain('last 2026-03-03, 2026-02-10, 2026-01-05');
    expect(pattern.past.map((p) => Number(p.line_id))).toEqual(['H3', 'H2', 'H1'].map((c) => historyLine.get(c)));
    expect(pattern.past.map((p) => p.service_date)).toEqual(['2026-03-03', '2026-02-10', '2026-01-05']);
    const pair = line('B1').flags.find((f) => f.source === 'crosswalk')!;
    expect(pair.category).toBe('mismatch');
    expect(pair.text).toContain('never paid');
    expect(pair.past).toHaveLength(3);
  });

  it('does not flag a pair the payer paid, nor another payer\'s history', () => {
    expect(flags('B2')).toEqual([]);
    expect(flags('B3')).toEqual([]);
  });

  it('flags the E/M beside a 0-day global procedure by the rule and by the payer\'s own denials', () => {
    expect(flags('B4')).toEqual(['missing_modifier/pattern', 'missing_modifier/rule']);
    expect(line('B4').flags.find((f) => f.source === 'rule')!.fix).toContain('Append 25 to 99214');
    expect(line('B4').flags.find((f) => f.source === 'pattern')!.text).toContain('2 times ($580.00)');
    expect(flags('B4', 2)).toEqual([]);
  });

  it('does not match that pattern when the code beside the E/M is an add-on (G2211: CMS PFS global ZZZ)', () => {
    expect(flags('B10')).toEqual([]);
    expect(flags('B10', 2)).toEqual([]);
  });

  it('flags code data on the date of service, with the specific codes', () => {
    const m545 = line('B5').flags.find((f) => f.category === 'outdated')!;
    expect(m545.fix).toContain('M54.50/M54.51/M54.59');
    expect(line('B6').flags.find((f) => f.category === 'unspecified')!.text).toContain('M25.561 or M25.562');
    expect(flags('B7')).toEqual(['outdated/reference']);
    expect(line('B7').flags[0].text).toContain('99442 was deleted 2025-01-01');
    expect(flags('B8')).toEqual(['missing_modifier/rule']);
    expect(line('B8').flags[0].fix).toContain('Append RT to 73560');
    expect(flags('B9')).toEqual([]);
    expect(flags('B9', 2)).toEqual([]);
  });

  it('ranks claims by dollars at risk: the charges of the flagged lines', () => {
    expect(result.claims.map((c) => [c.claim_id, c.at_risk])).toEqual([
      ['B4', 290],
      ['B5', 205],
      ['B6', 205],
      ['B7', 135],
      ['B1', 95],
      ['B8', 84],
      ['B10', 0],
      ['B2', 0],
      ['B3', 0],
      ['B9', 0],
    ]);
    expect(result.at_risk).toBe(290 + 205 + 205 + 135 + 95 + 84);
    expect(result.flagged_lines).toBe(6);
  });

  it('exports the worklist with spreadsheet formulas neutralised', async () => {
    const csv = await engine.checkWorklistCsv();
    expect(csv).toContain("'=SUM(1)");
    expect(csv).not.toMatch(/,=SUM/);
    expect(csv.split('\r\n')[1]).toMatch(/^1,B4,/);
  });

  it('refuses a remittance or a file of the history as a batch, and keeps the batch checked before', async () => {
    const again = await engine.checkBatch(csvFile('history-again.csv', exportCsv(HISTORY)));
    expect(again.status).toBe('duplicate');
    expect(again.message).toContain('must not be part of the loaded history');
    expect((await engine.checkResult()).claims).toHaveLength(10);
  });

  it('reads a CSV layout by the mapping the user remembered for it', async () => {
    const text = 'Ticket,DOS,Payer,CPT/HCPCS,Diagnosis Codes,Billed Amt\nT1,04/06/2026,Medicare Part B,99213,R05,205.00\n';
    const first = await engine.checkBatch(csvFile('odd.csv', text));
    expect(first.status).toBe('needs-mapping');
    const { signature, mapping } = first.proposal!;
    const loaded = await engine.checkBatch(csvFile('odd.csv', text), { [signature]: { ...mapping, claim_id: 0 } });
    expect(loaded.status, loaded.message).toBe('loaded');
    const checked = await engine.checkResult();
    // R05 is a header from FY2022 on (R05.1–R05.9 added; FY2022 ICD-10-CM addenda)
    expect(checked.claims.map((c) => [c.claim_id, c.at_risk])).toEqual([['T1', 205]]);
    expect(checked.claims[0].lines[0].flags.map((f) => f.category)).toEqual(['outdated']);
    await engine.checkBatch(csvFile('batch-again.csv', BATCH));
  });

  it('checks the batch again when the history changes', async () => {
    const fileId = (await engine.files())[0].file_id;
    await engine.removeFile(fileId);
    const after = await engine.checkResult();
    const b1 = after.claims.find((c) => c.claim_id === 'B1')!.lines[0];
    expect(b1.flags).toEqual([]);
    expect(after.claims).toHaveLength(10);
  });
});

describe('backtest', () => {
  /**
   * January: L1 mismatch denied (no history yet: not flagged), L2 M54.5 denied CO-146 (flagged
   * outdated), L3 paid (no flag), L4 M25.569 paid (flagged unspecified: a false alarm).
   * February: L5 and L6 are 71046 for M25.571 at Acme; L1 was known on 2026-01-23 (its
   * remittance), so both are flagged (pattern and crosswalk): L5 was denied, L6 paid.
   */
  const LINES: TestLine[] = [
    denied('CO-11', { claim: 'L1', dos: '2026-01-05', payer: ACME, cpt: '71046', dx: ['M25.571'], billed: 95 }),
    denied('CO-146', { claim: 'L2', dos: '2026-01-06', cpt: '99213', dx: ['M54.5'], billed: 100 }),
    paid({ claim: 'L3', dos: '2026-01-07', cpt: '99213', dx: ['I10'], billed: 100 }),
    paid({ claim: 'L4', dos: '2026-01-08', cpt: '99213', dx: ['M25.569'], billed: 100 }),
    denied('CO-11', { claim: 'L5', dos: '2026-02-03', payer: ACME, cpt: '71046', dx: ['M25.571'], billed: 95 }),
    paid({ claim: 'L6', dos: '2026-02-04', payer: ACME, cpt: '71046', dx: ['M25.571'], billed: 95 }),
    paid({ claim: 'L7', dos: '2026-02-05', cpt: '99213', dx: ['I10'], billed: 100 }),
  ];

  it('learns only from the months before and scores recall and precision by hand count', async () => {
    const engine = await openTestEngine();
    await engine.loadFiles([csvFile('history.csv', exportCsv(LINES))]);
    const rows = await engine.backtest();
    const row = (month: string, category: string) => {
      const r = rows.find((x) => x.month === month && x.category === category)!;
      return [r.denied, r.denied_dollars, r.caught, r.caught_dollars, r.flagged, r.flagged_denied];
    };
    // [denied, denied $, caught, caught $, flagged, flagged and denied]
    expect(row('2026-01-01', 'mismatch')).toEqual([1, 95, 0, 0, 0, 0]);
    expect(row('2026-01-01', 'outdated')).toEqual([1, 100, 1, 100, 1, 1]);
    expect(row('2026-01-01', 'unspecified')).toEqual([0, 0, 0, 0, 1, 0]);
    expect(row('2026-01-01', 'missing_modifier')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(row('2026-01-01', 'overall')).toEqual([2, 195, 1, 100, 2, 1]);
    expect(row('2026-02-01', 'mismatch')).toEqual([1, 95, 1, 95, 2, 1]);
    expect(row('2026-02-01', 'overall')).toEqual([1, 95, 1, 95, 2, 1]);
    expect(rows.filter((r) => r.category === 'overall').map((r) => r.lines)).toEqual([4, 3]);
  }, 120_000);
});
